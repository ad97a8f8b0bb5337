/**
 * Argument parsing (node:util parseArgs, strict) and the checks every flag value goes through.
 * Each problem becomes a UsageError (exit 64) that says what is wrong without repeating a value
 * that could be a key typed in the wrong place.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { validateEndpoint } from '../core/api'
import { isValidTimeZone } from '../core/accounts'
import { UsageError } from './exitCodes'

export type OptionSpec = NonNullable<ParseArgsConfig['options']>

/** Parsed flags: strings for string options, booleans for boolean ones. */
export type Flags = Record<string, string | boolean | undefined>

export interface Parsed {
  flags: Flags
  positionals: string[]
}

/** Flags people may try for a key; refused with an explanation (command lines are visible to others). */
const KEY_FLAGS = /^--?(key|api-key|apikey|api_key|api-access-key|api_access_key)(=|$)/i

/**
 * Parses `args` for `command` with `options` (plus --help); unknown options, missing values and
 * more than `maxPositionals` arguments are usage errors.
 */
export function parseCommand(command: string, args: string[], options: OptionSpec, maxPositionals = 0): Parsed {
  const keyFlag = args.find((a) => KEY_FLAGS.test(a))
  if (keyFlag) {
    throw new UsageError(
      'The API key is never taken from the command line (other users can see it): set STOREGLANCE_API_KEY, or pipe it to `storeglance accounts add`.',
      command,
    )
  }
  let result: ReturnType<typeof parseArgs>
  try {
    result = parseArgs({ args, options: { ...options, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: true })
  } catch (err) {
    throw new UsageError(parseProblem(err), command)
  }
  if (result.positionals.length > maxPositionals) {
    throw new UsageError(
      maxPositionals === 0 ? `${command} takes no arguments besides its options.` : `Too many arguments for ${command}.`,
      command,
    )
  }
  return { flags: result.values as Flags, positionals: result.positionals }
}

/** parseArgs' error, shortened to what the user needs; positional values are not repeated. */
function parseProblem(err: unknown): string {
  const e = err as { code?: string; message?: string }
  const quoted = /'([^']*)'/
    .exec(e.message ?? '')?.[1]
    ?.replace(/=.*$/, '')
    .replace(/ <value>$/, '')
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unknown option ${quoted ?? ''}.`.replace(' .', '.')
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (/does not take an argument/.test(e.message ?? '')) return `Option ${quoted} does not take a value.`
      if (/ambiguous/.test(e.message ?? '')) return `Option ${quoted} needs a value (write ${quoted}=VALUE for a value starting with "-").`
      return `Option ${quoted} needs a value.`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return 'Unexpected argument.'
    default:
      return 'The options could not be read.'
  }
}

/** A string flag that must be present and not blank. */
export function required(flags: Flags, name: string, command: string): string {
  const v = flags[name]
  if (typeof v !== 'string' || v.trim() === '') throw new UsageError(`Missing --${name}.`, command)
  return v.trim()
}

/** An optional string flag, trimmed; undefined when absent. */
export function optional(flags: Flags, name: string): string | undefined {
  const v = flags[name]
  return typeof v === 'string' ? v.trim() : undefined
}

/** An optional whole number in [min, max]; `fallback` when absent. */
export function intFlag(flags: Flags, name: string, command: string, range: { min: number; max: number }, fallback: number): number {
  const v = flags[name]
  if (v === undefined) return fallback
  if (typeof v !== 'string' || !/^\s*-?\d+\s*$/.test(v)) throw new UsageError(`--${name} must be a whole number.`, command)
  const n = Number(v)
  if (!Number.isSafeInteger(n) || n < range.min || n > range.max) {
    throw new UsageError(`--${name} must be between ${range.min} and ${range.max}.`, command)
  }
  return n
}

/** --format: xml (default) or json. */
export function formatFlag(flags: Flags, command: string): 'xml' | 'json' {
  const v = optional(flags, 'format')?.toLowerCase() ?? 'xml'
  if (v !== 'xml' && v !== 'json') throw new UsageError('--format must be xml or json.', command)
  return v
}

/** --endpoint, checked by the client's own rule (https, or http on this computer only). */
export function endpointFlag(flags: Flags, command: string): string {
  const raw = required(flags, 'endpoint', command)
  try {
    return validateEndpoint(raw)
  } catch (err) {
    throw new UsageError(`--endpoint: ${(err as Error).message}`, command)
  }
}

/** --time-zone: an IANA name this runtime knows; `fallback` when absent. */
export function timeZoneFlag(flags: Flags, command: string, fallback: string): string {
  const v = optional(flags, 'time-zone')
  if (v === undefined) return fallback
  if (!isValidTimeZone(v)) throw new UsageError('--time-zone: unknown time zone (expected an IANA name such as Europe/Paris).', command)
  return v
}

/** Refuses flags that cannot go together, e.g. --json with --csv. */
export function exclusive(flags: Flags, names: string[], command: string): void {
  const given = names.filter((n) => flags[n] !== undefined && flags[n] !== false)
  if (given.length > 1) throw new UsageError(`${given.map((n) => `--${n}`).join(' and ')} cannot be used together.`, command)
}
