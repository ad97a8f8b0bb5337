import { describe, expect, it } from 'vitest'
import { createPoller, type PollerOptions } from '../../../../src/main/core/poller/poller'
import { backoffDelay, classifyFailure, jitteredInterval, MAX_BACKOFF_MS, MIN_DELAY_MS } from '../../../../src/main/core/poller/backoff'
import { FakeClock, flush } from '../../../helpers/fakeClock'
import type { StoreStatus } from '../../../../src/shared/model'

/** A poll function whose requests the test settles by hand, recording what was asked and when. */
function manualPolls(clock: FakeClock) {
  const calls: { id: string; at: number; signal: AbortSignal; resolve: () => void; reject: (e: unknown) => void }[] = []
  const poll: PollerOptions['poll'] = (id, signal) =>
    new Promise((resolve, reject) => {
      calls.push({ id, at: clock.now(), signal, resolve: () => resolve(undefined), reject })
      signal.addEventListener('abort', () => reject(new Error('aborted')))
    })
  const open = () => calls.filter((c) => !c.signal.aborted && !(c as { done?: boolean }).done)
  const settle = async (id: string, err?: unknown) => {
    const c = calls.find((x) => x.id === id && !(x as { done?: boolean }).done && !x.signal.aborted)!
    ;(c as { done?: boolean }).done = true
    if (err) c.reject(err)
    else c.resolve()
    await flush()
  }
  return { calls, poll, open, settle }
}

/** A poll function that answers at once with success, or with the error the test sets per store. */
function instantPolls(clock: FakeClock) {
  const calls: { id: string; at: number }[] = []
  const errors = new Map<string, unknown>()
  const poll: PollerOptions['poll'] = async (id) => {
    calls.push({ id, at: clock.now() })
    if (errors.has(id)) throw errors.get(id)
  }
  return { calls, errors, poll }
}

function setup(over: Partial<PollerOptions> & { poll: PollerOptions['poll'] }, clock: FakeClock) {
  const statuses: StoreStatus[] = []
  const poller = createPoller({ clock, random: () => 0.5, onStatus: (s) => statuses.push(s), ...over })
  return { poller, statuses }
}

/** One store every 300 s, polled by hand (`manualPolls`), its first poll just sent and open. */
async function oneStoreInFlight() {
  const clock = new FakeClock()
  const p = manualPolls(clock)
  const { poller } = setup({ poll: p.poll, spreadMs: () => 0 }, clock)
  poller.setTargets(targets(1, 300))
  poller.start()
  await clock.advance(0)
  return { p, poller }
}

const MIN = 60_000
const targets = (n: number, intervalSec = 300) => Array.from({ length: n }, (_, i) => ({ id: `s${i}`, intervalSec }))

describe('timing rules', () => {
  it('jitters the interval within ±10%', () => {
    expect(jitteredInterval(300_000, () => 0)).toBe(270_000)
    expect(jitteredInterval(300_000, () => 0.999999)).toBeLessThanOrEqual(330_000)
  })
  it('backs off exponentially with full jitter, at least a minute, at most 30 minutes', () => {
    expect(backoffDelay(1, () => 1)).toBe(MIN_DELAY_MS)
    expect(backoffDelay(3, () => 1)).toBe(4 * MIN_DELAY_MS)
    expect(backoffDelay(20, () => 1)).toBe(MAX_BACKOFF_MS)
    expect(backoffDelay(5, () => 0)).toBe(MIN_DELAY_MS)
  })
  it('tells transient failures from ones the user must fix', () => {
    expect(classifyFailure({ kind: 'network', message: 'm' }).transient).toBe(true)
    expect(classifyFailure({ kind: 'http', status: 502, message: 'm' }).transient).toBe(true)
    expect(classifyFailure({ kind: 'http', status: 403, message: 'm' }).transient).toBe(false)
    expect(classifyFailure({ kind: 'api', message: 'Invalid key' })).toEqual({ kind: 'api', message: 'Invalid key', transient: false })
    expect(classifyFailure({ kind: 'keychain', message: 'locked' }).transient).toBe(false)
    expect(classifyFailure(new Error('odd')).kind).toBe('network')
  })
})

