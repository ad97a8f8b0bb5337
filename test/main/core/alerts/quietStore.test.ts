/** quietStore: an unchanged month total across opening hours. */
import { describe, expect, it } from 'vitest'
import { ctxOf, fail, kinds, ok as okAny, plus, replay, store, type SnapOptions } from './kit'

/** A success with no base last month, so that only quietStore can fire. */
const ok = (at: string, o: SnapOptions = {}) => okAny(at, { same: null, ...o })

const ctx = ctxOf([store('s1', { label: 'Harbour Café' })])
const NINE = '2025-03-10T09:00:00Z'

describe('quietStore', () => {
  it('fires when the span reaches exactly 90 minutes, at the snapshot completing it', () => {
    const events = [0, 30, 60, 89, 90, 120].map((m) => ok(plus(NINE, m), { thisMonth: 612 }))
    const { alerts } = replay(events, ctx)
    expect(kinds(alerts)).toEqual(['quietStore'])
    expect(alerts[0]!.at).toBe(plus(NINE, 90))
    expect(alerts[0]!.body).toBe('Harbour Café has had no new transaction for 90 minutes (still 612 this month).')
    expect(replay(events.slice(0, 4), ctx).alerts).toEqual([])
  })

  it('restarts on a changed value and fires once per span', () => {
    const events = [
      ok(NINE, { thisMonth: 1 }),
      ok(plus(NINE, 60), { thisMonth: 2 }),
      ok(plus(NINE, 140), { thisMonth: 2 }),
      ok(plus(NINE, 150), { thisMonth: 2 }),
    ]
    expect(replay(events, ctx).alerts.map((a) => a.at)).toEqual([plus(NINE, 150)])
    const two = [
      ok(NINE, { thisMonth: 1 }),
      ok(plus(NINE, 90), { thisMonth: 1 }),
      ok(plus(NINE, 100), { thisMonth: 2 }),
      ok(plus(NINE, 190), { thisMonth: 2 }),
    ]
    expect(replay(two, ctx).alerts.map((a) => a.at)).toEqual([plus(NINE, 90), plus(NINE, 190)])
  })

  it('skips failures: they neither count nor restart the span', () => {
    const events = [ok(NINE, { thisMonth: 5 }), fail(plus(NINE, 30)), fail(plus(NINE, 60), 'api'), ok(plus(NINE, 90), { thisMonth: 5 })]
    expect(kinds(replay(events, ctx).alerts)).toEqual(['keyRejected', 'recovered', 'quietStore'])
  })

  it('starts at the first in-hours snapshot: opening includes from, excludes to', () => {
    const before = [ok('2025-03-10T08:59:00Z'), ok(NINE), ok(plus(NINE, 89))]
    expect(replay(before, ctx).alerts).toEqual([])
    const closing = [ok('2025-03-10T19:30:00Z'), ok('2025-03-10T20:59:00Z'), ok('2025-03-10T21:00:00Z')]
    expect(replay(closing, ctx).alerts).toEqual([])
    expect(
      kinds(
        replay(
          closing.slice(0, 2),
          ctxOf([store('s1')], (s) => (s.rules.quietStore.minutes = 89)),
        ).alerts,
      ),
    ).toEqual(['quietStore'])
  })

  it('restarts when a closing time falls between two snapshots', () => {
    const events = [ok('2025-03-10T20:00:00Z'), ok('2025-03-11T09:00:00Z'), ok('2025-03-11T10:00:00Z')]
    expect(replay(events, ctx).alerts).toEqual([])
    const always = ctxOf([store('s1', { openingHours: null })])
    expect(kinds(replay(events, always).alerts)).toEqual(['quietStore'])
  })

  it('uses the store zone, the chosen days, and windows wrapping past midnight', () => {
    const night = { from: '22:00', to: '02:00', days: [5] } // Friday nights
    const bar = ctxOf([store('s1', { timeZone: 'Europe/Paris', openingHours: night })])
    // Friday 2025-03-14 22:30 Paris = 21:30Z; Saturday 01:59 Paris = 00:59Z.
    expect(kinds(replay([ok('2025-03-14T21:30:00Z'), ok('2025-03-15T00:59:00Z')], bar).alerts)).toEqual(['quietStore'])
    // Saturday 22:30 → Sunday 01:59 is not in a window (Saturday is not chosen).
    expect(replay([ok('2025-03-15T21:30:00Z'), ok('2025-03-16T00:59:00Z')], bar).alerts).toEqual([])
    // 02:00 is closed.
    expect(replay([ok('2025-03-14T21:30:00Z'), ok('2025-03-15T01:00:00Z')], bar).alerts).toEqual([])
  })

  it('restarts at the month rollover (the month total changes)', () => {
    const always = ctxOf([store('s1', { openingHours: null })])
    const events = [
      ok('2025-03-31T23:00:00Z', { thisMonth: 900 }),
      ok('2025-04-01T00:00:00Z', { thisMonth: 0 }),
      ok('2025-04-01T01:29:00Z', { thisMonth: 0 }),
      ok('2025-04-01T01:30:00Z', { thisMonth: 0 }),
    ]
    expect(replay(events, always).alerts.map((a) => a.at)).toEqual(['2025-04-01T01:30:00Z'])
  })

  it('is off when disabled', () => {
    const off = ctxOf([store('s1')], (s) => (s.rules.quietStore.enabled = false))
    expect(replay([ok(NINE), ok(plus(NINE, 200))], off).alerts).toEqual([])
  })
})
