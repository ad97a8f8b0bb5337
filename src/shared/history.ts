/**
 * A store's local history as the window shows it: how far back it goes, its months so far and its
 * weekday profile. Built in main from the 400-day history file (one record per day) and sent whole,
 * small: a few hundred numbers, never the records themselves.
 */
import { daysInMonth } from './period'
import { weekdayOf, type DailyCount } from './projection'

/** One month of a store's history (YYYY-MM on the store's calendar). */
export interface HistoryMonth {
  month: string
  /** The month's figure as of its last recorded day. */
  transactions: number | null
  newCustomers: number | null
  /** True when the record does not cover the whole month: it starts after the 1st or ends before the last day. */
  partial: boolean
}

/** What the store page shows of the local history. */
export interface StoreHistory {
  id: string
  /** First recorded day (YYYY-MM-DD), or null when nothing is recorded yet. */
  since: string | null
  /** Days with a record. */
  recordedDays: number
  months: HistoryMonth[]
  /** Transactions per day from the recorded per-campaign activity, ascending. */
  daily: DailyCount[]
}

/** The day-level fields of a history record that the months need. */
export interface HistoryDayFigures {
  day: string
  transactionsThisMonth: number | null
  newCustomersThisMonth: number | null
}

/** Summarizes records (ascending by day) and their daily totals into what the store page shows. */
export function summarizeHistory(id: string, records: readonly HistoryDayFigures[], daily: DailyCount[]): StoreHistory {
  const lastOfMonth = new Map<string, HistoryDayFigures>()
  const firstOfMonth = new Map<string, string>()
  for (const r of records) {
    const month = r.day.slice(0, 7)
    lastOfMonth.set(month, r)
    if (!firstOfMonth.has(month)) firstOfMonth.set(month, r.day)
  }
  const months = [...lastOfMonth.entries()].map(([month, r]): HistoryMonth => {
    const [y, m] = month.split('-').map(Number) as [number, number]
    // The month's figure is its total so far, so a late start still counts every day; but a
    // history that begins mid-month may have missed a store's earlier days: not complete either.
    const partial = Number(r.day.slice(8)) < daysInMonth(y, m) || firstOfMonth.get(month) !== `${month}-01`
    return { month, transactions: r.transactionsThisMonth, newCustomers: r.newCustomersThisMonth, partial }
  })
  return { id, since: records[0]?.day ?? null, recordedDays: records.length, months, daily }
}

/** The same month a year before ("2026-03" → "2025-03"). */
export function yearBefore(month: string): string {
  return `${String(Number(month.slice(0, 4)) - 1).padStart(4, '0')}${month.slice(4)}`
}

/** Average transactions per weekday (index 0 = Sunday) over the given days; null where none. */
export function weekdayProfile(daily: readonly DailyCount[]): (number | null)[] {
  const sums = [0, 0, 0, 0, 0, 0, 0]
  const counts = [0, 0, 0, 0, 0, 0, 0]
  for (const d of daily) {
    const w = weekdayOf(d.date)
    sums[w]! += d.quantity
    counts[w]!++
  }
  return sums.map((s, i) => (counts[i] ? s / counts[i]! : null))
}
