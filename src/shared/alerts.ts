/**
 * What the alert engine, the window and the command line agree on: the kinds of alert, the
 * notification settings with their defaults, and the alerts themselves. No Node, DOM or Electron.
 */

/** Every kind of alert, in the order the engine evaluates them for one poll. */
export const ALERT_KINDS = [
  'unreachable',
  'keyRejected',
  'recovered',
  'behindPace',
  'quietStore',
  'recordDay',
  'bigTransaction',
  'target',
] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

/** Kinds that break through mutes and quiet hours. */
export const URGENT_KINDS: ReadonlySet<AlertKind> = new Set<AlertKind>(['unreachable', 'keyRejected'])

/** Which alerts of a store are delivered: all, urgent only, or none. */
export type NotifyLevel = 'all' | 'important' | 'none'

/** A weekly window of local wall-clock time; includes `from`, excludes `to`, may wrap past midnight. */
export interface WeeklyWindow {
  /** "HH:MM". */
  from: string
  /** "HH:MM"; `to <= from` wraps past midnight (equal = a whole day). */
  to: string
  /** Weekdays the window starts on, 0 = Sunday. */
  days: number[]
}

export interface AlertRules {
  unreachable: { enabled: boolean; polls: number }
  keyRejected: { enabled: boolean }
  behindPace: { enabled: boolean; percent: number; minBase: number; polls: number }
  quietStore: { enabled: boolean; minutes: number }
  recordDay: { enabled: boolean; minDays: number }
  bigTransaction: { enabled: boolean; amount: number }
  target: { enabled: boolean }
}

/** The global alert settings (the scenario's `alerts` object, and the app's Notifications section). */
export interface AlertSettings {
  /** The global switch: off = nothing is delivered (alerts are still recorded). */
  enabled: boolean
  sound: boolean
  /** In the computer's local time; null = none. */
  quietHours: WeeklyWindow | null
  rules: AlertRules
}

export const ALL_DAYS: readonly number[] = Object.freeze([0, 1, 2, 3, 4, 5, 6])

/** The defaults of the alert rule table (README, "Alert scenarios"). */
export function defaultAlertSettings(): AlertSettings {
  return {
    enabled: true,
    sound: false,
    quietHours: null,
    rules: {
      unreachable: { enabled: true, polls: 3 },
      keyRejected: { enabled: true },
      behindPace: { enabled: true, percent: 15, minBase: 50, polls: 2 },
      quietStore: { enabled: true, minutes: 90 },
      recordDay: { enabled: true, minDays: 7 },
      bigTransaction: { enabled: false, amount: 250 },
      target: { enabled: true },
    },
  }
}

/** Default opening hours: every day 09:00–21:00. */
export function defaultOpeningHours(): WeeklyWindow {
  return { from: '09:00', to: '21:00', days: [...ALL_DAYS] }
}

/** Why an alert was recorded but not delivered, in the order they are checked. */
export type SuppressedBy = 'disabled' | 'level' | 'muted' | 'quietHours'

/** One alert: always recorded; delivered as an OS notification unless suppressed. */
export interface Alert {
  /** The time of the poll whose outcome raised it (as given). */
  at: string
  /** The store's local id. */
  store: string
  kind: AlertKind
  urgent: boolean
  title: string
  body: string
  delivered: boolean
  suppressedBy?: SuppressedBy
}

/** An alert in the app's log, numbered in the order it was raised. */
export interface LoggedAlert extends Alert {
  id: number
}

/** The alert log as the window sees it. */
export interface AlertLog {
  /** Newest first (the last 90 days, at most 1,000). */
  alerts: LoggedAlert[]
  unread: number
  /** End of the active mute (ISO), or null. */
  mutedUntil: string | null
}

/** Per-store notification settings (kept in settings.json under `alerts.stores[<store id>]`); the target is `Account.monthlyTarget`. */
export interface StoreAlertSettings {
  notify: NotifyLevel
  /** Absent = the default hours (every day 09:00–21:00); null = always open. */
  openingHours?: WeeklyWindow | null
}

/** The Notifications section of the settings: the global settings plus each store's. */
export interface NotificationSettings extends AlertSettings {
  stores: Record<string, StoreAlertSettings>
}

/** The notification settings of a new or migrated settings file. */
export function defaultNotificationSettings(): NotificationSettings {
  return { ...defaultAlertSettings(), stores: {} }
}
