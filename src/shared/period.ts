/**
 * The calendar and the period arithmetic the app shows (API.md §4), pure so the renderer, the CLI,
 * the demo server and the tests agree: dates and zone offsets on a store's calendar, change against
 * the same period last month, month-end pace, totals that say how many stores they cover, and the
 * age every figure carries.
 */

/** Change of a figure against its base. `pct` is null when the base is 0 or unknown (never Infinity/NaN). */
export interface Change {
  delta: number | null
  pct: number | null
}

/** `(current - base) / base`, with the absolute change alone when the base is 0 or missing. */
export function change(current: number | null, base: number | null): Change {
  if (current === null || base === null) return { delta: null, pct: null }
  const delta = current - base
  return { delta, pct: base === 0 ? null : delta / base }
}

/** "+12.5%", "−3.0%", or the signed absolute change ("+4") when no percentage can be given. */
export function formatChange(c: Change): string {
  if (c.delta === null) return '—'
  if (c.pct !== null) return `${signOf(c.pct)}${Math.abs(c.pct * 100).toFixed(1)}%`
  return `${signOf(c.delta)}${Math.abs(c.delta).toLocaleString('en-US')}`
}

function signOf(n: number): string {
  return n > 0 ? '+' : n < 0 ? '−' : '±'
}

const formatters = new Map<string, Intl.DateTimeFormat>()
const unknownZones = new Set<string>()

/** One formatter per zone (building them is slow); throws a RangeError for a zone Intl does not know. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (f) return f
  f = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  })
  formatters.set(timeZone, f)
  return f
}

/** The formatter of a zone, or of UTC when the zone is unknown (a mistyped setting must not stop figures). */
function lenientFormatterFor(timeZone: string): Intl.DateTimeFormat {
  if (!unknownZones.has(timeZone)) {
    try {
      return formatterFor(timeZone)
    } catch {
      unknownZones.add(timeZone)
    }
  }
  return formatterFor('UTC')
}

/** The civil date and wall-clock time of an instant (ms) as a formatter shows it. */
interface WallClock {
  year: number
  month: number
  day: number
  hour: number
  minute: number
  second: number
}

function wallClock(f: Intl.DateTimeFormat, ms: number): WallClock {
  const w: Record<string, number> = {}
  for (const part of f.formatToParts(ms)) {
    if (part.type !== 'literal') w[part.type] = Number(part.value)
  }
  return {
    year: w.year ?? NaN,
    month: w.month ?? NaN,
    day: w.day ?? NaN,
    hour: (w.hour ?? NaN) % 24,
    minute: w.minute ?? NaN,
    second: w.second ?? NaN,
  }
}

/**
 * The calendar date parts of an instant on a store's calendar. An unknown zone falls back to UTC
 * rather than failing: a mistyped setting must not stop figures or history. Throws a RangeError
 * for an instant that is not a valid date (a programming error).
 */
export function zonedParts(instant: Date, timeZone: string): { year: number; month: number; day: number } {
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a valid instant: ${String(instant)}`)
  const { year, month, day } = wallClock(lenientFormatterFor(timeZone), instant.getTime())
  return { year, month, day }
}

/**
 * The zone's offset from UTC at an instant, in ms (e.g. +3 600 000 for Berlin in winter), to the
 * second. Throws a RangeError for a zone Intl does not know.
 */
export function zoneOffsetMs(zone: string, utcMs: number): number {
  const base = Math.floor(utcMs / 1000) * 1000
  const w = wallClock(formatterFor(zone), base)
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - base
}

/** YYYY-MM-DD of an instant on a store's calendar: a figure fetched at 23:30 UTC is the next day in Sydney. */
export function localDate(instant: Date | string, timeZone: string): string {
  const { year, month, day } = zonedParts(typeof instant === 'string' ? new Date(instant) : instant, timeZone)
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** Adds `n` (possibly negative) calendar days to a YYYY-MM-DD day; no zone or DST can shift it. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10)
}

/** Days in a month (month 1–12). */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate()
}

/** A total across stores, with how many stores it covers. */
export interface Total {
  value: number | null
  covered: number
  of: number
}

/** Adds only the known figures; says how many stores the total covers. */
export function totalOf(values: readonly (number | null)[]): Total {
  const known = values.filter((v): v is number => v !== null)
  return { value: known.length ? known.reduce((a, b) => a + b, 0) : null, covered: known.length, of: values.length }
}

/** "4 of 5 stores" when a total leaves some out, else "" (nothing worth saying). */
export function coverageText(t: Total): string {
  return t.covered < t.of ? `${t.covered} of ${t.of} stores` : ''
}

/** A figure's share of a total, 0–1, or null when either is unknown or the total is 0. */
export function shareOf(value: number | null, total: number | null): number | null {
  if (value === null || total === null || total === 0) return null
  return value / total
}

/**
 * How far in the future a figure may be dated before we stop believing its age: clocks of two
 * computers (or one after a small correction) disagree by seconds, not minutes.
 */
export const CLOCK_SKEW_MS = 2 * 60_000

/**
 * True when an instant (ms) lies further ahead of `now` than clocks plausibly disagree: the wall
 * clock was set back since, so the figure's real age is unknown (never "fresh").
 */
export function isFromTheFuture(atMs: number, nowMs: number): boolean {
  return atMs - nowMs > CLOCK_SKEW_MS
}

/**
 * "just now", "5 min ago", "3 h ago", "2 days ago": the age every figure on screen carries; a
 * figure dated in the future (the clock was set back) has an unknown age, never "just now".
 */
export function ageText(fetchedAt: string, now: Date): string {
  const ms = now.getTime() - new Date(fetchedAt).getTime()
  if (!Number.isFinite(ms)) return 'unknown age'
  if (ms < -CLOCK_SKEW_MS) return 'unknown age (clock changed)'
  const min = Math.floor(ms / 60_000)
  if (min < 1) return 'just now'
  if (min < 60) return `${min} min ago`
  const hours = Math.floor(min / 60)
  if (hours < 48) return `${hours} h ago`
  return `${Math.floor(hours / 24)} days ago`
}

/**
 * The age as a phrase after `lead`: "as of 5 min ago", "updated just now"; when the age is unknown
 * (not a time, or dated in the future after the clock was set back) "age unknown (clock changed)",
 * which reads without the lead.
 */
export function ageLine(lead: string, fetchedAt: string, now: Date): string {
  const at = new Date(fetchedAt).getTime()
  if (!Number.isFinite(at)) return 'age unknown'
  if (isFromTheFuture(at, now.getTime())) return 'age unknown (clock changed)'
  return `${lead} ${ageText(fetchedAt, now)}`
}

/** True when `tz` is an IANA time zone this runtime knows (checked with Intl, never a hand-made list). */
export function isValidTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

const ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/

/** An ISO-8601 instant with a zone whose date and time exist (no 30 February, no 24:00). */
export function isInstant(s: string): boolean {
  const m = ISO_INSTANT.exec(s)
  if (!m) return false
  const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[7] ?? '0'].map(Number) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ]
  return (
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hour <= 23 &&
    minute <= 59 &&
    second <= 59 &&
    !Number.isNaN(Date.parse(s))
  )
}
