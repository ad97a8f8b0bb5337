/**
 * The tray's glance, as pure functions of the app's state and a clock: the icon state, the tooltip
 * ("4 stores · 33,704 tx this month (+10.3 %) · 2 alerts") and the context menu as data. The
 * Electron tray adapter only draws what these return.
 */
import type { SnapshotPair } from '../../../shared/ipc'
import type { Account, StoreStatus } from '../../../shared/model'
import { glanceAgeText, glanceStore, pctText, type GlanceStore } from '../../../shared/glance'

export { inOneHour, pctText, tomorrowAtEight, type GlanceStore } from '../../../shared/glance'

/** Icon states, most pressing first: the first that applies is shown. */
export const TRAY_STATES = ['paused', 'offline', 'error', 'attention', 'stale', 'ok'] as const
export type TrayState = (typeof TRAY_STATES)[number]

/** Consecutive transport failures after which a store counts as unreachable (the rule's default). */
export const UNREACHABLE_AFTER = 3

export interface GlanceInput {
  accounts: readonly Account[]
  snapshots: readonly SnapshotPair[]
  statuses: readonly StoreStatus[]
  /** Polling interval of stores without their own, seconds. */
  intervalSec: number
  unreadAlerts: number
  paused: boolean
  /** The computer says it is online. */
  online: boolean
  /** End of the active mute (ISO), or null. */
  mutedUntil: string | null
  now: Date
}

const enabledOf = (input: GlanceInput) => input.accounts.filter((a) => a.enabled)

/** Each enabled store's figures and marks. Stale = figures older than twice the store's interval. */
export function glanceStores(input: GlanceInput): GlanceStore[] {
  return enabledOf(input).map((a) =>
    glanceStore(
      a,
      input.snapshots.find((p) => p.id === a.id)?.current ?? null,
      input.statuses.find((s) => s.id === a.id),
      input.intervalSec,
      input.now,
    ),
  )
}

/** Paused, offline (the computer, or every store failing with a network error), error, attention (unread), stale or ok. */
export function trayState(input: GlanceInput): TrayState {
  if (input.paused) return 'paused'
  const stores = enabledOf(input)
  const statuses = stores.map((a) => input.statuses.find((s) => s.id === a.id))
  if (!input.online || (stores.length > 0 && statuses.every((s) => s?.error?.kind === 'network'))) return 'offline'
  const unreachable = (s: StoreStatus | undefined) =>
    Boolean(s?.error && s.error.kind !== 'api' && s.error.kind !== 'keychain' && s.error.consecutiveFailures >= UNREACHABLE_AFTER)
  if (statuses.some((s) => s?.needsAttention || unreachable(s))) return 'error'
  if (input.unreadAlerts > 0) return 'attention'
  if (glanceStores(input).some((s) => s.stale)) return 'stale'
  return 'ok'
}

const n = (v: number) => v.toLocaleString('en-US')

/** The tooltip (and macOS title): store count, total transactions this month with change, unread alerts. */
export function tooltipText(input: GlanceInput): string {
  const stores = glanceStores(input)
  const parts = [`${stores.length} store${stores.length === 1 ? '' : 's'}`]
  const known = stores.filter((s) => s.thisMonth !== null)
  if (known.length) {
    const total = known.reduce((sum, s) => sum + s.thisMonth!, 0)
    const pairs = enabledOf(input).map((a) => input.snapshots.find((p) => p.id === a.id)?.current.transactions)
    const withBase = pairs.filter((t) => t && t.thisMonth !== null && t.samePeriodLastMonth !== null)
    const cur = withBase.reduce((sum, t) => sum + t!.thisMonth!, 0)
    const base = withBase.reduce((sum, t) => sum + t!.samePeriodLastMonth!, 0)
    parts.push(`${n(total)} tx this month${base > 0 ? ` (${pctText(((cur - base) / base) * 100)})` : ''}`)
  }
  if (input.unreadAlerts > 0) parts.push(`${n(input.unreadAlerts)} alert${input.unreadAlerts === 1 ? '' : 's'}`)
  if (input.paused) parts.push('paused')
  return parts.join(' · ')
}

/** What a menu item does; the adapter maps each to a call. */
export type MenuAction =
  | { kind: 'openStore'; id: string }
  | { kind: 'refresh' }
  | { kind: 'muteHour' }
  | { kind: 'muteTomorrow' }
  | { kind: 'unmute' }
  | { kind: 'open' }
  | { kind: 'quit' }

export type GlanceMenuItem = { type: 'separator' } | { type: 'item'; label: string; action: MenuAction; enabled?: boolean }

/**
 * One store's menu label: label, transactions this month with change, and when stale or failing a
 * mark with the figures' age ("⚠ failing, as of 3 days ago").
 */
export function storeMenuLabel(s: GlanceStore, now: Date): string {
  const figure = s.thisMonth === null ? 'no figures yet' : `${n(s.thisMonth)} tx${s.changePct === null ? '' : ` (${pctText(s.changePct)})`}`
  const age = glanceAgeText(s, now)
  const mark = s.failing ? ' ⚠ failing' : s.stale ? ' · stale' : ''
  return `${s.label}: ${figure}${mark}${mark && age ? `, ${age}` : ''}`
}

/** "HH:MM" of an instant in the computer's local time. */
function localHm(iso: string): string {
  const d = new Date(iso)
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`
}

/** The context menu: one line per store, Refresh now, mute choices or Unmute, Open Storeglance, Quit. */
export function trayMenu(input: GlanceInput): GlanceMenuItem[] {
  const stores = glanceStores(input).map((s): GlanceMenuItem => ({
    type: 'item',
    label: storeMenuLabel(s, input.now),
    action: { kind: 'openStore', id: s.id },
  }))
  const mute: GlanceMenuItem[] = input.mutedUntil
    ? [{ type: 'item', label: `Unmute (muted until ${localHm(input.mutedUntil)})`, action: { kind: 'unmute' } }]
    : [
        { type: 'item', label: 'Mute for 1 hour', action: { kind: 'muteHour' } },
        { type: 'item', label: 'Mute until tomorrow 08:00', action: { kind: 'muteTomorrow' } },
      ]
  return [
    ...stores,
    ...(stores.length ? [{ type: 'separator' } as const] : []),
    { type: 'item', label: 'Refresh now', action: { kind: 'refresh' }, enabled: !input.paused },
    ...mute,
    { type: 'separator' },
    { type: 'item', label: 'Open Storeglance', action: { kind: 'open' } },
    { type: 'item', label: 'Quit', action: { kind: 'quit' } },
  ]
}
