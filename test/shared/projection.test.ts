import { describe, expect, it } from 'vitest'
import { addDays } from '../../src/shared/period'
import { dailyTotals, linearProjection, mergeDaily, projectMonthEnd, weekdayOf, type DailyCount } from '../../src/shared/projection'

/** `n` days ending the day before `today`, each worth `perWeekday[weekday]`. */
function series(today: string, n: number, perWeekday: number[]): DailyCount[] {
  const out: DailyCount[] = []
  for (let i = n; i >= 1; i--) {
    const date = addDays(today, -i)
    out.push({ date, quantity: perWeekday[weekdayOf(date)]! })
  }
  return out
}

describe('projectMonthEnd', () => {
  // Tuesday 10 November 2026, noon UTC.
  const now = new Date('2026-11-10T12:00:00Z')

  it('uses the linear rule with fewer than 14 full days known, and says so', () => {
    const p = projectMonthEnd(1000, now, 'UTC', series('2026-11-10', 13, [100, 100, 100, 100, 100, 100, 100]))!
    expect(p).toEqual({ value: linearProjection(1000, now, 'UTC'), low: 3000, high: 3000, method: 'linear', daysKnown: 13 })
    expect(p.value).toBe(3000)
  })

  it('credits a store closed on Sundays with nothing for the Sundays left', () => {
    // 100 a day, closed Sundays; 1–9 November had two Sundays → 700 so far, nothing yet today.
    const perWeekday = [0, 100, 100, 100, 100, 100, 100]
    const daily = [...series('2026-11-10', 28, perWeekday), { date: '2026-11-10', quantity: 0 }]
    const p = projectMonthEnd(700, now, 'UTC', daily)!
    // 10..30 November: 21 days, of which 3 Sundays (15, 22, 29) → 18 trading days left.
    expect(p.method).toBe('weekday')
    expect(p.value).toBe(700 + 18 * 100) // the true month: 25 trading days
    expect(p.low).toBe(p.value)
    expect(p.high).toBe(p.value)
    // The linear rule spreads the month's pace evenly and misses.
    expect(linearProjection(700, now, 'UTC')).toBe(2100)
    // The store's calendar: 10th of a 30-day month in London, 1000 so far → 3000; 23:00 UTC on the
    // 10th is already the 11th in Sydney, 1100 in 11 days → 3000.
    expect(linearProjection(1000, new Date('2026-11-10T12:00:00Z'), 'Europe/London')).toBe(3000)
    expect(linearProjection(1100, new Date('2026-11-10T23:00:00Z'), 'Australia/Sydney')).toBe(3000)
  })

  it('counts only the rest of today, and gives a range from the weekday extremes', () => {
    const daily = series('2026-11-10', 28, [10, 10, 10, 10, 10, 10, 10]).map((d, i) => ({ ...d, quantity: i % 2 ? 5 : 15 }))
    daily.push({ date: '2026-11-10', quantity: 4 })
    const p = projectMonthEnd(94, now, 'UTC', daily)!
    // Every weekday averages 10 (ranging 5..15); today already has 4 → 6 more, then 20 days at 10.
    expect(p.value).toBe(94 + 6 + 200)
    expect(p.low).toBe(94 + 1 + 100)
    expect(p.high).toBe(94 + 11 + 300)
    expect(p.low).toBeLessThanOrEqual(p.value)
    expect(p.high).toBeGreaterThanOrEqual(p.value)
  })

  it('is on the store calendar: late evening UTC is already the next day in Sydney', () => {
    const late = new Date('2026-11-10T23:00:00Z')
    expect(linearProjection(1100, late, 'Australia/Sydney')).toBe(3000)
  })

  it('leaves out a date that is not a calendar day instead of failing', () => {
    const daily = series('2026-11-10', 28, [10, 10, 10, 10, 10, 10, 10])
    const clean = projectMonthEnd(94, now, 'UTC', daily)
    expect(projectMonthEnd(94, now, 'UTC', [...daily, { date: '2026-11-0x', quantity: 500 }])).toEqual(clean)
  })

  it('is null for an unknown figure', () => {
    expect(projectMonthEnd(null, now, 'UTC', [])).toBeNull()
  })
})

describe('daily series', () => {
  it('adds campaigns per day and lets the later series win a shared day', () => {
    const totals = dailyTotals([
      {
        days: [
          { date: '2026-11-02', quantity: 2 },
          { date: '2026-11-01', quantity: 1 },
        ],
      },
      { days: [{ date: '2026-11-02', quantity: 3 }] },
    ])
    expect(totals).toEqual([
      { date: '2026-11-01', quantity: 1 },
      { date: '2026-11-02', quantity: 5 },
    ])
    expect(
      mergeDaily(
        [
          { date: '2026-10-31', quantity: 9 },
          { date: '2026-11-01', quantity: 7 },
        ],
        totals,
      ),
    ).toEqual([
      { date: '2026-10-31', quantity: 9 },
      { date: '2026-11-01', quantity: 1 },
      { date: '2026-11-02', quantity: 5 },
    ])
  })
})
