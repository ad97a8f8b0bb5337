/**
 * The engine's memory between polls: counters, spans, seen transaction ids and what already fired.
 * Plain JSON, versioned, so it can be saved and survive a restart (a restart must neither repeat an
 * alert nor forget an outage).
 */

export const ENGINE_STATE_VERSION = 1

/** Seen transaction ids kept per store (the newest; far above any dashboard's list). */
export const MAX_SEEN_TRANSACTIONS = 5000
/** Fired record-day dates and target months kept per store (dedupe only needs recent ones). */
export const MAX_FIRED_KEYS = 62

/** What the engine remembers about one store. */
export interface StoreRuleState {
  /** Consecutive polls failing with a transport kind. */
  failures: number
  /** `unreachable` fired and no success has ended the outage yet. */
  outageAlerted: boolean
  /** `keyRejected` fired and no success has followed yet. */
  keyAlerted: boolean
  /** Consecutive successful snapshots on which `behindPace` holds. */
  behindCount: number
  /** `behindPace` fired and has not been re-armed. */
  behindFired: boolean
  /** The current `quietStore` span: the value, its first and latest snapshot, the opening window it lies in. */
  quiet: { value: number; start: string; last: string; window: string; fired: boolean } | null
  /** Store-calendar dates whose `recordDay` fired. */
  recordDates: string[]
  /** Transaction ids seen in this store's snapshots; null until the first snapshot. */
  seenTransactions: string[] | null
  /** Store-calendar months (YYYY-MM) whose `target` alert fired. */
  targetMonths: string[]
}

/** A mute covers `[from, until)`. */
export interface MuteState {
  from: string
  until: string
}

export interface EngineState {
  version: typeof ENGINE_STATE_VERSION
  stores: Record<string, StoreRuleState>
  mute: MuteState | null
}

/** The state before any event. */
export function emptyEngineState(): EngineState {
  return { version: ENGINE_STATE_VERSION, stores: {}, mute: null }
}

/** A store the engine has not seen yet. */
export function emptyStoreState(): StoreRuleState {
  return {
    failures: 0,
    outageAlerted: false,
    keyAlerted: false,
    behindCount: 0,
    behindFired: false,
    quiet: null,
    recordDates: [],
    seenTransactions: null,
    targetMonths: [],
  }
}

/** `list` with `key` appended, keeping the newest `max`. */
export function remember(list: readonly string[], key: string, max: number): string[] {
  const next = [...list, key]
  return next.length > max ? next.slice(next.length - max) : next
}
