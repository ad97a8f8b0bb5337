/**
 * Wall-clock arithmetic for opening hours and quiet hours: which weekly window (if any) an instant
 * falls in, on a given zone's calendar. Pure; an unknown zone falls back to UTC like the rest of
 * the app's calendar code.
 */
import { addDays } from '../../../shared/period'
import type { WeeklyWindow } from './types'

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (f) return f
  const options: Intl.DateTimeFormatOptions = {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }
  try {
    f = new Intl.DateTimeFormat('en-CA', { ...options, timeZone })
  } catch {
    f = new Intl.DateTimeFormat('en-CA', { ...options, timeZone: 'UTC' })
  }
  formatters.set(timeZone, f)
  return f
}

/** Local date (YYYY-MM-DD), weekday (0 = Sunday) and minute of the day of an instant in a zone. */
export interface WallTime {
  date: string
  weekday: number
  minutes: number
}

/** The wall-clock reading of `instant` in `timeZone`. */
export function wallTime(instant: Date, timeZone: string): WallTime {
  const parts = formatterFor(timeZone).formatToParts(instant)
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00'
  const date = `${get('year')}-${get('month')}-${get('day')}`
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay()
  return { date, weekday, minutes: Number(get('hour')) * 60 + Number(get('minute')) }
}

/** "HH:MM" → minutes since midnight (the schemas guarantee the shape). */
export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number) as [number, number]
  return h * 60 + m
}

/**
 * The local date on which the window containing `instant` started, or null when `instant` is
 * outside every window. `from` is included, `to` excluded; `to <= from` wraps past midnight and
 * belongs to the day it started (Saturday 01:00 is in Friday's 22:00–02:00 window).
 */
export function windowStart(window: WeeklyWindow, instant: Date, timeZone: string): string | null {
  const { date, weekday, minutes } = wallTime(instant, timeZone)
  const from = minutesOf(window.from)
  const to = minutesOf(window.to)
  const days = new Set(window.days)
  if (from < to) return days.has(weekday) && minutes >= from && minutes < to ? date : null
  if (days.has(weekday) && minutes >= from) return date
  if (days.has((weekday + 6) % 7) && minutes < to) return addDays(date, -1)
  return null
}
