/**
 * Whether an alert is delivered (an OS notification) or only recorded, and why not. The checks run
 * in a fixed order and the first that applies is the `suppressedBy`: the global switch, the
 * store's level, an active mute, quiet hours. Urgent alerts break through mutes and quiet hours.
 */
import type { MuteState } from './state'
import type { AlertSettings, AlertStore, SuppressedBy } from './types'
import { windowStart } from './wallClock'

/**
 * A mute covers `[from, until)`. With `liveClock` (the wall clock may have been set back since the
 * mute was set) it covers every moment before `until`, so setting the clock back never ends it.
 */
export function muteActive(mute: MuteState | null, at: Date, liveClock = false): boolean {
  if (!mute) return false
  const t = at.getTime()
  return (liveClock || t >= Date.parse(mute.from)) && t < Date.parse(mute.until)
}

/** Quiet hours are on at `at` (computer's local time; weekdays counted from the day a window starts). */
export function inQuietHours(settings: AlertSettings, at: Date, localTimeZone: string): boolean {
  return settings.quietHours !== null && windowStart(settings.quietHours, at, localTimeZone) !== null
}

/** The reason an alert is not delivered, or undefined when it is. */
export function suppression(
  alert: { at: string; urgent: boolean },
  store: AlertStore,
  settings: AlertSettings,
  mute: MuteState | null,
  localTimeZone: string,
  liveClock = false,
): SuppressedBy | undefined {
  if (!settings.enabled) return 'disabled'
  if (store.notify === 'none' || (store.notify === 'important' && !alert.urgent)) return 'level'
  if (alert.urgent) return undefined
  const at = new Date(alert.at)
  if (muteActive(mute, at, liveClock)) return 'muted'
  if (inQuietHours(settings, at, localTimeZone)) return 'quietHours'
  return undefined
}
