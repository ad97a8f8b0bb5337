/**
 * Merging of outage notifications. When the platform host, DNS or the network is down, every store
 * reaches its `unreachable` threshold at its own moment (polls are spread and back off with jitter),
 * and later each one recovers: one notification each would be a storm. Here an `unreachable` (or
 * `recovered`) alert shown within GROUP_WINDOW_MS of an earlier one of the same kind becomes one
 * updated summary ("4 stores unreachable") that replaces the earlier notification. Only what is
 * shown changes: the alert log keeps every alert. Pure: the notifier keeps the state between calls.
 */
import type { Alert } from '../../../shared/alerts'
import { planNotifications, type PlannedNotification } from './notifications'

/** The kinds merged across refreshes. */
export type GroupKind = 'unreachable' | 'recovered'

/** Two outage notifications of one kind this close together become one. */
export const GROUP_WINDOW_MS = 15 * 60_000

/**
 * A grouped notification to show. `replaces`: it merges the stores of the shown notification of the
 * same `group`, which it replaces; otherwise that one stays (its store may still be down).
 */
export interface GroupedNotification extends PlannedNotification {
  group?: GroupKind
  replaces?: boolean
}

/** Per kind, the stores of the notification shown last and when it was shown (epoch ms). */
export type GroupState = Partial<Record<GroupKind, { shownAt: number; stores: string[] }>>

export interface GroupedPlan {
  notifications: GroupedNotification[]
  state: GroupState
}

const KINDS: readonly GroupKind[] = ['unreachable', 'recovered']
const MAX_BODY = 240

/**
 * The notifications for one refresh's `alerts` at `now`, given what was shown before (`state`).
 * Delivered `unreachable` and `recovered` alerts are merged per kind with the stores of a recent
 * notification of that kind; the other alerts are planned as before (a summary past three).
 * `label` names a store by id. Notifications come in the order of their first alert.
 */
export function planGrouped(
  alerts: readonly Alert[],
  sound: boolean,
  state: GroupState,
  now: number,
  label: (store: string) => string,
): GroupedPlan {
  const shown = alerts.filter((a) => a.delivered)
  // Every alert counts for who is down or back, shown or not (a recovery held back by quiet hours too).
  const next: GroupState = forgetRecovered(state, alerts)
  const slots: (GroupKind | 'other')[] = []
  for (const a of shown) {
    const slot = isGroupKind(a.kind) ? a.kind : 'other'
    if (!slots.includes(slot)) slots.push(slot)
  }
  const out: GroupedNotification[] = []
  for (const slot of slots) {
    if (slot === 'other') out.push(...planOthers(shown, sound))
    else out.push(planGroup(slot, shown, sound, next, now, label))
  }
  return { notifications: out, state: next }
}

function isGroupKind(kind: Alert['kind']): kind is GroupKind {
  return (KINDS as readonly string[]).includes(kind)
}

/** The alerts besides the grouped kinds, planned as before (one each, or one summary past three). */
function planOthers(shown: readonly Alert[], sound: boolean): PlannedNotification[] {
  const others = shown.filter((a) => !isGroupKind(a.kind))
  return others.length > 0 ? planNotifications(others, sound) : []
}

/**
 * A store that recovered is no longer counted among the unreachable ones, and one that became
 * unreachable again no longer among the recovered ones.
 */
function forgetRecovered(state: GroupState, alerts: readonly Alert[]): GroupState {
  const next: GroupState = {}
  for (const kind of KINDS) {
    const g = state[kind]
    if (!g) continue
    const opposite: GroupKind = kind === 'unreachable' ? 'recovered' : 'unreachable'
    const flipped = new Set(alerts.filter((a) => a.kind === opposite).map((a) => a.store))
    next[kind] = { shownAt: g.shownAt, stores: g.stores.filter((s) => !flipped.has(s)) }
  }
  return next
}

/** The one notification of `kind` for this refresh; updates `state[kind]`. */
function planGroup(
  kind: GroupKind,
  shown: readonly Alert[],
  sound: boolean,
  state: GroupState,
  now: number,
  label: (store: string) => string,
): GroupedNotification {
  const fresh = shown.filter((a) => a.kind === kind)
  const earlier = state[kind]
  // Math.abs: a wall clock set back does not start a storm either.
  const recent = earlier && Math.abs(now - earlier.shownAt) < GROUP_WINDOW_MS ? earlier.stores : []
  const stores = [...new Set([...recent, ...fresh.map((a) => a.store)])]
  state[kind] = { shownAt: now, stores }
  const silent = !sound
  const replaces = recent.length > 0
  if (stores.length === 1) {
    const a = fresh[fresh.length - 1]!
    return { title: a.title, body: a.body, silent, store: a.store, group: kind, replaces }
  }
  const title = `${stores.length} ${stores.length === 1 ? 'store' : 'stores'} ${kind}`
  let body = `${title}: ${stores.map(label).join(', ')}.`
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY - 1)}…`
  return { title, body, silent, store: stores.length === 1 ? stores[0]! : null, group: kind, replaces }
}
