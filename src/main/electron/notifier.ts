/**
 * OS notifications for alerts, through Electron's `Notification`: silent unless sound is on, never
 * focusing the window by themselves; a click opens the store's page (or the Alerts view for a
 * summary). What to show is decided by the pure planner in core/glance.
 */
import { Notification } from 'electron'
import type { Alert } from '../../shared/alerts'
import { planNotifications, routeFor } from '../core/glance/notifications'

export interface NotifierDeps {
  /** The user's sound setting, read at each refresh. */
  sound: () => boolean
  /** Shows the window at a route (`#/store/<id>` or `#/alerts`); only ever called on a click. */
  open: (route: string) => void
}

export interface Notifier {
  /** Shows the notifications of one refresh's alerts. */
  notify(alerts: readonly Alert[]): void
}

/** Creates the notifier; a platform without notifications makes it a no-op. */
export function createNotifier(deps: NotifierDeps): Notifier {
  // Kept until closed: a garbage-collected Notification loses its click handler on some platforms.
  const live = new Set<Notification>()
  return {
    notify(alerts) {
      if (!Notification.isSupported()) return
      for (const plan of planNotifications(alerts, deps.sound())) {
        const n = new Notification({ title: plan.title, body: plan.body, silent: plan.silent })
        live.add(n)
        n.on('click', () => deps.open(routeFor(plan.store)))
        n.on('close', () => live.delete(n))
        n.show()
      }
    },
  }
}
