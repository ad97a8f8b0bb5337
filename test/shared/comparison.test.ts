import { describe, expect, it } from 'vitest'
import { buildComparison, formatCell } from '../../src/shared/comparison'
import { makeSnapshot } from '../helpers/snapshots'

const a = makeSnapshot({ fetchedAt: '2026-11-10T12:00:00Z', transactions: { thisMonth: 1000, lastMonth: 3100, samePeriodLastMonth: 800 } })
const b = makeSnapshot({
  fetchedAt: '2026-11-10T12:00:00Z',
  transactions: { thisMonth: 3000, lastMonth: 9000, samePeriodLastMonth: 0 },
  customers: { allTime: 155, thisMonth: 5, lastMonth: null, samePeriodLastMonth: null },
  activeCampaigns: null,
})

function rowOf(c: ReturnType<typeof buildComparison>, key: string) {
  return c.rows.find((r) => r.key === key)!
}

describe('buildComparison', () => {
  const c = buildComparison([
    { id: 'a', label: 'A', timeZone: 'Europe/London', snapshot: a },
    { id: 'b', label: 'B', timeZone: 'Europe/London', snapshot: b },
    { id: 'c', label: 'C', timeZone: 'Europe/London', snapshot: null },
  ])

  it('compares this month with the same period last month per store and in total', () => {
    const t = rowOf(c, 'transactionsThisMonth')
    expect(t.cells.map((x) => x.value)).toEqual([1000, 3000, null])
    expect(t.cells[0]!.change).toEqual({ delta: 200, pct: 0.25 })
    expect(t.cells[1]!.change).toEqual({ delta: 3000, pct: null })
    expect(formatCell(t.cells[0]!)).toBe('1,000 (+25.0%)')
    expect(formatCell(t.cells[1]!)).toBe('3,000 (+3,000)')
    expect(t.total).toMatchObject({ value: 4000, coverage: '2 of 3 stores', change: { delta: 3200, pct: 4 } })
  })

  it('gives each store its share of the total', () => {
    const t = rowOf(c, 'transactionsThisMonth')
    expect(t.cells.map((x) => x.share)).toEqual([0.25, 0.75, null])
  })

  it('leaves unknown figures out of totals and their bases', () => {
    const n = rowOf(c, 'customersThisMonth')
    // B has no same-period base, so the total has no percentage rather than a wrong one.
    expect(n.total.value).toBe(281)
    expect(n.total.change).toEqual({ delta: null, pct: null })
    expect(rowOf(c, 'activeCampaigns').total).toMatchObject({ value: 5, coverage: '1 of 3 stores' })
  })

  it('projects the pace from the day each figure was fetched on, never from today', () => {
    // 1000 so far: on the 10th that is a 3000 pace, on the 20th a 1500 one.
    const pace = (fetchedAt: string) =>
      rowOf(buildComparison([{ id: 'a', label: 'A', timeZone: 'UTC', snapshot: { ...a, fetchedAt } }]), 'pace').cells[0]!.value
    expect(pace('2026-11-10T12:00:00Z')).toBe(3000)
    expect(pace('2026-11-20T12:00:00Z')).toBe(1500)
  })

  it('labels the month-end pace as a projection', () => {
    const p = rowOf(c, 'pace')
    expect(p.projection).toBe(true)
    expect(p.cells.map((x) => x.value)).toEqual([3000, 9000, null])
    expect(p.total.value).toBe(12000)
  })

  it('projects with the weekday rule once the activity and history cover 14 days, and keeps the method', () => {
    // History: 100 a day for the 4 weeks before 10 November, closed Sundays.
    const history = Array.from({ length: 28 }, (_, i) => {
      const d = new Date(Date.UTC(2026, 10, 10 - 28 + i))
      return { date: d.toISOString().slice(0, 10), quantity: d.getUTCDay() === 0 ? 0 : 100 }
    })
    const snap = { ...a, transactions: { ...a.transactions, thisMonth: 700 }, campaignActivity: [] }
    const withHistory = rowOf(buildComparison([{ id: 'a', label: 'A', timeZone: 'UTC', snapshot: snap, history }]), 'pace').cells[0]!
    expect(withHistory.projection).toMatchObject({ method: 'weekday', value: 2500 })
    expect(withHistory.value).toBe(2500)
    const without = rowOf(buildComparison([{ id: 'a', label: 'A', timeZone: 'UTC', snapshot: snap }]), 'pace').cells[0]!
    expect(without.projection).toMatchObject({ method: 'linear', value: 2100 })
  })
})
