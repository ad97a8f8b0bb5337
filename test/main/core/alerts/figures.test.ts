/** The figure rules: behindPace, recordDay, bigTransaction, target. */
import { describe, expect, it } from 'vitest'
import { ctxOf, fail, kinds, ok, plus, replay, store } from './kit'

const T = '2025-03-10T10:00:00Z'
const at = (i: number) => plus(T, i * 5)

describe('behindPace', () => {
  const ctx = ctxOf([store('s1', { label: 'Harbour Café' })])

  it('fires on the 2nd consecutive snapshot at exactly 15 % behind, comparing in integers', () => {
    // 85 × 100 = 8500 ≤ 100 × 85: holds at exactly the percent; 86 does not.
    expect(kinds(replay([ok(at(0), { thisMonth: 85 }), ok(at(1), { thisMonth: 85 })], ctx).alerts)).toEqual(['behindPace'])
    expect(replay([ok(at(0), { thisMonth: 86 }), ok(at(1), { thisMonth: 86 })], ctx).alerts).toEqual([])
    expect(replay([ok(at(0), { thisMonth: 85 })], ctx).alerts).toEqual([])
  })

  it('names the store and the figures', () => {
    const { alerts } = replay([ok(at(0), { thisMonth: 612, same: 795 }), ok(at(1), { thisMonth: 612, same: 795 })], ctx)
    expect(alerts[0]!.body).toBe('Harbour Café is 23 % behind last month: 612 transactions against 795 by this date')
    expect(alerts[0]!.at).toBe(at(1))
  })

  it('needs minBase (50 is enough, 49 is not) and known figures', () => {
    expect(kinds(replay([ok(at(0), { thisMonth: 10, same: 50 }), ok(at(1), { thisMonth: 10, same: 50 })], ctx).alerts)).toEqual([
      'behindPace',
    ])
    expect(replay([ok(at(0), { thisMonth: 10, same: 49 }), ok(at(1), { thisMonth: 10, same: 49 })], ctx).alerts).toEqual([])
    expect(replay([ok(at(0), { thisMonth: null }), ok(at(1), { thisMonth: null })], ctx).alerts).toEqual([])
  })

  it('fires once, is re-armed by a snapshot where it does not hold; failures are skipped', () => {
    const behind = { thisMonth: 50 }
    const events = [ok(at(0), behind), fail(at(1)), ok(at(2), behind), ok(at(3), behind), fail(at(4), 'api'), ok(at(5), behind)]
    expect(kinds(replay(events, ctx).alerts)).toEqual(['behindPace', 'keyRejected', 'recovered'])
    const rearmed = [ok(at(0), behind), ok(at(1), behind), ok(at(2)), ok(at(3), behind), ok(at(4), behind)]
    expect(kinds(replay(rearmed, ctx).alerts)).toEqual(['behindPace', 'behindPace'])
    const broken = [ok(at(0), behind), ok(at(1)), ok(at(2), behind)]
    expect(replay(broken, ctx).alerts).toEqual([])
  })

  it('follows changed numbers', () => {
    const custom = ctxOf([store('s1')], (s) => Object.assign(s.rules.behindPace, { percent: 50, polls: 3, minBase: 10 }))
    const half = { thisMonth: 10, same: 20 }
    expect(replay([ok(at(0), half), ok(at(1), half)], custom).alerts).toEqual([])
    expect(replay([ok(at(0), half), ok(at(1), half), ok(at(2), half)], custom).alerts[0]!.at).toBe(at(2))
  })

  it('with minBase 0, 0 against 0 holds as the rule says, and the body never reads "NaN %"', () => {
    const anything = ctxOf([store('s1', { label: 'Harbour Café' })], (s) =>
      Object.assign(s.rules.behindPace, { percent: 0, polls: 1, minBase: 0 }),
    )
    const [alert] = replay([ok(at(0), { thisMonth: 0, same: 0 })], anything).alerts
    expect(alert!.body).toBe('Harbour Café is 0 % behind last month: 0 transactions against 0 by this date')
    expect(replay([ok(at(0), { thisMonth: 0, same: 1 })], anything).alerts[0]!.body).toMatch(/ 100 % behind/)
  })
})

