/**
 * Typed failures of the dashboard client. Each carries a `kind` (ErrorKind in the shared model) so
 * the poller and the UI can react differently (retry, back off, ask the user to fix a setting), and
 * a short message a user can act on. No message ever contains the API key: everything built from
 * text that could echo the request goes through `redact`. Errors deliberately carry no `cause`
 * object (a transport's cause could hold request details); only a plain error code is kept.
 */
import type { ErrorKind } from '../../../shared/model'
import { containsSecret, redact } from '../redact'

/** The kinds the dashboard client can produce (the keychain has its own errors). */
export type DashboardErrorKind = Exclude<ErrorKind, 'keychain'>

/** Base of every dashboard client failure. */
export abstract class DashboardError extends Error {
  abstract readonly kind: DashboardErrorKind

  /** Plain data for logs and IPC; never includes a stack or a cause. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, kind: this.kind, message: this.message }
  }
}

/** The server answered in the dashboard format with status="error" (wrong key, no permission...). */
export class ApiError extends DashboardError {
  readonly kind = 'api' as const
  override readonly name = 'ApiError'
  /** The server's own message, sanitized and shortened. */
  readonly serverMessage: string

  constructor(serverMessage: string) {
    const msg = sanitizeText(serverMessage, 200)
    super(msg ? `The server refused the request: ${msg}` : 'The server reported an error without a message.')
    this.serverMessage = msg
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), serverMessage: this.serverMessage }
  }
}

/** The server answered with a non-2xx status and no dashboard error in the body. */
export class HttpError extends DashboardError {
  readonly kind = 'http' as const
  override readonly name = 'HttpError'

  constructor(readonly status: number) {
    super(httpMessage(status))
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), status: this.status }
  }
}

function httpMessage(status: number): string {
  if (status === 401 || status === 403) {
    return `The server refused access (HTTP ${status}). Check the user id, account id and API key.`
  }
  if (status === 404) return 'The endpoint was not found (HTTP 404). Check the endpoint URL.'
  if (status === 429) return 'The server says there were too many requests (HTTP 429). Try a longer interval.'
  if (status >= 300 && status < 400) {
    return `The server redirected the request (HTTP ${status}). Check the endpoint URL.`
  }
  if (status >= 500) return `The server had a problem (HTTP ${status}). It will be retried later.`
  return `The server answered with HTTP ${status}.`
}

/** No complete answer within the time limit. */
export class TimeoutError extends DashboardError {
  readonly kind = 'timeout' as const
  override readonly name = 'TimeoutError'

  constructor(readonly timeoutMs: number) {
    super(`The server did not answer within ${Math.round(timeoutMs / 100) / 10} s. It will be retried later.`)
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), timeoutMs: this.timeoutMs }
  }
}

/** Why a connection failed, in words a user understands. */
export type NetworkReason = 'dns' | 'refused' | 'reset' | 'unreachable' | 'tls' | 'redirect' | 'other'

const NETWORK_MESSAGES: Record<NetworkReason, string> = {
  dns: 'The server name could not be found. Check the endpoint URL and your internet connection.',
  refused: 'The server refused the connection. Check the endpoint URL, or try again later.',
  reset: 'The connection was cut by the server or the network. It will be retried later.',
  unreachable: 'The server could not be reached. Check your internet connection.',
  tls: 'The secure connection failed (certificate problem). Check the endpoint URL.',
  redirect: 'The server tried to redirect the request, which is refused for safety. Check the endpoint URL.',
  other: 'The connection to the server failed. Check your internet connection.',
}

/** The request never got an HTTP answer: DNS failure, connection refused or reset, TLS, offline. */
export class NetworkError extends DashboardError {
  readonly kind = 'network' as const
  override readonly name = 'NetworkError'

  /** `code`: the low-level error code when known (ECONNREFUSED...), for diagnostics. */
  constructor(
    readonly reason: NetworkReason,
    readonly code?: string,
  ) {
    super(NETWORK_MESSAGES[reason])
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), reason: this.reason, code: this.code }
  }
}

/** What was wrong with a response body. */
export type ResponseProblem = 'empty' | 'too-large' | 'truncated' | 'malformed' | 'not-dashboard'

const RESPONSE_MESSAGES: Record<ResponseProblem, string> = {
  empty: 'The server sent an empty answer.',
  'too-large': 'The server sent an answer that is too large to be a dashboard.',
  truncated: 'The server’s answer was cut off before it was complete.',
  malformed: 'The server’s answer could not be read.',
  'not-dashboard': 'The server’s answer is not a dashboard response. Check the endpoint URL.',
}

/** The body could not be turned into a snapshot: empty, cut off, too large, broken or foreign. */
export class ResponseError extends DashboardError {
  readonly kind = 'response' as const
  override readonly name = 'ResponseError'
  /** A short, sanitized start of the body (<= 120 chars) to help diagnose what the server sent. */
  readonly excerpt: string

  /** `detail`: an optional short technical precision appended to the message. */
  constructor(
    readonly problem: ResponseProblem,
    body = '',
    detail?: string,
  ) {
    super(detail ? `${RESPONSE_MESSAGES[problem]} (${sanitizeText(detail, 80)})` : RESPONSE_MESSAGES[problem])
    this.excerpt = makeExcerpt(body)
  }

  override toJSON(): Record<string, unknown> {
    return { ...super.toJSON(), problem: this.problem, excerpt: this.excerpt }
  }
}

/** An account setting cannot make a valid request (bad endpoint, missing or unsendable key or id). */
export class ConfigError extends Error {
  override readonly name = 'ConfigError'
}

export { redact }

/** One line, no control characters, at most `max` characters. */
export function sanitizeText(text: string, max: number): string {
  // Server text can be megabytes long: only the start can be shown, so only the start is cleaned.
  const line = text
    .slice(0, max * 4 + 64)
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return line.length > max ? `${line.slice(0, max - 1)}…` : line
}

/** The start of a body, safe to show: sanitized and at most ~120 characters. */
export function makeExcerpt(body: string): string {
  return sanitizeText(body.slice(0, 400).replace(/^\uFEFF/, ''), 120)
}

/**
 * Returns `err` unchanged when none of its user-visible text contains `key`; otherwise a copy of
 * the same class built from redacted text. Used by the client on every error it throws.
 */
export function redactError<E extends Error>(err: E, key: string): E {
  if (!key) return err
  // The texts a person or a log may see: the message, the stack and the error's own string fields
  // (not the field names, which a very short key could match).
  const own = Object.entries(err).filter((e): e is [string, string] => typeof e[1] === 'string')
  const texts = [err.message, String(err.stack ?? ''), ...own.map(([, v]) => v)]
  if (!texts.some((t) => containsSecret(t, key))) return err
  if (err instanceof ApiError) return new ApiError(redact(err.serverMessage, key)) as unknown as E
  if (err instanceof ResponseError) {
    return new ResponseError(err.problem, redact(err.excerpt, key)) as unknown as E
  }
  // Any other class: the same class and fields (its kind decides the exit code and the advice),
  // every string redacted; the cause is left out, as it may hold the key in any form.
  const safe = Object.create(Object.getPrototypeOf(err) as object) as E
  for (const [name, value] of Object.entries(err)) Object.assign(safe, { [name]: typeof value === 'string' ? redact(value, key) : value })
  for (const name of ['message', 'stack'] as const)
    Object.defineProperty(safe, name, { value: redact(String(err[name] ?? ''), key), writable: true, configurable: true })
  return safe
}
