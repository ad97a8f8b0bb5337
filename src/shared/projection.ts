/**
 * The month-end projection of a store's transactions, on the store's calendar. "This month so far
 * + the rest of the month, each remaining day at the store's average for that weekday": a café
 * closed on Sundays is not credited with Sunday sales, and the 1st of the month is not one day
 * multiplied by 31. The weekday averages come from per-day activity (the API's ~30 days, plus the
 * local history where it reaches further). With fewer than 14 full days known the weekday figures
 * are too thin, and the linear rule (`thisMonth / day × daysInMonth`) is used instead.
 */
import { addDays, daysInMonth, localDate, zonedParts } from './period'

/** One day's transactions (YYYY-MM-DD on the store's calendar). */
export interface DailyCount {
  date: string
  quantity: number
}

/** Which rule produced a projection. */
export type ProjectionMethod = 'weekday' | 'linear'

/** A month-end projection with its plausible range (low ≤ value ≤ high). */
export interface Projection {
  value: number
  low: number
  high: number
  method: ProjectionMethod
  /** Full days (before today) the weekday figures were drawn from. */
  daysKnown: number
}

/** Full days needed before the weekday rule is trusted. */
export const MIN_WEEKDAY_DAYS = 14
/** How far back the weekday figures look (8 of each weekday): recent enough to follow the season. */
export const WEEKDAY_WINDOW_DAYS = 56

/** Weekday 0–6 (Sunday = 0) of a YYYY-MM-DD day; no zone involved. */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/** Sums per-campaign activity into one count per day, ascending by date. */
export function dailyTotals(campaigns: readonly { days: readonly DailyCount[] }[]): DailyCount[] {
  const byDay = new Map<string, number>()
  for (const c of campaigns) for (const d of c.days) byDay.set(d.date, (byDay.get(d.date) ?? 0) + d.quantity)
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, quantity]) => ({ date, quantity }))
}

/**
 * Joins daily series: a day present in several keeps the value of the later series (the API's
 * recent figure beats an older local record of the same day).
 */
export function mergeDaily(...series: readonly (readonly DailyCount[])[]): DailyCount[] {
  const byDay = new Map<string, number>()
  for (const s of series) for (const d of s) byDay.set(d.date, d.quantity)
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([date, quantity]) => ({ date, quantity }))
}

/** The linear rule: `thisMonth / dayOfMonth × daysInMonth`, rounded. */
export function linearProjection(thisMonth: number, now: Date, timeZone: string): number {
  const { year, month, day } = zonedParts(now, timeZone)
  return Math.round((thisMonth / day) * daysInMonth(year, month))
}

interface WeekdayStats {
  mean: number
  min: number
  max: number
}

/** Mean, lowest and highest count per weekday over the full days before `today` in the window. */
function weekdayStats(daily: readonly DailyCount[], today: string): { stats: (WeekdayStats | null)[]; days: number } {
  const from = addDays(today, -WEEKDAY_WINDOW_DAYS)
  const samples: number[][] = [[], [], [], [], [], [], []]
  let days = 0
  for (const d of daily) {
    if (d.date >= today || d.date < from || !Number.isFinite(d.quantity)) continue
    // A date that is not a calendar day has no weekday (NaN): leave it out rather than fail.
    const weekday = samples[weekdayOf(d.date)]
    if (!weekday) continue
    weekday.push(Math.max(0, d.quantity))
    days++
  }
  const stats = samples.map((s) =>
    s.length === 0 ? null : { mean: s.reduce((a, b) => a + b, 0) / s.length, min: Math.min(...s), max: Math.max(...s) },
  )
  return { stats, days }
}

/**
 * Projects the month-end transactions of a store from `thisMonth` (so far, as of `now`) and its
 * per-day counts. Today counts as partly done: its remaining part is the weekday's figure less what
 * today already has (never below zero). Null when `thisMonth` is unknown.
 */
export function projectMonthEnd(thisMonth: number | null, now: Date, timeZone: string, daily: readonly DailyCount[]): Projection | null {
  if (thisMonth === null) return null
  const today = localDate(now, timeZone)
  const { stats, days } = weekdayStats(daily, today)
  if (days < MIN_WEEKDAY_DAYS) {
    const value = linearProjection(thisMonth, now, timeZone)
    return { value, low: value, high: value, method: 'linear', daysKnown: days }
  }
  const known = stats.filter((s): s is WeekdayStats => s !== null)
  const overall: WeekdayStats = {
    mean: known.reduce((a, s) => a + s.mean, 0) / known.length,
    min: Math.min(...known.map((s) => s.min)),
    max: Math.max(...known.map((s) => s.max)),
  }
  const soFarToday = daily.find((d) => d.date === today)?.quantity ?? 0
  const { year, month } = zonedParts(now, timeZone)
  const last = `${today.slice(0, 8)}${String(daysInMonth(year, month)).padStart(2, '0')}`
  let value = thisMonth
  let low = thisMonth
  let high = thisMonth
  for (let day = today; day <= last; day = addDays(day, 1)) {
    const s = stats[weekdayOf(day)] ?? overall
    const done = day === today ? soFarToday : 0
    value += Math.max(0, s.mean - done)
    low += Math.max(0, s.min - done)
    high += Math.max(0, s.max - done)
  }
  return { value: Math.round(value), low: Math.round(low), high: Math.round(high), method: 'weekday', daysKnown: days }
}

/** A tooltip sentence saying how a projection was made. */
export function projectionMethodText(p: Projection): string {
  if (p.method === 'linear') {
    return `Linear: this month so far ÷ days gone × days in the month (only ${p.daysKnown} full days of activity known; the weekday rule needs ${MIN_WEEKDAY_DAYS}).`
  }
  return `This month so far + each remaining day at this store's average for its weekday (from ${p.daysKnown} days of activity); range from the lowest to the highest day seen for each weekday.`
}
