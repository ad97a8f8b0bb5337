/**
 * What the IPC handlers of every domain share: the running services (available once the app has
 * started), the events to the window, the warnings, and the account views the window is sent.
 */
import type { AccountView, AppInfo, AppWarning, EventContract } from '../../../shared/ipc'
import type { Account } from '../../../shared/model'
import type { AccountService } from '../accounts'
import type { AlertService } from '../alerts'
import type { TypedEvents } from '../events'
import type { IpcHandlers } from '../ipcDispatch'
import type { Monitor } from '../monitor'
import type { SaveFile } from '../exportComparison'
import type { HistoryStore } from '../snapshots'

/** What the core may ask of the tray's glance window (drawn by the Electron shell). */
export interface GlanceControl {
  /** Hides the glance window; with a route ('' = as it is), then shows the main window there. */
  hide(openRoute: string | null): void
}

/** The handlers of some channels: each domain module returns its own. */
export type HandlersOf<C extends keyof IpcHandlers> = Pick<IpcHandlers, C>

export interface HandlerContext {
  /** The account service; throws "still starting" before the app has started. */
  accounts(): AccountService
  /** The monitor; throws "still starting" before the app has started. */
  monitor(): Monitor
  /** The alert service; throws "still starting" before the app has started. */
  alerts(): AlertService
  /** The clock's time, ms since the epoch. */
  now(): number
  /** The local 400-day history; throws "still starting" before the app has started. */
  history(): HistoryStore
  /** Main's save dialog (the CSV export); null where files cannot be saved (no window). */
  saveFile: SaveFile | null
  /** Main's clipboard (Copy diagnostics); null where there is none (command line). */
  copyText: ((text: string) => void) | null
  /** The tray's glance window; null where there is none (command line, browser tests without one). */
  glance: GlanceControl | null
  events: TypedEvents<EventContract>
  info(): AppInfo
  /** Warnings so far, oldest first. */
  warnings(): readonly AppWarning[]
  /** Records a warning and tells the window. */
  warn(message: string): void
  /** Leaves demo mode (no-op outside it): the first real store ends it. */
  leaveDemo(): Promise<void>
  /** Takes in what other processes changed in settings.json (a store removed elsewhere must not linger). */
  syncFromDisk(): Promise<void>
  /** A support report without keys or customer data. */
  diagnostics(): Promise<string>
}

/** A store as the window sees it: never the key, only whether one is stored. */
export async function accountView(ctx: HandlerContext, a: Account): Promise<AccountView> {
  // null: the keychain could not be asked (locked, no Secret Service), which is not "no key".
  return {
    ...a,
    hasKey: await ctx
      .accounts()
      .hasKey(a.id)
      .catch(() => null),
  }
}

/** Every store as the window sees it. */
export function accountViews(ctx: HandlerContext): Promise<AccountView[]> {
  return Promise.all(
    ctx
      .accounts()
      .list()
      .map((a) => accountView(ctx, a)),
  )
}

/** After the store list changed: the monitor follows, then the window is sent the new list. */
export async function accountsChanged(ctx: HandlerContext): Promise<void> {
  await ctx.syncFromDisk()
  await ctx.monitor().accountsChanged()
  ctx.events.emit('event:accounts', await accountViews(ctx))
}
