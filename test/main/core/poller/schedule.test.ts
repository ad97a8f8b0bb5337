/** The poller's timer-free rules: a store's status, and the slots of spread-out polls. */
import { describe, expect, it } from 'vitest'
import { entryStatus, spreadEntries, type Entry } from '../../../../src/main/core/poller/schedule'

const NOW = Date.parse('2026-11-18T10:00:00Z')
const MIN = 60_000
const entry = (over: Partial<Entry> = {}): Entry => ({
  id: 's1',
  intervalMs: 5 * MIN,
  nextAt: NOW,
  inFlight: null,
  running: null,
  abortedOnPurpose: false,
  forced: false,
  rerun: false,
  lastSuccessAt: null,
  lastRefreshAt: null,
  failures: 0,
  error: null,
  needsAttention: false,
  ...over,
})
const running = { started: true, paused: false, online: true }

describe('entryStatus', () => {
  it('says what the store is doing, in order of precedence', () => {
    expect(entryStatus(entry({ inFlight: new AbortController() }), NOW, { ...running, online: false }).state).toBe('refreshing')
    expect(entryStatus(entry(), NOW, { ...running, online: false, paused: true }).state).toBe('offline')
    expect(entryStatus(entry(), NOW, { ...running, paused: true }).state).toBe('paused')
    const error = { kind: 'network' as const, message: 'x', since: new Date(NOW).toISOString(), consecutiveFailures: 1 }
    expect(entryStatus(entry({ error, lastSuccessAt: NOW }), NOW, running).state).toBe('error')
    expect(entryStatus(entry(), NOW, running).state).toBe('idle')
    expect(entryStatus(entry({ lastSuccessAt: NOW - 10 * MIN }), NOW, running).state).toBe('ok')
    expect(entryStatus(entry({ lastSuccessAt: NOW - 10 * MIN - 1 }), NOW, running).state).toBe('stale')
  })

  it('never calls figures dated in the future fresh (the clock was set back), allowing for small skew', () => {
    expect(entryStatus(entry({ lastSuccessAt: NOW + MIN }), NOW, running).state).toBe('ok')
    expect(entryStatus(entry({ lastSuccessAt: NOW + 3 * 60 * MIN }), NOW, running).state).toBe('stale')
  })

  it('gives the next attempt only while started', () => {
    expect(entryStatus(entry({ nextAt: NOW + MIN }), NOW, running).nextAttemptAt).toBe(new Date(NOW + MIN).toISOString())
    expect(entryStatus(entry(), NOW, { ...running, started: false }).nextAttemptAt).toBeNull()
  })
})

describe('spreadEntries', () => {
  it('gives each store its own slot in the window, never before its snapshot is due', () => {
    const list = [entry({ id: 'a' }), entry({ id: 'b' }), entry({ id: 'c', lastSuccessAt: NOW - MIN })]
    spreadEntries(list, NOW, 15_000, () => 0.5, false)
    expect(list.map((e) => e.nextAt - NOW)).toEqual([2_500, 7_500, 4 * MIN])
  })

  it('with onlyOverdue leaves stores not yet due alone; a snapshot slightly ahead counts as now', () => {
    const later = entry({ id: 'later', nextAt: NOW + MIN })
    const ahead = entry({ id: 'ahead', lastSuccessAt: NOW + MIN })
    spreadEntries([later, ahead], NOW, 10_000, () => 0, true)
    expect(later.nextAt).toBe(NOW + MIN)
    expect(ahead.nextAt).toBe(NOW + 5 * MIN)
  })

  it('fetches a snapshot dated well in the future (the clock was set back) in its slot, not an interval later', () => {
    const future = entry({ id: 'future', lastSuccessAt: NOW + 60 * MIN })
    spreadEntries([future], NOW, 10_000, () => 0.5, false)
    expect(future.nextAt).toBe(NOW + 5_000)
  })
})
