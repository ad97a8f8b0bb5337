/**
 * `storeglance fetch`: one dashboard request for one store, nothing saved. For scripts (--json
 * prints the StoreSnapshot of API.md §3) and for support ("what does the server send right now?").
 */
import type { RequestSizes, ResponseFormat } from '../../../shared/model'
import { fetchDashboard } from '../../core/api'
import { sameStore } from '../../core/accounts'
import { endpointFlag, formatFlag, intFlag, parseCommand, required, type Flags, type OptionSpec } from '../args'
import { openCore, type CliIo } from '../context'
import { EXIT, NoKeyError } from '../exitCodes'
import { fetchSummary } from '../summary'
import { helpText } from '../usage'

const COMMAND = 'fetch'

const OPTIONS: OptionSpec = {
  endpoint: { type: 'string' },
  'user-id': { type: 'string' },
  'account-id': { type: 'string' },
  format: { type: 'string' },
  top: { type: 'string' },
  days: { type: 'string' },
  'last-transactions': { type: 'string' },
  'last-customers': { type: 'string' },
  'timeout-ms': { type: 'string' },
  json: { type: 'boolean' },
}

/** The list sizes the client accepts (its own bounds) and the request time limit. */
const LIST = { min: 1, max: 1000 }
const DAYS = { min: 1, max: 366 }
/** Bounds of --timeout-ms, shared with `snapshot`. */
export const TIMEOUT_RANGE = { min: 100, max: 600_000 }

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
      mostActive: intFlag(flags, 'top', COMMAND, LIST, 10),
      days: intFlag(flags, 'days', COMMAND, DAYS, 30),
      lastTransactions: intFlag(flags, 'last-transactions', COMMAND, LIST, 10),
      lastCustomers: intFlag(flags, 'last-customers', COMMAND, LIST, 10),
    },
    timeoutMs: intFlag(flags, 'timeout-ms', COMMAND, TIMEOUT_RANGE, 20_000),
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
  const why = account ? `The keychain holds no key for "${account.label}".` : 'No API key for this store.'
  throw new NoKeyError(`${why} Set STOREGLANCE_API_KEY or add the store with \`storeglance accounts add\`.`)
}

/** Runs `storeglance fetch`; returns the exit code. */
export async function fetchCommand(args: string[], io: CliIo): Promise<number> {
  const { flags } = parseCommand(COMMAND, args, OPTIONS)
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
