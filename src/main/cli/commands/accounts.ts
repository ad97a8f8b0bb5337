/**
 * `storeglance accounts list|add|remove|test`: the same store list as the app (settings.json plus
 * the keychain), through the same account service, so a store added here is tested, stored and
 * shown exactly as if it had been added in the window.
 */
import { DEFAULT_SIZES, type Account, type AccountInput } from '../../../shared/model'
import { fetchDashboard, requestFieldsOf } from '../../core/api'
import { freeStoreColour } from '../../../shared/colours'
import { AccountError, defaultTimeZone, KeychainUnavailableError, sameStore } from '../../core/accounts'
import { formatFigure } from '../../../shared/comparison'
import { endpointFlag, formatFlag, optional, parseCommand, required, timeZoneFlag, type Flags } from '../args'
import { findAccount, openCore, type CliIo } from '../context'
import { ADD_OPTIONS, specOf } from '../options'
import { EXIT, NoKeyError, UsageError } from '../exitCodes'
import { columns, oneLine } from '../output'
import { readKey } from '../prompt'
import { helpText } from '../usage'

type Sub = (args: string[], io: CliIo) => Promise<number>

const help = (io: CliIo, command: string) => {
  io.out(`${helpText(command)}\n`)
  return EXIT.ok
}

/** Whether the keychain holds a key for each store; null for all when the keychain cannot be used. */
async function keyStates(io: CliIo, accounts: Account[], has: (id: string) => Promise<boolean>): Promise<(boolean | null)[]> {
  try {
    return await Promise.all(accounts.map((a) => has(a.id)))
  } catch (err) {
    if (!(err instanceof KeychainUnavailableError)) throw err
    io.err(`Warning: ${err.message}\n`)
    return accounts.map(() => null)
  }
}

const list: Sub = async (args, io) => {
  const { flags } = parseCommand('accounts list', args, { json: { type: 'boolean' } })
  if (flags.help) return help(io, 'accounts list')
  const core = await openCore(io)
  const accounts = core.accounts.list()
  const keys = await keyStates(io, accounts, (id) => core.accounts.hasKey(id))
  if (flags.json) {
    io.out(
      `${JSON.stringify(
        accounts.map((a, i) => ({ ...a, hasKey: keys[i] })),
        null,
        2,
      )}\n`,
    )
    return EXIT.ok
  }
  if (accounts.length === 0) {
    // A message, not a result: stdout stays empty, as for `alerts history` without alerts.
    io.err('No stores are set up yet. Add one with `storeglance accounts add` (see --help).\n')
    return EXIT.ok
  }
  const keyText = (k: boolean | null) => (k === null ? 'unknown' : k ? 'stored' : 'MISSING')
  const rows = accounts.map((a, i) => [
    a.id,
    oneLine(a.label),
    a.endpoint,
    oneLine(a.userId),
    oneLine(a.accountId),
    a.timeZone,
    a.enabled ? 'yes' : 'no',
    a.limitedPermissions ? 'limited' : 'full',
    keyText(keys[i]!),
  ])
  io.out(`${columns([['ID', 'Label', 'Endpoint', 'User id', 'Account id', 'Time zone', 'Enabled', 'Permissions', 'Key'], ...rows])}\n`)
  return EXIT.ok
}