describe('the poller', () => {
  it('spreads first polls out instead of firing them all at once, then polls every interval', async () => {
    const clock = new FakeClock()
    const p = instantPolls(clock)
    const { poller } = setup({ poll: p.poll, random: () => 0.5 }, clock)
    const t0 = clock.now()
    poller.setTargets(targets(4, 60))
    poller.start()
    await clock.advance(60_000)
    // 4 stores over a 20 s window (5 s each), each in its own slot.
    expect(p.calls.slice(0, 4).map((c) => (c.at - t0) / 1000)).toEqual([2.5, 7.5, 12.5, 17.5])
    await clock.advance(10 * 60_000)
    const s0 = p.calls.filter((c) => c.id === 's0').map((c) => c.at)
    const gaps = s0.slice(1).map((t, i) => t - s0[i]!)
    expect(gaps.every((g) => g === 60_000)).toBe(true) // random 0.5 → exactly the interval
    expect(s0.length).toBe(11)
  })

  it('does not refetch at once a store whose saved snapshot is still fresh', async () => {
    const clock = new FakeClock()
    const p = instantPolls(clock)
    const { poller } = setup({ poll: p.poll }, clock)
    poller.setTargets([{ id: 'a', intervalSec: 300, lastSuccessAt: new Date(clock.now() - 60_000).toISOString() }])
    poller.start()
    await clock.advance(239_000)
    expect(p.calls).toEqual([])
    await clock.advance(1_000)
    expect(p.calls.length).toBe(1)
    expect(poller.status('a')!.state).toBe('ok')
  })

  it('keeps jittered intervals within their bounds over many polls', async () => {
    const clock = new FakeClock()
    const p = instantPolls(clock)
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const { poller } = setup({ poll: p.poll, random }, clock)
    poller.setTargets([{ id: 'a', intervalSec: 120 }])
    poller.start()
    await clock.advance(6 * 3600_000)
    const at = p.calls.map((c) => c.at)
    const gaps = at.slice(1).map((t, i) => t - at[i]!)
    expect(gaps.length).toBeGreaterThan(100)
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(108_000)
    expect(Math.max(...gaps)).toBeLessThanOrEqual(132_000)
    expect(new Set(gaps).size).toBeGreaterThan(10)
  })

  it('caps requests in flight globally and never runs two for one store', async () => {
    const clock = new FakeClock()
    const m = manualPolls(clock)
    // A deadline far away: this test is about the cap, not the deadline.
    const { poller } = setup({ poll: m.poll, maxInFlight: 2, spreadMs: () => 0, deadlineMs: 24 * 60 * MIN }, clock)
    poller.setTargets(targets(5, 60))
    poller.start()
    await clock.advance(0)
    expect(m.open().map((c) => c.id)).toEqual(['s0', 's1'])
    // Time passes while s0 hangs: still no second request for it, and the cap holds.
    await clock.advance(5 * MIN)
    poller.refresh('s0')
    await flush()
    expect(m.open().length).toBe(2)
    expect(m.calls.filter((c) => c.id === 's0').length).toBe(1)
    await m.settle('s1')
    expect(m.open().map((c) => c.id)).toEqual(['s0', 's2'])
    expect(poller.inFlight()).toBe(2)
  })

  it('does not let one slow store delay the others', async () => {
    const clock = new FakeClock()
    const calls: string[] = []
    // s0 never answers; the others answer at once.
    const poll: PollerOptions['poll'] = (id) => {
      calls.push(id)
      return id === 's0' ? new Promise(() => {}) : Promise.resolve()
    }
    const { poller } = setup({ poll, maxInFlight: 4, spreadMs: () => 0, deadlineMs: 24 * 60 * MIN }, clock)
    poller.setTargets(targets(3, 60))
    poller.start()
    await clock.advance(3 * MIN)
    expect(calls.filter((c) => c === 's1').length).toBe(4)
    expect(calls.filter((c) => c === 's2').length).toBe(4)
    expect(calls.filter((c) => c === 's0').length).toBe(1)
    expect(poller.status('s0')!.state).toBe('refreshing')
  })

  it('backs off on transport failures, growing, and resets on success', async () => {
    const clock = new FakeClock()
    const p = instantPolls(clock)
    const { poller } = setup({ poll: p.poll, random: () => 1, spreadMs: () => 0 }, clock)
    p.errors.set('a', { kind: 'network', message: 'The server refused the connection.' })
    poller.setTargets([{ id: 'a', intervalSec: 60 }])
    poller.start()
    await clock.advance(2 * 3600_000)
    const at = p.calls.map((c) => c.at)
    const gaps = at.slice(1).map((t, i) => (t - at[i]!) / MIN)
    expect(gaps.slice(0, 7)).toEqual([1, 2, 4, 8, 16, 30, 30])
    const st = poller.status('a')!
    expect(st.state).toBe('error')
    expect(st.needsAttention).toBe(false)
    expect(st.error).toMatchObject({ kind: 'network', consecutiveFailures: at.length })
    expect(st.error!.since).toBe(new Date(at[0]!).toISOString())
    p.errors.delete('a')
    await clock.advance(30 * MIN)
    expect(poller.status('a')).toMatchObject({ state: 'ok', error: null })
    const before = p.calls.length
    await clock.advance(10 * MIN)
    expect(p.calls.length - before).toBeGreaterThanOrEqual(9) // back to once a minute (±10%)
  })

  it('marks a store refused by the server as needing attention and retries no faster than the interval', async () => {
    const clock = new FakeClock()
    const p = instantPolls(clock)
    const { poller } = setup({ poll: p.poll, spreadMs: () => 0 }, clock)
    p.errors.set('a', { kind: 'api', message: 'The server refused the request: Invalid API key' })
    poller.setTargets([{ id: 'a', intervalSec: 300 }])
    poller.start()
    await clock.advance(60 * MIN)
    expect(p.calls.length).toBe(13) // at 0 and every 5 minutes
    expect(poller.status('a')).toMatchObject({
      state: 'error',
      needsAttention: true,
      error: { kind: 'api', message: 'The server refused the request: Invalid API key' },
    })
  })

  it('pauses (aborting without counting a failure) and catches up on resume, spread out', async () => {
    const clock = new FakeClock()
    const m = manualPolls(clock)
    const { poller } = setup({ poll: m.poll, spreadMs: (n) => n * 5_000 }, clock)
    poller.setTargets(targets(3, 60))
    poller.start()
    await clock.advance(5_000)
    expect(m.calls.length).toBe(1)
    poller.pause()
    await flush()
    expect(m.calls[0]!.signal.aborted).toBe(true)
    expect(poller.status('s0')).toMatchObject({ state: 'paused', error: null })
    await clock.advance(60 * MIN)
    expect(m.calls.length).toBe(1)
    poller.resume()
    await clock.advance(0)
    expect(m.calls.length).toBe(1) // not all at the instant of wake-up
    await clock.advance(15_000)
    expect(m.calls.length).toBe(4)
    expect(new Set(m.calls.slice(1).map((c) => c.at)).size).toBe(3)
  })

  it('goes quiet offline, says so, and catches up when back online', async () => {
    const clock = new FakeClock()
    const p = instantPolls(clock)
    const { poller } = setup({ poll: p.poll, spreadMs: () => 1000 }, clock)
    poller.setTargets(targets(2, 60))
    poller.start()
    await clock.advance(2_000)
    poller.setOnline(false)
    const n = p.calls.length
    await clock.advance(30 * MIN)
    expect(p.calls.length).toBe(n)
    expect(poller.status('s0')!.state).toBe('offline')
    poller.setOnline(true)
    await clock.advance(1_000)
    expect(p.calls.length).toBe(n + 2)
    expect(poller.status('s0')!.state).toBe('ok')
  })

  it('refreshes now on request, debounced, for one store or all', async () => {
    const clock = new FakeClock()
    const p = instantPolls(clock)
    const { poller } = setup({ poll: p.poll, spreadMs: () => 0, refreshDebounceMs: 5_000 }, clock)
    poller.setTargets(targets(2, 300))
    poller.start()
    await clock.advance(1_000)
    expect(p.calls.length).toBe(2)
    poller.refresh('s0')
    await flush()
    poller.refresh('s0')
    poller.refresh('s0')
    await flush()
    expect(p.calls.filter((c) => c.id === 's0').length).toBe(2)
    await clock.advance(5_000)
    poller.refresh()
    await flush()
    expect(p.calls.length).toBe(5)
  })

  it('runs an immediate refresh asked during a poll as soon as that poll settles, past debounce and backoff', async () => {
    const { p, poller } = await oneStoreInFlight()
    expect(p.open().length).toBe(1)
    // The key is fixed while the poll with the old key is still out: it fails, then polls again at once.
    poller.refresh('s0', true)
    await p.settle('s0', { kind: 'api', message: 'Invalid key' })
    expect(p.calls.length).toBe(2)
    expect(p.calls[1]!.at).toBe(p.calls[0]!.at)
    await p.settle('s0')
    expect(poller.status('s0')).toMatchObject({ state: 'ok', error: null })
    // A transient failure would back off; the asked-for rerun still goes at once, and only once.
    poller.refresh('s0', true)
    await flush()
    expect(p.open().length).toBe(1)
    expect(p.calls.length).toBe(3)
    poller.refresh('s0', true)
    poller.refresh('s0', true)
    await p.settle('s0', { kind: 'network', message: 'reset' })
    expect(p.calls.length).toBe(4)
    await p.settle('s0')
    expect(p.calls.length).toBe(4)
  })

  it('does not rerun a store in flight on a plain (debounced) refresh', async () => {
    const { p, poller } = await oneStoreInFlight()
    poller.refresh('s0')
    await p.settle('s0')
    expect(p.calls.length).toBe(1)
  })

  it('restarts a poll whose account changed: aborted without counting a failure, then asked again at once', async () => {
    const { p, poller } = await oneStoreInFlight()
    expect(poller.isPolling('s0')).toBe(true)
    poller.restart('s0')
    await flush()
    expect(p.calls[0]!.signal.aborted).toBe(true)
    expect(p.calls.length).toBe(2)
    expect(poller.status('s0')!.error).toBeNull()
    await p.settle('s0')
    expect(poller.status('s0')!.state).toBe('ok')
  })

  it('stops polling a dropped store, counts its request until it settles, and says it is idle', async () => {
    const clock = new FakeClock()
    // Requests that ignore their abort signal, as a stuck socket or keychain prompt might.
    const settle: Record<string, () => void> = {}
    const calls: string[] = []
    const poll: PollerOptions['poll'] = (id) =>
      new Promise((resolve) => {
        calls.push(id)
        settle[id] = () => resolve(undefined)
      })
    const statuses: StoreStatus[] = []
    const poller = createPoller({ clock, poll, onStatus: (s) => statuses.push(s), spreadMs: () => 0, maxInFlight: 2 })
    poller.setTargets(targets(3, 60))
    poller.start()
    await clock.advance(0)
    expect(calls).toEqual(['s0', 's1'])
    let forgotten = false
    void poller.forget('s0').then(() => (forgotten = true))
    await flush()
    expect(statuses.at(-1)).toMatchObject({ id: 's0', state: 'idle', nextAttemptAt: null })
    expect(poller.status('s0')).toBeNull()
    // Still running: it holds its slot, and the poller is not idle.
    expect(forgotten).toBe(false)
    expect(poller.inFlight()).toBe(2)
    expect(calls).toEqual(['s0', 's1'])
    let idle = false
    void poller.whenIdle().then(() => (idle = true))
    const before = statuses.length
    settle['s0']!()
    await flush()
    expect(forgotten).toBe(true)
    expect(statuses.slice(before).some((s) => s.id === 's0')).toBe(false)
    expect(calls).toEqual(['s0', 's1', 's2'])
    expect(idle).toBe(false)
    settle['s1']!()
    settle['s2']!()
    await flush()
    expect(idle).toBe(true)
    await clock.advance(10 * MIN)
    expect(calls.filter((c) => c === 's0').length).toBe(1)
  })

  it('fetches a snapshot dated far in the future again in its slot, instead of waiting for that date', async () => {
    const clock = new FakeClock()
    const p = instantPolls(clock)
    const { poller } = setup({ poll: p.poll }, clock)
    poller.setTargets([{ id: 'a', intervalSec: 60, lastSuccessAt: new Date(clock.now() + 90 * 24 * 3600_000).toISOString() }])
    poller.start()
    await clock.advance(2 * MIN)
    expect(p.calls.length).toBeGreaterThanOrEqual(1)
    expect(clock.pending).toBe(1)
  })

  it('reports a stored snapshot older than two intervals as stale', () => {
    const clock = new FakeClock()
    const { poller } = setup({ poll: async () => {} }, clock)
    poller.setTargets([{ id: 'a', intervalSec: 300, lastSuccessAt: new Date(clock.now() - 11 * MIN).toISOString() }])
    expect(poller.status('a')!.state).toBe('stale')
  })
})
