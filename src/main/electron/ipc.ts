/**
 * The IPC adapter: registers one handler per invoke channel, accepts requests only from the app's
 * own main frame (by origin), validates them through the shared dispatcher, and forwards core events to the
 * window. Nothing here decides anything; the core does.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNELS, type EventChannel, type EventContract } from '../../shared/ipc'
import type { Dispatch } from '../core/ipcDispatch'

/**
 * True when two URLs have the same origin, compared by a real URL parse: scheme, host and port.
 * (Node's URL gives custom schemes such as app:// the opaque origin "null", so `origin` alone
 * cannot be compared for them.) Anything unparseable is never the same origin.
 */
export function sameOrigin(a: string, b: string): boolean {
  try {
    const x = new URL(a)
    const y = new URL(b)
    if (x.protocol === 'file:' || y.protocol === 'file:') return false
    return x.protocol === y.protocol && x.hostname === y.hostname && x.port === y.port && x.host !== ''
  } catch {
    return false
  }
}

/**
 * True when the request comes from the main frame of our own window showing a page of our own
 * origin: app://storeglance (or the dev server's origin in a development build). file:// pages
 * are never trusted: every local file shares that origin.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, appUrl: string): boolean {
  if (!window || window.isDestroyed()) return false
  const frame = event.senderFrame
  if (!frame || frame !== window.webContents.mainFrame) return false
  return sameOrigin(frame.url, appUrl)
}

/**
 * Wires every invoke channel to the dispatcher; `getWindows` gives our window (or windows: the main
 * window and the tray's glance), whose main frames are trusted. Returns a function that removes the handlers.
 */
export function registerIpc(
  dispatch: Dispatch,
  getWindows: () => BrowserWindow | null | readonly (BrowserWindow | null)[],
  appUrl: string,
): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      const windows = getWindows()
      const list = Array.isArray(windows) ? windows : [windows as BrowserWindow | null]
      if (!list.some((w) => isTrustedSender(event, w, appUrl))) {
        return { ok: false, error: { kind: 'invalid', message: 'Request refused: unknown sender.' } }
      }
      return dispatch(channel, request)
    })
  }
  return () => INVOKE_CHANNELS.forEach((c) => ipcMain.removeHandler(c))
}

/** Sends one event to the window if it is still there. */
export function sendEvent<E extends EventChannel>(window: BrowserWindow | null, channel: E, payload: EventContract[E]): void {
  if (window && !window.isDestroyed()) window.webContents.send(channel, payload)
}
