/**
 * The poller's bookkeeping of one store, and the rules over it that need no timer: what status a
 * store shows, and where first polls (and catch-up after resume) fall in the spread window. Pure:
 * the time comes in as `now`.
 */
import type { StoreStatus } from '../../../shared/model'
import { isFromTheFuture } from '../../../shared/period'

/** One store's schedule and its last outcome. */
export interface Entry {
  id: string
  intervalMs: number
  nextAt: number
  inFlight: AbortController | null
  /** The running poll, awaited when the store is dropped so nothing lands after it is gone. */
  running: Promise<void> | null
  /** Set when a request is aborted on purpose (pause, offline, removal): not a failure. */
  abortedOnPurpose: boolean
  forced: boolean
  /** "Refresh now" arrived while a poll was in flight: poll again as soon as it settles. */
  rerun: boolean
  lastSuccessAt: number | null
  lastRefreshAt: number | null
  failures: number
  error: StoreStatus['error']
  needsAttention: boolean
}

/** What the poller as a whole is doing, as a store's status reflects it. */
export interface PollerState {
  started: boolean
  paused: boolean
  online: boolean
}

/** The status the window shows for a store at `now`. */
export function entryStatus(e: Entry, now: number, p: PollerState): StoreStatus {
  let state: StoreStatus['state']
  if (e.inFlight) state = 'refreshing'
  else if (!p.online) state = 'offline'
  else if (p.paused) state = 'paused'
  else if (e.error) state = 'error'
  else if (e.lastSuccessAt === null) state = 'idle'
  // Dated in the future: the clock was set back since, and the figures' real age is unknown.
  else if (now - e.lastSuccessAt > 2 * e.intervalMs || isFromTheFuture(e.lastSuccessAt, now)) state = 'stale'
  else state = 'ok'
  return {
    id: e.id,
    state,
    lastSuccessAt: e.lastSuccessAt === null ? null : new Date(e.lastSuccessAt).toISOString(),
    nextAttemptAt: p.started ? new Date(e.nextAt).toISOString() : null,
    error: e.error,
    needsAttention: e.needsAttention,
  }
}

/**
 * Spreads the entries' next polls over `windowMs` from `now`, each in its own slot (jittered by
 * `random`), never before its stored snapshot is due (one dated in the future is due at once);
 * with `onlyOverdue`, entries not yet due keep their time.
 */
export function spreadEntries(list: Entry[], now: number, windowMs: number, random: () => number, onlyOverdue: boolean): void {
  list.forEach((e, i) => {
    const slot = now + Math.round(((i + random()) * windowMs) / list.length)
    // A snapshot dated slightly ahead counts as fetched now; one dated well in the future (the clock
    // was set back since) has an unknown age, so it is fetched again in its slot.
    const known = e.lastSuccessAt !== null && !isFromTheFuture(e.lastSuccessAt, now)
    const dueBySnapshot = known ? Math.min(e.lastSuccessAt!, now) + e.intervalMs : now
    if (!onlyOverdue || e.nextAt <= now) e.nextAt = Math.max(slot, dueBySnapshot)
  })
}
