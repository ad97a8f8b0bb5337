/**
 * The glance's rules, shared by the tray (main) and the glance window (renderer): one store's
 * row (figures, change, state) and when the two mute choices end. No Node, DOM or Electron.
 */
import type { Account, StoreSnapshot, StoreStatus } from './model'
import { ageLine, isFromTheFuture } from './period'

/** A store's state on the glance, most pressing first; waiting = no figures and no failure yet. */
export type GlanceRowState = 'attention' | 'failing' | 'stale' | 'waiting' | 'ok'

/** One store as the glance shows it. */
export interface GlanceStore {
  id: string
  label: string
  colour: string
  thisMonth: number | null
  /** When the figures shown were fetched (ISO), or null before the first figures. */
  fetchedAt: string | null
  /** Change against the same period last month, in percent; null when unknown or the base is 0. */
  changePct: number | null
  stale: boolean
  failing: boolean
  /** needs attention (key refused, keychain) > failing (polls fail) > stale > waiting (no figures yet) > ok. */
  state: GlanceRowState
}

/**
 * One store's glance row. Stale = figures older than twice the store's interval (own or the app's),
 * or dated in the future.
 */
export function glanceStore(
  account: Account,
  snap: StoreSnapshot | null,
  status: StoreStatus | undefined,
  intervalSec: number,
  now: Date,
): GlanceStore {
  const interval = (account.intervalSec ?? intervalSec) * 1000
  const age = snap ? now.getTime() - Date.parse(snap.fetchedAt) : Infinity
  const thisMonth = snap?.transactions.thisMonth ?? null
  const base = snap?.transactions.samePeriodLastMonth ?? null
  // Figures dated in the future (the clock was set back since) have an unknown age: never fresh.
  const stale = snap !== null && (age > 2 * interval || isFromTheFuture(Date.parse(snap.fetchedAt), now.getTime()))
  const attention = Boolean(status?.needsAttention)
  const failing = Boolean(status?.error) || attention
  return {
    id: account.id,
    label: account.label,
    colour: account.colour,
    thisMonth,
    fetchedAt: snap?.fetchedAt ?? null,
    changePct: thisMonth !== null && base ? ((thisMonth - base) / base) * 100 : null,
    stale,
    failing,
    state: attention ? 'attention' : failing ? 'failing' : stale ? 'stale' : snap === null ? 'waiting' : 'ok',
  }
}

/**
 * How old a row's figures are, when that matters: "as of 3 days ago" for a stale or failing row
 * that has figures; null for a fresh row or before the first figures.
 */
export function glanceAgeText(row: GlanceStore, now: Date): string | null {
  if (row.fetchedAt === null || !(row.stale || row.failing)) return null
  return ageLine('as of', row.fetchedAt, now)
}

/** "+10.3 %", "−3.0 %", "±0.0 %". */
export function pctText(pct: number): string {
  const rounded = Math.round(pct * 10) / 10
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '±'
  return `${sign}${Math.abs(rounded).toFixed(1)} %`
}

/** When "Mute until tomorrow 08:00" ends: 08:00 of the next day in the computer's local time. */
export function tomorrowAtEight(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 8, 0, 0, 0)
}

/** When "Mute for 1 hour" ends. */
export function inOneHour(now: Date): Date {
  return new Date(now.getTime() + 3_600_000)
}
