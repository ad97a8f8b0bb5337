/**
 * Calendar arithmetic in a store's time zone. The simulation runs on the store's wall clock:
 * a "local ms" value is the store's civil date and time encoded as if it were UTC, so days and
 * months are plain `Date.UTC` arithmetic and nothing depends on the computer's own zone. Zone
 * offsets come from the one calendar module, src/shared/period.ts.
 */
import { zoneOffsetMs } from '../../../shared/period'

export const SECOND = 1000
export const MINUTE = 60 * SECOND
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

/**
 * The store's wall clock at an instant, as local ms, made monotonic: when summer time ends the
 * wall clock repeats an hour; we hold it at its highest value until real time catches up, so
 * counts "so far" never go backwards as `now` advances.
 */
export function localCutMs(zone: string, utcMs: number): number {
  const off = zoneOffsetMs(zone, utcMs)
  const wall = utcMs + off
  const earlier = utcMs - 3 * HOUR
  const offEarlier = zoneOffsetMs(zone, earlier)
  if (offEarlier <= off) return wall
  // Offsets change on whole seconds: find the first second of the new offset exactly.
  let lo = Math.floor(earlier / SECOND)
  let hi = Math.ceil(utcMs / SECOND)
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (zoneOffsetMs(zone, mid * SECOND) === offEarlier) lo = mid
    else hi = mid
  }
  return Math.max(wall, hi * SECOND - 1 + offEarlier)
}

/** Civil fields of a local day index (days since 1970-01-01 on the store's calendar). */
export interface Civil {
  year: number
  month: number // 1..12
  day: number // 1..31
  weekday: number // 0 = Sunday
}

/** The civil date of a day index. */
export function civilOf(dayIndex: number): Civil {
  const d = new Date(dayIndex * DAY)
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday: d.getUTCDay() }
}

/** The day index of a civil date; months outside 1..12 roll over (month 0 = December before). */
export function dayIndexOf(year: number, month: number, day: number): number {
  const d = new Date(0)
  d.setUTCFullYear(year, month - 1, day)
  return Math.floor(d.getTime() / DAY)
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0')
}

/** `YYYY-MM-DD` of a day index. */
export function formatDay(dayIndex: number): string {
  const c = civilOf(dayIndex)
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`
}

/** `YYYY-MM-DD HH:MM:SS` of a local ms value: how the platform prints a store-local timestamp. */
export function formatLocal(localMs: number): string {
  const day = Math.floor(localMs / DAY)
  const s = Math.floor((localMs - day * DAY) / SECOND)
  return `${formatDay(day)} ${pad(Math.floor(s / 3600), 2)}:${pad(Math.floor(s / 60) % 60, 2)}:${pad(s % 60, 2)}`
}
