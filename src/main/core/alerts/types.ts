/**
 * The alert engine's vocabulary beyond what src/shared/alerts.ts shares with the window: the
 * stores as the engine sees them, the context it reads and the events it consumes.
 */
import type { ErrorKind, StoreSnapshot } from '../../../shared/model'
import type { AlertSettings, NotifyLevel, WeeklyWindow } from '../../../shared/alerts'

export * from '../../../shared/alerts'

/** Failure kinds that count toward `unreachable` (the store could not be reached or understood). */
export const TRANSPORT_KINDS: ReadonlySet<ErrorKind> = new Set<ErrorKind>(['network', 'timeout', 'http', 'response'])

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
  /**
   * Events come from the wall clock, which may be set back (the live app, `watch`): a mute is then
   * active while the time is before its end. Unset (a replay, strictly in time order): `[at, until)`.
   */
  liveClock?: boolean
}

/** One thing that happened: a poll's outcome, or the user muting/unmuting. `at` is ISO-8601. */
export type EngineEvent =
  | { at: string; store: string; snapshot: StoreSnapshot }
  | { at: string; store: string; error: { kind: ErrorKind; message: string } }
  | { at: string; mute: { until: string } }
  | { at: string; unmute: true }
