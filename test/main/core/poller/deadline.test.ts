/**
 * One deadline per poll, on the fake clock: a poll that never settles (and ignores its abort
 * signal) gives its slot back at the deadline, counts as a timeout, and lets the store be
 * dropped; its late outcome changes nothing.
 */
import { describe, expect, it } from 'vitest'
import { createPoller, DEFAULT_POLL_DEADLINE_MS, type PollerOptions } from '../../../../src/main/core/poller/poller'
import { FakeClock, flush } from '../../../helpers/fakeClock'
import type { StoreStatus } from '../../../../src/shared/model'

/** s0 hangs forever and ignores its signal; others succeed at once. Late settlement on demand. */
function stuckPolls() {
  const calls: { id: string; signal: AbortSignal }[] = []
  let release: () => void = () => {}
  const poll: PollerOptions['poll'] = (id, signal) => {
    calls.push({ id, signal })
    if (id !== 's0') return Promise.resolve()
    return new Promise((resolve) => {
      release = () => resolve(undefined)
    })
  }
  return { calls, poll, release: () => release() }
}

function setup(poll: PollerOptions['poll'], clock: FakeClock, over: Partial<PollerOptions> = {}) {
  const statuses: StoreStatus[] = []
  const poller = createPoller({ clock, poll, random: () => 0.5, onStatus: (s) => statuses.push(s), spreadMs: () => 0, ...over })
  return { poller, statuses }
}

const targets = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, intervalSec: 300 }))

describe('the poll deadline', () => {
  it('frees the slot of a poll that never settles, aborts its signal and records a timeout', async () => {
    const clock = new FakeClock()
    const p = stuckPolls()
    const { poller } = setup(p.poll, clock, { maxInFlight: 1, deadlineMs: 30_000 })
    poller.setTargets(targets(2))
    poller.start()
    await clock.advance(0)
    expect(p.calls.map((c) => c.id)).toEqual(['s0'])
    expect(poller.inFlight()).toBe(1)
    await clock.advance(29_999)
    expect(poller.inFlight()).toBe(1)
    await clock.advance(1)
    expect(p.calls[0].signal.aborted).toBe(true)
    expect((p.calls[0].signal.reason as { kind?: string }).kind).toBe('timeout')
    // The freed slot went to s1 at once.
    expect(p.calls.map((c) => c.id)).toEqual(['s0', 's1'])
    await flush()
    const s0 = poller.status('s0')!
    expect(s0.state).toBe('error')
    expect(s0.error?.kind).toBe('timeout')
    expect(s0.needsAttention).toBe(false)
    // The late answer changes nothing.
    p.release()
    await flush()
    expect(poller.status('s0')!.error?.kind).toBe('timeout')
    expect(poller.inFlight()).toBe(0)
  })

  it('lets a stuck store be dropped: forget resolves at the deadline at the latest', async () => {
    const clock = new FakeClock()
    const p = stuckPolls()
    const { poller } = setup(p.poll, clock, { deadlineMs: 30_000 })
    poller.setTargets(targets(1))
    poller.start()
    await clock.advance(0)
    let forgotten = false
    void poller.forget('s0').then(() => (forgotten = true))
    await clock.advance(10_000)
    expect(forgotten).toBe(false)
    await clock.advance(20_000)
    expect(forgotten).toBe(true)
    expect(poller.inFlight()).toBe(0)
    await expect(poller.whenIdle()).resolves.toBeUndefined()
  })

  it('frees the slot through pause and offline too, without counting a failure', async () => {
    const clock = new FakeClock()
    const p = stuckPolls()
    const { poller } = setup(p.poll, clock, { maxInFlight: 4 })
    poller.setTargets(targets(1))
    poller.start()
    await clock.advance(0)
    poller.pause()
    poller.setOnline(false)
    await clock.advance(DEFAULT_POLL_DEADLINE_MS)
    expect(poller.inFlight()).toBe(0)
    expect(poller.status('s0')!.error).toBeNull()
    poller.setOnline(true)
    poller.resume()
    await clock.advance(10_000)
    expect(p.calls.filter((c) => c.id === 's0').length).toBe(2)
  })
})
