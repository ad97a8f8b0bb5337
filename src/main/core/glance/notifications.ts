/**
 * Which OS notifications a refresh's alerts become: one per delivered alert, or, when more than
 * three are delivered at once, one summary ("5 alerts: …"). Pure, so the Electron notifier only
 * shows what this returns.
 */
import type { Alert } from '../../../shared/alerts'

/** More delivered alerts than this in one refresh become one summary notification. */
export const SUMMARY_AFTER = 3

export interface PlannedNotification {
  title: string
  body: string
  /** Silent unless the user turned sound on. */
  silent: boolean
  /** The store page a click opens; null = the Alerts view (a summary over several stores). */
  store: string | null
}

const MAX_BODY = 240

/** The notifications for `alerts` (only delivered ones are shown). */
export function planNotifications(alerts: readonly Alert[], sound: boolean): PlannedNotification[] {
  const shown = alerts.filter((a) => a.delivered)
  const silent = !sound
  if (shown.length <= SUMMARY_AFTER) return shown.map((a) => ({ title: a.title, body: a.body, silent, store: a.store }))
  const stores = new Set(shown.map((a) => a.store))
  const urgentFirst = [...shown.filter((a) => a.urgent), ...shown.filter((a) => !a.urgent)]
  let body = `${shown.length} alerts: ${urgentFirst.map((a) => a.title).join('; ')}`
  if (body.length > MAX_BODY) body = `${body.slice(0, MAX_BODY - 1)}…`
  return [{ title: `${shown.length} alerts`, body, silent, store: stores.size === 1 ? shown[0]!.store : null }]
}

/** The renderer route of a store's page (the window's router) or of the Alerts view. */
export function routeFor(store: string | null): string {
  return store === null ? '#/alerts' : `#/store/${encodeURIComponent(store)}`
}
