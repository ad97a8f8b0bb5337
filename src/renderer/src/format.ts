/**
 * Numbers and dates in the user's locale (Intl), never a hard-coded one. Store-local timestamps
 * sent by the server are not formatted here: they are shown as sent.
 */
const locale = typeof navigator === 'undefined' ? undefined : navigator.language || undefined

const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 })
const decimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 })
const oneDecimal = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const monthYear = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' })
const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })
const weekdayName = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' })

/** A count with the locale's grouping, "—" when unknown. */
export function num(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? '—' : integer.format(value)
}

/** An amount with two decimals, "—" when unknown. */
export function amount(value: number | null): string {
  return value === null ? '—' : decimal.format(value)
}

/** A number with one decimal (averages). */
export function avg(value: number | null): string {
  return value === null ? '—' : oneDecimal.format(value)
}

const dateOf = (day: string) => new Date(`${day.length === 7 ? `${day}-01` : day}T00:00:00Z`)

/** "March 2026" for "2026-03". */
export function monthText(month: string): string {
  return monthYear.format(dateOf(month))
}

/** "12 March 2026" for "2026-03-12" (a calendar day, no zone shift). */
export function dayText(day: string): string {
  return dayMonth.format(dateOf(day))
}

/** "12 Mar" for "2026-03-12": chart axes. */
export function shortDayText(day: string): string {
  return shortDay.format(dateOf(day))
}

/** The weekday names, Sunday first, in the user's language. */
export function weekdayNames(): string[] {
  // 2026-11-01 was a Sunday.
  return Array.from({ length: 7 }, (_, i) => weekdayName.format(new Date(Date.UTC(2026, 10, 1 + i))))
}

/** A signed percentage with an arrow, never colour alone: "▲ +12.5%", "▼ −3.0%", "± 0.0%". */
export function signedPct(pct: number): string {
  const arrow = pct > 0 ? '▲ +' : pct < 0 ? '▼ −' : '± '
  return `${arrow}${oneDecimal.format(Math.abs(pct * 100))}%`
}
