/**
 * A Clock whose wall time (`now`) can be set back or forward like a user or NTP changing the
 * computer's clock, while its timers keep counting elapsed time (as Node's setTimeout does). Time
 * still moves only when the test advances the FakeClock underneath.
 */
import type { Clock } from '../../src/main/core/ports'
import type { FakeClock } from './fakeClock'

export interface JumpingClock extends Clock {
  /** Moves the wall clock by `ms` (negative: back) without running or moving any timer. */
  jump(ms: number): void
}

/** Wraps `base`: timers run on its elapsed time, `now()` is its time plus every jump so far. */
export function jumpingClock(base: FakeClock): JumpingClock {
  let skew = 0
  return {
    now: () => base.now() + skew,
    setTimeout: (fn, ms) => base.setTimeout(fn, ms),
    clearTimeout: (h) => base.clearTimeout(h),
    jump: (ms) => {
      skew += ms
    },
  }
}