function readInput(flags: Flags, existing: readonly Account[]): AccountInput {
  const command = 'accounts add'
  const colour = optional(flags, 'colour') ?? optional(flags, 'color') ?? freeStoreColour(existing.map((a) => a.colour))
  if (!/^#[0-9a-fA-F]{6}$/.test(colour)) throw new UsageError('--colour must be #rrggbb (e.g. #2563eb).', command)
  const input: AccountInput = {
    label: required(flags, 'label', command),
    endpoint: endpointFlag(flags, command),
    userId: required(flags, 'user-id', command),
    accountId: required(flags, 'account-id', command),
    timeZone: timeZoneFlag(flags, command, defaultTimeZone()),
    colour,
    enabled: true,
    format: formatFlag(flags, command),
    sizes: { ...DEFAULT_SIZES },
  }
  if (flags['limited-permissions']) input.limitedPermissions = true
  return input
}

/** Refuses a store already configured before asking for its key (the service checks again). */
function refuseDuplicate(existing: Account[], input: AccountInput): void {
  const same = existing.find((a) => sameStore(a, input))
  if (same) {
    throw new AccountError(
      'duplicate',
      `This store is already in Storeglance as "${oneLine(same.label)}" (same endpoint, user id and account id).`,
    )
  }
}

const add: Sub = async (args, io) => {
  const { flags } = parseCommand('accounts add', args, specOf(ADD_OPTIONS))
  if (flags.help) return help(io, 'accounts add')
  const core = await openCore(io)
  const input = readInput(flags, core.accounts.list())
  refuseDuplicate(core.accounts.list(), input)
  const key = await readKey(io.stdin, io.err)
  io.err(`Testing the key against ${input.endpoint} ...\n`)
  const added = await core.accounts.add(input, key)
  io.out(`Added "${oneLine(added.label)}" (id ${added.id}). Its API key is in the system keychain.\n`)
  return EXIT.ok
}

const remove: Sub = async (args, io) => {
  const { flags, positionals } = parseCommand('accounts remove', args, {}, 1)
  if (flags.help) return help(io, 'accounts remove')
  if (positionals.length === 0) throw new UsageError('Say which store to remove (its id or label).', 'accounts remove')
  const core = await openCore(io)
  const account = findAccount(core.accounts, positionals[0]!, 'accounts remove')
  const { warnings, keyLeft } = await core.accounts.remove(account.id)
  warnings.forEach((w) => io.err(`Warning: ${w}\n`))
  // The store is gone either way; a key left in the keychain is a keychain failure (exit 4).
  if (keyLeft) {
    io.out(`Removed "${oneLine(account.label)}" and its saved figures; its key is still in the keychain (see the warning).\n`)
    return EXIT.key
  }
  io.out(`Removed "${oneLine(account.label)}", its key and its saved figures.\n`)
  return EXIT.ok
}

const test: Sub = async (args, io) => {
  const { flags, positionals } = parseCommand('accounts test', args, {}, 1)
  if (flags.help) return help(io, 'accounts test')
  if (positionals.length === 0) throw new UsageError('Say which store to test (its id or label).', 'accounts test')
  const core = await openCore(io)
  const account = findAccount(core.accounts, positionals[0]!, 'accounts test')
  const key = await core.accounts.getKey(account.id)
  if (!key)
    throw new NoKeyError(
      `The keychain holds no key for "${oneLine(account.label)}". Give the store its key again in Storeglance (Settings, the store's Edit): its saved figures stay.`,
    )
  const started = Date.now()
  const s = await fetchDashboard({ ...requestFieldsOf(account), key })
  const figures = `${formatFigure(s.customers.allTime)} customers, ${formatFigure(s.transactions.thisMonth)} transactions this month`
  io.out(`OK: "${oneLine(account.label)}" answered in ${Date.now() - started} ms (${figures}).\n`)
  return EXIT.ok
}

const SUBCOMMANDS: Record<string, Sub> = { list, add, remove, test }

/** Runs `storeglance accounts <sub>`; returns the exit code. */
export async function accountsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub === '--help' || sub === '-h') return help(io, 'accounts')
  if (sub === undefined || sub.startsWith('-')) throw new UsageError('accounts needs a subcommand: list, add, remove or test.', 'accounts')
  const run = SUBCOMMANDS[sub]
  if (!run)
    throw new UsageError(`Unknown accounts subcommand "${oneLine(sub).slice(0, 40)}" (expected list, add, remove or test).`, 'accounts')
  return run(rest, io)
}