describe('recordDay', () => {
  const ctx = ctxOf([store('s1', { label: 'Harbour Café', timeZone: 'Australia/Sydney' })])
  const week = (today: number, n = 7): Record<string, number> => {
    const days: Record<string, number> = {}
    for (let i = 1; i <= n; i++) days[`2025-03-${String(10 - i).padStart(2, '0')}`] = i === 3 ? 0 : 20
    days['2025-03-10'] = today
    return days
  }
  // 2025-03-10T01:00Z is 12:00 on 10 March in Sydney (and still 9 March in UTC).
  const sydneyNoon = '2025-03-10T01:00:00Z'

  it('fires when today (store calendar) beats every earlier day, with at least 7 earlier days present', () => {
    const { alerts } = replay([ok(sydneyNoon, { days: week(21) })], ctx)
    expect(kinds(alerts)).toEqual(['recordDay'])
    expect(alerts[0]!.body).toContain('21 transactions today')
    expect(replay([ok(sydneyNoon, { days: week(20) })], ctx).alerts).toEqual([])
    expect(replay([ok(sydneyNoon, { days: week(21, 6) })], ctx).alerts).toEqual([])
  })

  it('fires once per store per date, again on another date', () => {
    const next = { ...week(21), '2025-03-11': 30 }
    const events = [
      ok(sydneyNoon, { days: week(21) }),
      ok(plus(sydneyNoon, 60), { days: week(25) }),
      ok(plus(sydneyNoon, 24 * 60), { days: next }),
    ]
    expect(replay(events, ctx).alerts.map((a) => a.at)).toEqual([sydneyNoon, plus(sydneyNoon, 24 * 60)])
  })

  it('is off when disabled, and minDays can change', () => {
    expect(
      replay(
        [ok(sydneyNoon, { days: week(21) })],
        ctxOf([store('s1', { timeZone: 'Australia/Sydney' })], (s) => (s.rules.recordDay.enabled = false)),
      ).alerts,
    ).toEqual([])
    const three = ctxOf([store('s1', { timeZone: 'Australia/Sydney' })], (s) => (s.rules.recordDay.minDays = 3))
    expect(kinds(replay([ok(sydneyNoon, { days: week(21, 3) })], three).alerts)).toEqual(['recordDay'])
  })
})

describe('bigTransaction', () => {
  const on = ctxOf([store('s1', { label: 'Harbour Café' })], (s) => (s.rules.bigTransaction.enabled = true))

  it('is off by default', () => {
    expect(replay([ok(at(0)), ok(at(1), { txs: [['t1', 900]] })], ctxOf([store('s1')])).alerts).toEqual([])
  })

  it('treats the first snapshot as history and fires once per new id at or above the amount', () => {
    const events = [
      ok(at(0), { txs: [['old', 900]] }),
      ok(at(1), {
        txs: [
          ['old', 900],
          ['t1', 250],
          ['t2', 249.99],
          ['t3', null],
        ],
      }),
      ok(at(2), {
        txs: [
          ['t1', 250],
          ['t4', 300],
        ],
      }),
    ]
    const { alerts } = replay(events, on)
    expect(alerts.map((a) => [a.kind, a.at])).toEqual([
      ['bigTransaction', at(1)],
      ['bigTransaction', at(2)],
    ])
    expect(alerts[0]!.body).toContain('250')
    expect(alerts[1]!.body).toContain('t4')
  })

  it('remembers ids through failures', () => {
    const events = [ok(at(0)), ok(at(1), { txs: [['t1', 500]] }), fail(at(2)), ok(at(3), { txs: [['t1', 500]] })]
    expect(kinds(replay(events, on).alerts)).toEqual(['bigTransaction'])
  })
})

describe('target', () => {
  const ctx = ctxOf([store('s1', { label: 'Harbour Café', monthlyTarget: 3100 })])
  // March has 31 days: on the 10th, thisMonth × 3.1 is the projection.

  it('fires from the 10th inclusive when the projection is below 90 % of the target', () => {
    expect(replay([ok('2025-03-09T12:00:00Z', { thisMonth: 100 })], ctx).alerts).toEqual([])
    const { alerts } = replay([ok('2025-03-10T12:00:00Z', { thisMonth: 899 })], ctx)
    expect(kinds(alerts)).toEqual(['target'])
    expect(alerts[0]!.body).toBe('Harbour Café is projected at 2,787 transactions this month, 90 % of its target of 3,100.')
    // Exactly 90 %: 900 × 3.1 = 2790 = 0.9 × 3100, not below.
    expect(replay([ok('2025-03-10T12:00:00Z', { thisMonth: 900 })], ctx).alerts).toEqual([])
  })

  it('fires once per month, again after the month rolls over, on the store calendar', () => {
    const events = [
      ok('2025-03-10T12:00:00Z', { thisMonth: 100 }),
      ok('2025-03-20T12:00:00Z', { thisMonth: 100 }),
      ok('2025-04-10T12:00:00Z', { thisMonth: 100 }),
    ]
    expect(replay(events, ctx).alerts.map((a) => a.at)).toEqual(['2025-03-10T12:00:00Z', '2025-04-10T12:00:00Z'])
    // 23:30 UTC on the 9th is already the 10th in Paris.
    const paris = ctxOf([store('s1', { timeZone: 'Europe/Paris', monthlyTarget: 3100 })])
    expect(kinds(replay([ok('2025-03-09T23:30:00Z', { thisMonth: 100 })], paris).alerts)).toEqual(['target'])
  })

  it('needs a target and the rule on', () => {
    expect(replay([ok('2025-03-10T12:00:00Z', { thisMonth: 1 })], ctxOf([store('s1')])).alerts).toEqual([])
    const off = ctxOf([store('s1', { monthlyTarget: 3100 })], (s) => (s.rules.target.enabled = false))
    expect(replay([ok('2025-03-10T12:00:00Z', { thisMonth: 1 })], off).alerts).toEqual([])
  })
})
