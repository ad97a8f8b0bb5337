/**
 * The alert engine's vocabulary: the kinds of alert, the rules' settings with their defaults, the
 * per-store settings it needs, the poll outcomes it consumes and the alerts it produces. Pure data,
 * shared by the engine, the replay command, the app and (through src/shared) the window.
 */
import type { ErrorKind, StoreSnapshot } from '../../../shared/model'

/** Every kind of alert, in the order the engine evaluates them for one poll. */
export const ALERT_KINDS = ['unreachable', 'keyRejected', 'recovered', 'behindPace', 'quietStore', 'recordDay', 'bigTransaction', 'target'] as const
export type AlertKind = (typeof ALERT_KINDS)[number]

/** Kinds that break through mutes and quiet hours. */
export const URGENT_KINDS: ReadonlySet<AlertKind> = new Set<AlertKind>(['unreachable', 'keyRejected'])

/** Failure kinds that count toward `unreachable` (the store could not be reached or understood). */
export const TRANSPORT_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['network', 'timeout', 'http', 'response'])

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

/** The defaults of issue 12's rule table. */
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

/** What the engine needs to know about one store. */
export interface AlertStore {
  id: string
  label: string
  /** IANA zone of the store's calendar (opening hours, record days, the month). */
  timeZone: string
  notify: NotifyLevel
  /** `undefined` = the default hours; `null` = always open. */
  openingHours?: WeeklyWindow | null
  /** Transactions per month; null = no target. */
  monthlyTarget: number | null
}

/** Everything besides the state and the event that the engine reads. */
export interface EngineContext {
  settings: AlertSettings
  /** Stores by id; an unknown id is treated as a store labelled with its id, in UTC. */
  stores: ReadonlyMap<string, AlertStore>
  /** The computer's zone, for quiet hours. */
  localTimeZone: string
}

/** One thing that happened: a poll's outcome, or the user muting/unmuting. `at` is ISO-8601. */
export type EngineEvent =
  | { at: string; store: string; snapshot: StoreSnapshot }
  | { at: string; store: string; error: { kind: ErrorKind; message: string } }
  | { at: string; mute: { until: string } }
  | { at: string; unmute: true }

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
