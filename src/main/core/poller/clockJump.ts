/**
 * Wall-clock jumps as the poller sees them. Next-poll times are wall-clock instants while timers
 * run on elapsed time, so a clock set back leaves them hours ahead (nothing polls), and a clock
 * set forward makes every store overdue at once (everything polls together). Pure: the time
 * comes in as `now`.
 */
import { MAX_BACKOFF_MS } from './backoff'
import type { Entry } from './schedule'

/** Longest a jittered interval stretches (+10%), plus a second for rounding. */
const JITTER_ALLOWANCE = 1.1
const ROUNDING_MS = 1_000

/**
 * The latest next-poll time the poller itself could have given this entry at `now`: one jittered
 * interval, or the backoff cap while it backs off from transient failures.
 */
export function latestLegitimateNextAt(e: Entry, now: number): number {
  const backingOff = e.failures > 0 && !e.needsAttention
  const interval = Math.ceil(e.intervalMs * JITTER_ALLOWANCE)
  return now + Math.max(interval, backingOff ? MAX_BACKOFF_MS : 0) + ROUNDING_MS
}

/** Entries waiting for a next-poll time further ahead than it could legitimately be: the clock went back. */
export function jumpedBack(list: Entry[], now: number): Entry[] {
  return list.filter((e) => !e.inFlight && e.nextAt > latestLegitimateNextAt(e, now))
}

/** Entries overdue by more than their interval (the clock went forward, or the computer slept unnoticed). */
export function farOverdue(list: Entry[], now: number): Entry[] {
  return list.filter((e) => !e.inFlight && !e.forced && now - e.nextAt > e.intervalMs)
}

/**
 * Undoes what a wall-clock jump did to the schedule: entries waiting further ahead than they could
 * (clock set back) are rescheduled from now, and several overdue by more than their interval
 * (clock set forward) are spread out rather than all polled at once (only when `polling`, i.e.
 * neither paused nor offline). Returns the entries whose next poll moved.
 */
export function correctClockJumps(
  list: Entry[],
  now: number,
  polling: boolean,
  spreadOut: (list: Entry[], onlyOverdue: boolean) => void,
): Entry[] {
  const back = jumpedBack(list, now)
  spreadOut(back, false)
  const overdue = polling ? farOverdue(list, now) : []
  if (overdue.length < 2) return back
  spreadOut(overdue, true)
  return [...back, ...overdue]
}
