/**
 * The logger port: what the core tells support about itself (start, version, each poll's outcome
 * class and duration, warnings, unhandled failures). The core only sees this interface; the app and
 * the CLI plug in the rotating file log (fileLog.ts). Key-free by construction: every line goes
 * through `redact()` with every API key this process has handled, and carries no server text.
 */
import { redact } from '../api/errors'

/** Structured values of one line: short, flat, never a snapshot or a server message. */
export type LogFields = Record<string, string | number | boolean | null | undefined>

export type LogLevel = 'INFO' | 'WARN' | 'ERROR'

/** Where the core's log lines go. Implementations must never throw. */
export interface Logger {
  info(event: string, fields?: LogFields): void
  warn(event: string, fields?: LogFields): void
  error(event: string, fields?: LogFields): void
}

/** A logger that drops everything (tests, and before the log is open). */
export const nullLogger: Logger = { info: () => undefined, warn: () => undefined, error: () => undefined }

/** At most this many keys are remembered for redaction (a process handles a handful). */
const MAX_SECRETS = 1_000
const secrets = new Set<string>()

/**
 * Remembers an API key this process handled, so that no log line can ever contain it (plain or
 * URL-encoded, any case). Called wherever a key enters: the account service and the CLI.
 */
export function rememberSecret(key: string | null | undefined): void {
  const k = key?.trim()
  if (!k || k.length < 4 || secrets.has(k)) return
  if (secrets.size >= MAX_SECRETS) secrets.delete(secrets.values().next().value as string)
  secrets.add(k)
}

/** `text` with every remembered key replaced by "[redacted]". */
export function redactSecrets(text: string): string {
  let out = text
  for (const key of secrets) out = redact(out, key)
  return out
}

/** Longest line written; anything longer is cut (a log line is a sentence, not a body). */
export const MAX_LINE = 2_000

/** One value as it appears in a line: bare when simple, JSON-quoted otherwise. */
function formatValue(v: string | number | boolean | null): string {
  // Redacted before it is cut: a key straddling the cut would no longer match afterwards.
  const text = redactSecrets(String(v))
  return /^[\w.:/@+-]{1,200}$/.test(text) ? text : JSON.stringify(text.slice(0, 500))
}

/**
 * One log line (no newline inside it): time, level, event, then `name=value` fields; redacted.
 * Control characters are escaped so a message cannot forge another line.
 */
export function formatLine(at: Date, level: LogLevel, event: string, fields: LogFields = {}): string {
  const parts = [at.toISOString(), level, event]
  for (const [name, value] of Object.entries(fields)) if (value !== undefined) parts.push(`${name}=${formatValue(value)}`)
  const line = redactSecrets(parts.join(' ')).replace(/[\u0000-\u001f\u007f]/g, ' ')
  return line.length > MAX_LINE ? `${line.slice(0, MAX_LINE)}…` : line
}

/** The class of a failure, for a log line: its `kind` when it has one, else its name. Never its message. */
export function outcomeClass(err: unknown): string {
  const kind = (err as { kind?: unknown } | null)?.kind
  if (typeof kind === 'string') return kind
  if (err instanceof Error) return err.name === 'AbortError' ? 'aborted' : err.name || 'Error'
  return 'unknown'
}
