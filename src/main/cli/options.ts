/**
 * The option tables of the commands: one entry per flag, read by the parser (names and types),
 * by the checks (ranges and defaults) and by the help text (the same ranges and defaults), so the
 * three cannot drift apart. Defaults and bounds come from the model's and the client's constants.
 */
import { DEFAULT_SIZES } from '../../shared/model'
import { DEFAULT_TIMEOUT_MS, SIZE_LIMITS } from '../core/api'
import { DEFAULT_DEMO_STORES, MAX_STORES } from '../core/demo'
import { intFlag, type Flags, type OptionSpec } from './args'

/** A whole-number range, both ends included. */
export interface IntRange {
  min: number
  max: number
}

/** One flag of a command. */
export interface OptionDef {
  type: 'string' | 'boolean'
  /** The value's placeholder in the help ("URL", "N"); none for a boolean. */
  value?: string
  /** What the flag does, as the help shows it before any range and default. */
  help: string
  /** Bounds of a whole-number value. */
  range?: IntRange
  /** The value used when the flag is absent. */
  default?: number | string
  /** What the help adds after `help`: range and default (the default), the default only, or nothing. */
  shown?: 'range+default' | 'default' | 'none'
}

/** A command's flags, in the order the help lists them. */
export type OptionTable = Readonly<Record<string, OptionDef>>

/** Bounds of --timeout-ms, shared by `fetch` and `snapshot`. */
export const TIMEOUT_RANGE: IntRange = { min: 100, max: 600_000 }

const size = (help: string, key: keyof typeof SIZE_LIMITS): OptionDef => ({
  type: 'string',
  value: 'N',
  help,
  range: { min: 1, max: SIZE_LIMITS[key] },
  default: DEFAULT_SIZES[key],
})

const ENDPOINT: OptionDef = { type: 'string', value: 'URL', help: 'the dashboard endpoint (https://, or http:// on this computer)' }
const USER_ID: OptionDef = { type: 'string', value: 'ID', help: 'the platform user whose key this is' }
const ACCOUNT_ID: OptionDef = { type: 'string', value: 'ID', help: 'the store ("Owner ID")' }
const FORMAT: OptionDef = { type: 'string', value: 'xml|json', help: 'response format asked of the server', default: 'xml' }

/** `storeglance fetch`. */
export const FETCH_OPTIONS: OptionTable = {
  endpoint: ENDPOINT,
  'user-id': USER_ID,
  'account-id': ACCOUNT_ID,
  format: FORMAT,
  top: size('most active customers to list', 'mostActive'),
  days: size('days of campaign activity', 'days'),
  'last-transactions': size('latest transactions', 'lastTransactions'),
  'last-customers': size('latest customers', 'lastCustomers'),
  'timeout-ms': { type: 'string', value: 'N', help: 'time limit of the request', range: TIMEOUT_RANGE, default: DEFAULT_TIMEOUT_MS },
  json: { type: 'boolean', help: 'print the snapshot as JSON instead of a summary' },
}

/** `storeglance accounts add`. */
export const ADD_OPTIONS: OptionTable = {
  label: { type: 'string', value: 'L', help: "the store's display name" },
  endpoint: ENDPOINT,
  'user-id': USER_ID,
  'account-id': ACCOUNT_ID,
  'time-zone': { type: 'string', value: 'TZ', help: "the store's calendar, an IANA name (default: this computer's)" },
  colour: { type: 'string', value: 'C', help: 'display colour #rrggbb' },
  color: { type: 'string', value: 'C', help: '', shown: 'none' },
  format: FORMAT,
  'limited-permissions': { type: 'boolean', help: 'the user is not an owner/admin: figures cover only what it may see' },
}

/** `storeglance snapshot`. */
export const SNAPSHOT_OPTIONS: OptionTable = {
  offline: { type: 'boolean', help: 'make no request: print the stored figures, with their age' },
  json: { type: 'boolean', help: 'print the comparison as JSON' },
  csv: { type: 'boolean', help: 'print the comparison as CSV' },
  'timeout-ms': { type: 'string', value: 'N', help: 'time limit of each request', range: TIMEOUT_RANGE, default: DEFAULT_TIMEOUT_MS },
}

/** `storeglance demo-server`. */
export const DEMO_SERVER_OPTIONS: OptionTable = {
  host: { type: 'string', value: 'H', help: '127.0.0.1 (default), ::1 or localhost' },
  port: { type: 'string', value: 'N', help: '0 (default) picks a free port', range: { min: 0, max: 65_535 }, default: 0, shown: 'none' },
  stores: { type: 'string', value: 'N', help: 'number of stores', range: { min: 1, max: MAX_STORES }, default: DEFAULT_DEMO_STORES },
  seed: {
    type: 'string',
    value: 'N',
    help: 'seed of the simulated data',
    range: { min: 0, max: 2 ** 32 - 1 },
    default: 1,
    shown: 'default',
  },
  'latency-ms': { type: 'string', value: 'N', help: 'delay added to every answer', range: { min: 0, max: 60_000 }, default: 0 },
  now: { type: 'string', value: 'ISO', help: "freeze the server's clock at this instant (e.g. 2025-03-15T12:00:00Z)" },
  json: { type: 'boolean', help: 'first print one JSON line {"url": ..., "stores": [...]}' },
}

/** The parser's view of a table: names and types. */
export function specOf(table: OptionTable): OptionSpec {
  return Object.fromEntries(Object.entries(table).map(([name, def]) => [name, { type: def.type }]))
}

/** What the help adds after a flag's text: "(1-1000, default 10)", "(default xml)" or nothing. */
function helpSuffix(def: OptionDef): string {
  const shown = def.shown ?? (def.range ? 'range+default' : 'default')
  if (shown === 'none' || def.default === undefined) return ''
  if (shown === 'range+default' && def.range) return ` (${def.range.min}-${def.range.max}, default ${def.default})`
  return ` (default ${def.default})`
}

/** The help's option lines of a table, aligned; a flag with no text (an alias) is left out. */
export function optionLines(table: OptionTable): string {
  return Object.entries(table)
    .filter(([, def]) => def.help !== '')
    .map(([name, def]) => `  ${`--${name}${def.value ? ` ${def.value}` : ''}`.padEnd(26)}${def.help}${helpSuffix(def)}`)
    .join('\n')
}

/** A whole-number flag checked against its table entry's range, or the entry's default when absent. */
export function intOption(flags: Flags, table: OptionTable, name: string, command: string): number {
  const def = table[name]
  if (!def?.range || typeof def.default !== 'number') throw new Error(`--${name} of ${command} is not a whole-number option`)
  return intFlag(flags, name, command, def.range, def.default)
}
