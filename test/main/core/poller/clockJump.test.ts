/**
 * The poller when the wall clock jumps: set back, it must not stop polling until the old time
 * comes round again; set forward, it must not send every store at once. Timers keep elapsed time.
 */
import { describe, expect, it } from 'vitest'
import { createPoller, type PollerOptions } from '../../../../src/main/core/poller/poller'
import { latestLegitimateNextAt } from '../../../../src/main/core/poller/clockJump'
import { FakeClock } from '../../../helpers/fakeClock'
import { jumpingClock } from '../../../helpers/jumpingClock'
import type { StoreStatus } from '../../../../src/shared/model'

const MIN = 60_000
const HOUR = 60 * MIN
const targets = (n: number, intervalSec = 300) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, intervalSec }))

/** A poller on a jumping clock whose polls answer at once, recording the wall time of each. */
function setup(over: Partial<PollerOptions> = {}) {
  const base = new FakeClock('2026-11-18T10:00:00Z')
  const clock = jumpingClock(base)
  const calls: { id: string; at: number }[] = []
  const statuses: StoreStatus[] = []
  const poll: PollerOptions['poll'] = async (id) => {
    calls.push({ id, at: clock.now() })
  }
  const poller = createPoller({ clock, poll, random: () => 0.5, onStatus: (s) => statuses.push(s), ...over })
  return { base, clock, calls, statuses, poller }
}

describe('a wall clock set back', () => {
  it('keeps polling every store within an interval, instead of waiting until the old time comes back', async () => {
    const { base, clock, calls, poller } = setup()
    poller.setTargets(targets(3, 300))
    poller.start()
    await base.advance(MIN)
    expect(calls.length).toBe(3)
    clock.jump(-3 * HOUR)
    // One interval (plus jitter) of elapsed time for the pending timer, then the spread window.
    await base.advance(6 * MIN + 15_000)
    const after = calls.slice(3)
    expect(new Set(after.map((c) => c.id))).toEqual(new Set(['s0', 's1', 's2']))
    for (const s of poller.statuses()) {
      expect(s.state).toBe('ok')
      expect(Date.parse(s.lastSuccessAt!)).toBeLessThanOrEqual(clock.now())
      expect(Date.parse(s.nextAttemptAt!)).toBeLessThanOrEqual(clock.now() + 6 * MIN)
    }
  })

  it('spreads the rescheduled polls instead of sending them together', async () => {
    const { base, clock, calls, poller } = setup()
    poller.setTargets(targets(10, 300))
    poller.start()
    await base.advance(2 * MIN)
    expect(calls.length).toBe(10)
    clock.jump(-2 * HOUR)
    await base.advance(10 * MIN)
    const after = calls.slice(10)
    expect(new Set(after.map((c) => c.id)).size).toBe(10)
    const first = Math.min(...after.map((c) => c.at))
    expect(after.filter((c) => c.at === first).length).toBe(1)
  })

  it('shows figures dated in the future as stale, not ok, until they are fetched again', async () => {
    const { base, clock, poller } = setup()
    poller.setTargets(targets(1, 300))
    poller.start()
    await base.advance(MIN)
    expect(poller.status('s0')!.state).toBe('ok')
    clock.jump(-3 * HOUR)
    expect(poller.status('s0')!.state).toBe('stale')
  })

  it('leaves a store backing off from failures alone within the backoff cap', () => {
    const e = { intervalMs: 5 * MIN, failures: 4, needsAttention: false }
    const now = Date.parse('2026-11-18T10:00:00Z')
    expect(latestLegitimateNextAt(e as never, now)).toBeGreaterThanOrEqual(now + 30 * MIN)
    expect(latestLegitimateNextAt({ ...e, failures: 0 } as never, now)).toBeLessThan(now + 6 * MIN)
  })
})

describe('a wall clock set forward', () => {
  it('spreads the stores that became overdue instead of polling them all at once', async () => {
    const { base, clock, calls, poller } = setup({ maxInFlight: 30 })
    poller.setTargets(targets(30, 300))
    poller.start()
    await base.advance(6 * MIN)
    const before = calls.length
    clock.jump(2 * HOUR)
    // Up to an interval of elapsed time for the pending timer, then the spread window.
    await base.advance(10 * MIN)
    const after = calls.slice(before)
    expect(new Set(after.map((c) => c.id)).size).toBe(30)
    const first = Math.min(...after.map((c) => c.at))
    // 30 stores over a 150 s window: a slot every 5 s, not all 30 in the first moment.
    expect(after.filter((c) => c.at === first).length).toBeLessThanOrEqual(2)
    expect(after.filter((c) => c.at - first < 60_000).length).toBeLessThan(30)
  })

  it('polls a single overdue store at once', async () => {
    const { base, clock, calls, poller } = setup()
    poller.setTargets(targets(1, 300))
    poller.start()
    await base.advance(MIN)
    expect(calls.length).toBe(1)
    clock.jump(2 * HOUR)
    await base.advance(6 * MIN)
    expect(calls.length).toBeGreaterThanOrEqual(2)
  })
})
