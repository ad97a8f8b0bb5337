/**
 * How good the month-end projection is at mid-month: the weekday rule against the linear one,
 * over the demo stores (the simulation's own figures, as the server sends them) and over the daily
 * series in test/fixtures/daily-series.json. The mean absolute percentage errors are printed
 * (and quoted in the README); the test asserts only that the weekday rule's is the smaller.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dashboardFor, generateStores } from '../../src/main/core/demo'
import { dailyTotals, linearProjection, projectMonthEnd, type DailyCount } from '../../src/shared/projection'

interface Errors {
  weekday: number[]
  linear: number[]
}

const mape = (xs: number[]) => (100 * xs.reduce((a, b) => a + b, 0)) / xs.length
const relErr = (projected: number, actual: number) => Math.abs(projected - actual) / actual

function report(name: string, e: Errors): { weekday: number; linear: number } {
  const result = { weekday: mape(e.weekday), linear: mape(e.linear) }
  console.log(
    `${name}: ${e.weekday.length} store-months, mean error weekday ${result.weekday.toFixed(1)}%, linear ${result.linear.toFixed(1)}%`,
  )
  return result
}

describe('month-end projection at mid-month', () => {
  it('errs less than the linear rule over the demo stores (12 months of 2025, 20 stores)', () => {
    const errors: Errors = { weekday: [], linear: [] }
    for (const store of generateStores(20, 1)) {
      for (let month = 1; month <= 12; month++) {
        // The 15th at 15:00 UTC: mid-month, mid-day for most zones (today is a partial day).
        const now = new Date(Date.UTC(2025, month - 1, 15, 15))
        const mid = dashboardFor(store, { transactionsThisMonth: true, days: 30 }, now)
        const after = dashboardFor(store, { transactionsThisMonth: true }, new Date(Date.UTC(2025, month, 3, 12)))
        const actual = after.transactions.lastMonth!
        const thisMonth = mid.transactions.thisMonth!
        if (actual === 0) continue
        const p = projectMonthEnd(thisMonth, now, store.timeZone, dailyTotals(mid.campaignActivity))!
        expect(p.method).toBe('weekday')
        errors.weekday.push(relErr(p.value, actual))
        errors.linear.push(relErr(linearProjection(thisMonth, now, store.timeZone), actual))
      }
    }
    const r = report('demo stores', errors)
    expect(errors.weekday.length).toBeGreaterThan(200)
    expect(r.weekday).toBeLessThan(r.linear)
  })

  it('errs less than the linear rule over the recorded daily series (30 days known, as the API sends)', () => {
    const file = JSON.parse(readFileSync(join(__dirname, '../fixtures/daily-series.json'), 'utf8')) as {
      series: { label: string; days: [string, number][] }[]
    }
    const errors: Errors = { weekday: [], linear: [] }
    for (const s of file.series) {
      const days: DailyCount[] = s.days.map(([date, quantity]) => ({ date, quantity }))
      for (let month = 2; month <= 12; month++) {
        const prefix = `2025-${String(month).padStart(2, '0')}-`
        const inMonth = days.filter((d) => d.date.startsWith(prefix))
        const actual = inMonth.reduce((a, d) => a + d.quantity, 0)
        const todayIndex = days.findIndex((d) => d.date === `${prefix}15`)
        // Noon on the 15th: half of today has happened.
        const today = { date: days[todayIndex]!.date, quantity: Math.round(days[todayIndex]!.quantity / 2) }
        const known = [...days.slice(todayIndex - 30, todayIndex), today]
        const thisMonth = inMonth.slice(0, 14).reduce((a, d) => a + d.quantity, 0) + today.quantity
        const now = new Date(`${prefix}15T12:00:00Z`)
        errors.weekday.push(relErr(projectMonthEnd(thisMonth, now, 'UTC', known)!.value, actual))
        errors.linear.push(relErr(linearProjection(thisMonth, now, 'UTC'), actual))
      }
    }
    const r = report('recorded series', errors)
    expect(r.weekday).toBeLessThan(r.linear)
  })
})
