/**
 * OS notifications for alerts, through Electron's `Notification`: silent unless sound is on, never
 * focusing the window by themselves; a click opens the store's page (or the Alerts view for a
 * summary). What to show is decided by the pure planners in core/glance; an outage summary
 * (several stores unreachable, or recovered) replaces the earlier notification of its kind.
 */
import { Notification } from 'electron'
import type { Alert } from '../../shared/alerts'
import { routeFor } from '../core/glance/notifications'
import { planGrouped, type GroupKind, type GroupState } from '../core/glance/notificationGroups'

export interface NotifierDeps {
  /** The user's sound setting, read at each refresh. */
  sound: () => boolean
  /** Shows the window at a route (`#/store/<id>` or `#/alerts`); only ever called on a click. */
  open: (route: string) => void
  /** A store's label for an outage summary (default: its id). */
  label?: (store: string) => string
  /** Epoch ms (default: the wall clock). */
  now?: () => number
}

export interface Notifier {
  /** Shows the notifications of one refresh's alerts. */
  notify(alerts: readonly Alert[]): void
}

/** Creates the notifier; a platform without notifications makes it a no-op. */
export function createNotifier(deps: NotifierDeps): Notifier {
  // Kept until closed: a garbage-collected Notification loses its click handler on some platforms.
  const live = new Set<Notification>()
  // The shown outage notification of each kind, which an updated summary replaces.
  const groups = new Map<GroupKind, Notification>()
  let state: GroupState = {}
  const label = deps.label ?? ((store: string) => store)
  const now = deps.now ?? Date.now
  return {
    notify(alerts) {
      if (!Notification.isSupported()) return
      const plan = planGrouped(alerts, deps.sound(), state, now(), label)
      state = plan.state
      for (const p of plan.notifications) {
        const n = new Notification({ title: p.title, body: p.body, silent: p.silent })
        live.add(n)
        n.on('click', () => deps.open(routeFor(p.store)))
        n.on('close', () => {
          live.delete(n)
          if (p.group && groups.get(p.group) === n) groups.delete(p.group)
        })
        if (p.group) {
          // Only a summary that took in the shown one replaces it; an older one stays on screen.
          if (p.replaces) groups.get(p.group)?.close()
          groups.set(p.group, n)
        }
        n.show()
      }
    },
  }
}
