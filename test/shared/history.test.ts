import { describe, expect, it } from 'vitest'
import { summarizeHistory, weekdayProfile, yearBefore } from '../../src/shared/history'

describe('summarizeHistory', () => {
  it('takes each month at its last recorded day, and says which months are incomplete', () => {
    const records = [
      { day: '2025-03-12', transactionsThisMonth: 100, newCustomersThisMonth: 3 },
      { day: '2025-03-31', transactionsThisMonth: 900, newCustomersThisMonth: 20 },
      { day: '2025-04-02', transactionsThisMonth: 50, newCustomersThisMonth: null },
    ]
    const h = summarizeHistory('s1', records, [])
    expect(h.since).toBe('2025-03-12')
    expect(h.recordedDays).toBe(3)
    expect(h.months).toEqual([
      { month: '2025-03', transactions: 900, newCustomers: 20, partial: true },
      { month: '2025-04', transactions: 50, newCustomers: null, partial: true },
    ])
    expect(summarizeHistory('s1', [], []).since).toBeNull()
    const whole = summarizeHistory(
      's1',
      [
        { day: '2025-02-01', transactionsThisMonth: 5, newCustomersThisMonth: 1 },
        { day: '2025-02-28', transactionsThisMonth: 80, newCustomersThisMonth: 4 },
      ],
      [],
    )
    expect(whole.months).toEqual([{ month: '2025-02', transactions: 80, newCustomers: 4, partial: false }])
  })

  it('finds the same month a year before and averages per weekday', () => {
    expect(yearBefore('2026-01')).toBe('2025-01')
    // 2026-11-01 and 2026-11-08 are Sundays; 2026-11-02 a Monday.
    const p = weekdayProfile([
      { date: '2026-11-01', quantity: 10 },
      { date: '2026-11-08', quantity: 30 },
      { date: '2026-11-02', quantity: 7 },
    ])
    expect(p).toEqual([20, 7, null, null, null, null, null])
  })
})
