/**
 * Pure timing rules of the poller: jittered intervals, exponential backoff with full jitter, and
 * which failures are worth retrying early.
 */
import type { ErrorKind } from '../../../shared/model'

export const MIN_DELAY_MS = 60_000
export const MAX_BACKOFF_MS = 30 * 60_000

/** The regular interval with ±10% jitter, so stores polled together drift apart. */
export function jitteredInterval(intervalMs: number, random: () => number): number {
  return Math.round(intervalMs * (0.9 + 0.2 * random()))
}

/**
 * Delay before retry number `failures` (1, 2, …) after a transport failure: full jitter over an
 * exponentially growing ceiling (1 min, 2, 4 … up to 30 min), never sooner than a minute.
 */
export function backoffDelay(failures: number, random: () => number): number {
  const ceiling = Math.min(MAX_BACKOFF_MS, MIN_DELAY_MS * 2 ** Math.max(0, failures - 1))
  return Math.max(MIN_DELAY_MS, Math.round(random() * ceiling))
}

/** A failure as the poller sees it. */
export interface Failure {
  kind: ErrorKind
  message: string
  /** Worth retrying sooner than the interval (the network or the server had a bad moment). */
  transient: boolean
}

/**
 * Sorts an error into transient (network, timeout, 5xx, 408/429, unusable response: back off and
 * retry) or not (the server refused us, or the keychain did: retrying faster will not help, the
 * user must act).
 */
export function classifyFailure(err: unknown): Failure {
  const e = err as { kind?: unknown; status?: unknown; message?: unknown } | null
  const message = typeof e?.message === 'string' && e.message ? e.message : 'The request failed.'
  const kind = typeof e?.kind === 'string' ? (e.kind as ErrorKind) : 'network'
  switch (kind) {
    case 'api':
    case 'keychain':
      return { kind, message, transient: false }
    case 'http': {
      const status = typeof e?.status === 'number' ? e.status : 500
      return { kind, message, transient: status >= 500 || status === 408 || status === 429 }
    }
    case 'timeout':
    case 'network':
    case 'response':
      return { kind, message, transient: true }
    default:
      return { kind: 'network', message, transient: true }
  }
}
