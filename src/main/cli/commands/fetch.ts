/**
 * `storeglance fetch`: one dashboard request for one store, nothing saved. For scripts (--json
 * prints the StoreSnapshot of API.md §3) and for support ("what does the server send right now?").
 */
import type { RequestSizes, ResponseFormat } from '../../../shared/model'
import { fetchDashboard } from '../../core/api'
import { sameStore } from '../../core/accounts'
import { endpointFlag, formatFlag, parseCommand, required, type Flags } from '../args'
import { FETCH_OPTIONS, intOption, specOf } from '../options'
import { openCore, type CliIo } from '../context'
import { EXIT, NoKeyError } from '../exitCodes'
import { fetchSummary } from '../summary'
import { helpText } from '../usage'

const COMMAND = 'fetch'

/** One store's request, as given on the command line. */
export interface FetchTarget {
  endpoint: string
  userId: string
  accountId: string
  format: ResponseFormat
  sizes: RequestSizes
  timeoutMs: number
}

function readTarget(flags: Flags): FetchTarget {
  return {
    endpoint: endpointFlag(flags, COMMAND),
    userId: required(flags, 'user-id', COMMAND),
    accountId: required(flags, 'account-id', COMMAND),
    format: formatFlag(flags, COMMAND),
    sizes: {
      mostActive: intOption(flags, FETCH_OPTIONS, 'top', COMMAND),
      days: intOption(flags, FETCH_OPTIONS, 'days', COMMAND),
      lastTransactions: intOption(flags, FETCH_OPTIONS, 'last-transactions', COMMAND),
      lastCustomers: intOption(flags, FETCH_OPTIONS, 'last-customers', COMMAND),
    },
    timeoutMs: intOption(flags, FETCH_OPTIONS, 'timeout-ms', COMMAND),
  }
}

/**
 * The key for `target`: STOREGLANCE_API_KEY when set, else the keychain entry of the configured
 * store with the same endpoint (as it identifies a server), user id and account id.
 * Throws NoKeyError (exit 4) or KeychainUnavailableError (exit 4).
 */
export async function keyFor(target: FetchTarget, io: CliIo): Promise<string> {
  const fromEnv = io.env.STOREGLANCE_API_KEY?.trim()
  if (fromEnv) return fromEnv
  const core = await openCore(io)
  const account = core.accounts.list().find((a) => sameStore(a, target))
  const key = account ? await core.accounts.getKey(account.id) : null
  if (key) return key
  // A configured store keeps its figures when given its key again (the window's Edit form); a new one is added.
  if (account)
    throw new NoKeyError(
      `The keychain holds no key for "${account.label}". Set STOREGLANCE_API_KEY, or give the store its key again in Storeglance (Settings, the store's Edit).`,
    )
  throw new NoKeyError('No API key for this store. Set STOREGLANCE_API_KEY or add the store with `storeglance accounts add`.')
}

/** Runs `storeglance fetch`; returns the exit code. */
export async function fetchCommand(args: string[], io: CliIo): Promise<number> {
  const { flags } = parseCommand(COMMAND, args, specOf(FETCH_OPTIONS))
  if (flags.help) {
    io.out(`${helpText(COMMAND)}\n`)
    return EXIT.ok
  }
  const target = readTarget(flags)
  const key = await keyFor(target, io)
  const snapshot = await fetchDashboard({ ...target, key })
  io.out(flags.json ? `${JSON.stringify(snapshot, null, 2)}\n` : fetchSummary(snapshot, target))
  return EXIT.ok
}
