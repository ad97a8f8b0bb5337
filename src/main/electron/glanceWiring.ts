/**
 * Wires the tray and the OS notifications to the app core: the tray redraws on every snapshot,
 * status and alert change; the alerts of one refresh are shown together once the monitor is idle
 * (so more than three become one summary); closing the window keeps the app in the tray, and the
 * first time that happens the user is told once.
 */
import { join } from 'node:path'
import { app, net, Notification, type Rectangle } from 'electron'
import type { AppCore } from '../core/app'
import type { LoggedAlert } from '../core/alerts'
import { inOneHour, tomorrowAtEight, type GlanceInput, type MenuAction } from '../core/glance/glance'
import { firstTime } from '../core/glance/hints'
import { reportFailure } from './failures'
import { createNotifier } from './notifier'
import { createTray, type TrayView } from './tray'

/** Longest wait for the rest of a refresh before its alerts are shown. */
export const BATCH_WAIT_MS = 3_000

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref())

export interface GlanceWiringDeps {
  core: AppCore
  userDataDir: string
  /** Shows the main window at a route ('' = as it is). */
  show: (route: string) => void
  /** Shows or hides the glance window beside the icon; without one a click shows the main window. */
  toggleGlance?: (iconBounds: Rectangle) => void
}

/**
 * The folder of the tray icons: `resources/icons` inside the app (packaged: inside app.asar, which
 * electron-builder.yml's `files` includes and nativeImage reads).
 */
export function trayIconDir(): string {
  return join(app.getAppPath(), 'resources', 'icons')
}

function glanceInput(core: AppCore): GlanceInput {
  const statuses = core.monitor.statuses()
  return {
    accounts: core.accounts.list(),
    snapshots: core.monitor.snapshots(),
    statuses,
    intervalSec: core.accounts.settings().intervalSec,
    unreadAlerts: core.alerts.unread(),
    paused: statuses.length > 0 && statuses.every((s) => s.state === 'paused'),
    online: net.isOnline(),
    mutedUntil: core.alerts.mutedUntil(),
    now: new Date(),
  }
}

export interface GlanceWiring {
  /** A tray icon exists: closing the window keeps the app running there. */
  hasTray: boolean
  dispose(): void
}

/** Creates the tray and the notifier and keeps them up to date. */
export function wireGlance(deps: GlanceWiringDeps): GlanceWiring {
  const { core } = deps
  const act = (action: MenuAction): void => {
    const now = new Date()
    switch (action.kind) {
      case 'openStore':
        return deps.show(`#/store/${encodeURIComponent(action.id)}`)
      case 'refresh':
        return core.monitor.refresh()
      case 'muteHour':
        return void core.alerts.mute(inOneHour(now))
      case 'muteTomorrow':
        return void core.alerts.mute(tomorrowAtEight(now))
      case 'unmute':
        return void core.alerts.unmute()
      case 'open':
        return deps.show('')
      case 'quit':
        return app.quit()
    }
  }
  let tray: TrayView | null = null
  try {
    tray = createTray(
      {
        iconDir: trayIconDir(),
        act,
        onClick: (bounds) => (deps.toggleGlance ? deps.toggleGlance(bounds) : deps.show('')),
        showTitle: () => true,
      },
      glanceInput(core),
    )
  } catch {
    tray = null // No tray on this desktop: the window stays the way in.
  }
  const redraw = () => tray?.update(glanceInput(core))
  const offs = [core.events.on('event:snapshot', redraw), core.events.on('event:status', redraw), core.alerts.events.on('changed', redraw)]

  const notifier = createNotifier({
    sound: () => core.accounts.settings().alerts.sound,
    open: deps.show,
    label: (id) => core.accounts.list().find((a) => a.id === id)?.label ?? id,
  })
  let batch: LoggedAlert[] = []
  offs.push(
    core.alerts.events.on('alerts', (alerts) => {
      const first = batch.length === 0
      batch.push(...alerts)
      if (!first) return
      // One refresh = every poll running now; show its alerts together, but never wait past a few
      // seconds (overlapping slow stores may keep the poller busy for ever).
      void Promise.race([core.monitor.whenIdle(), delay(BATCH_WAIT_MS)])
        .then(() => core.alerts.settled())
        .then(() => {
          const shown = batch
          batch = []
          notifier.notify(shown)
        })
        .catch((err: unknown) => reportFailure('notify', err))
    }),
  )
  return {
    hasTray: tray !== null,
    dispose() {
      offs.forEach((off) => off())
      tray?.destroy()
    },
  }
}

/** Says once (per user) that closing the window leaves Storeglance running in the tray. */
export async function sayKeepsRunningOnce(userDataDir: string): Promise<void> {
  if (!(await firstTime(userDataDir, 'keeps-running-in-tray').catch(() => false))) return
  if (!Notification.isSupported()) return
  new Notification({
    title: 'Storeglance keeps running',
    body: 'Storeglance keeps running in the tray and keeps watching your stores. Quit it from the tray menu.',
    silent: true,
  }).show()
}
