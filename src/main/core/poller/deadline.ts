/**
 * The deadline of one poll: from request to snapshot, on the injected clock (so tests advance it).
 */
import { TimeoutError } from '../api/errors'
import type { Clock } from '../ports'

/** Longest delay a Node timer accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1

/**
 * Runs `work` under a deadline on the injected clock: settles with `work`, or rejects with a
 * TimeoutError (and aborts `ctrl` with it) when the deadline passes first. A late outcome of `work`
 * is dropped; its signal is aborted, so it must not store anything.
 */
export function withDeadline(clock: Clock, ms: number, ctrl: AbortController, work: () => Promise<unknown>): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = clock.setTimeout(
      () => {
        const err = new TimeoutError(ms)
        ctrl.abort(err)
        reject(err)
      },
      Math.min(MAX_TIMER_MS, ms),
    )
    let pending: Promise<unknown>
    try {
      pending = work()
    } catch (err) {
      pending = Promise.reject(err)
    }
    pending.then(resolve, reject).finally(() => clock.clearTimeout(timer))
  })
}
