/**
 * The alert engine wired to the app's data: every poll outcome of the monitor goes through the
 * engine with the current stores and notification settings, the state and log are saved, and the
 * raised alerts are handed on (notifier, tray, window, `storeglance watch`). Used alike by the app
 * and the command line.
 */
import type { Account } from '../../../shared/model'
import { TypedEvents } from '../events'
import type { PollOutcome } from '../monitor'
import type { AlertBook, LoggedAlert } from './alertBook'
import type { AlertLog, AlertStore, EngineContext, EngineEvent, NotificationSettings } from './types'
import { muteActive } from './delivery'

export interface AlertServiceDeps {
  book: AlertBook
  accounts: () => readonly Account[]
  settings: () => NotificationSettings
  /** The computer's zone, for quiet hours (asked each time: it may change while running). */
  localTimeZone: () => string
  now: () => Date
  /** A problem the user should hear about (the alert file could not be written). */
  onWarning?: (message: string) => void
}

export interface AlertServiceEvents {
  /** The alerts one poll outcome raised (never empty). */
  alerts: LoggedAlert[]
  /** The log or the read marker or the mute changed. */
  changed: undefined
}

/** The engine's view of the configured stores and settings. */
export function engineContext(accounts: readonly Account[], settings: NotificationSettings, localTimeZone: string): EngineContext {
  const stores = new Map<string, AlertStore>()
  for (const a of accounts) {
    const own = settings.stores[a.id]
    const store: AlertStore = {
      id: a.id,
      label: a.label,
      timeZone: a.timeZone,
      notify: own?.notify ?? 'all',
      monthlyTarget: a.monthlyTarget ?? null,
    }
    if (own && own.openingHours !== undefined) store.openingHours = own.openingHours
    stores.set(a.id, store)
  }
  // The service runs on the wall clock (the app, `watch`), which may be set back.
  return { settings, stores, localTimeZone, liveClock: true }
}

export type AlertService = ReturnType<typeof createAlertService>

/** Creates the service over an opened alert book. */
export function createAlertService(deps: AlertServiceDeps) {
  const events = new TypedEvents<AlertServiceEvents>()
  const context = () => engineContext(deps.accounts(), deps.settings(), deps.localTimeZone())

  const pending = new Set<Promise<unknown>>()

  /** Runs one event; a failed save is reported, never thrown (the poll itself went fine). */
  function apply(event: EngineEvent): Promise<LoggedAlert[]> {
    const done = applyNow(event)
    pending.add(done)
    void done.finally(() => pending.delete(done))
    return done
  }

  async function applyNow(event: EngineEvent): Promise<LoggedAlert[]> {
    try {
      const alerts = await deps.book.apply(event, context())
      if (alerts.length) events.emit('alerts', alerts)
      events.emit('changed', undefined)
      return alerts
    } catch (err) {
      deps.onWarning?.(`The alert log could not be saved: ${(err as Error).message}`)
      return []
    }
  }

  return {
    events,
    /** Feeds one poll outcome to the engine; resolves with the alerts it raised. */
    handle(outcome: PollOutcome): Promise<LoggedAlert[]> {
      const event: EngineEvent =
        'snapshot' in outcome
          ? { at: outcome.at, store: outcome.id, snapshot: outcome.snapshot }
          : { at: outcome.at, store: outcome.id, error: outcome.error }
      return apply(event)
    },
    /** Mutes alerts that are not urgent from now until `until`. */
    mute: (until: Date) => apply({ at: deps.now().toISOString(), mute: { until: until.toISOString() } }),
    /** Ends a mute. */
    unmute: () => apply({ at: deps.now().toISOString(), unmute: true }),
    /** The active mute's end, or null. */
    mutedUntil(): string | null {
      const mute = deps.book.state().mute
      return muteActive(mute, deps.now(), true) ? (mute?.until ?? null) : null
    },
    /** The log, newest first. */
    list: (): LoggedAlert[] => [...deps.book.log()].reverse(),
    /** The log as the window sees it. */
    view(): AlertLog {
      return { alerts: [...deps.book.log()].reverse(), unread: deps.book.unread(), mutedUntil: this.mutedUntil() }
    },
    unread: () => deps.book.unread(),
    /** Resolves once every event handed in so far is applied and saved (quit, tests, `watch`). */
    async settled(): Promise<void> {
      while (pending.size) await Promise.all([...pending])
    },
    async markAllRead(): Promise<void> {
      await deps.book.markAllRead()
      events.emit('changed', undefined)
    },
  }
}
