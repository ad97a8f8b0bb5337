/**
 * The IPC adapter: registers one handler per invoke channel, accepts requests only from the app's
 * own main frame, validates them through the shared dispatcher, and forwards core events to the
 * window. Nothing here decides anything; the core does.
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron'
import { INVOKE_CHANNELS, type EventChannel, type EventContract } from '../../shared/ipc'
import type { Dispatch } from '../core/ipcDispatch'

/**
 * True when the request comes from the main frame of our own window showing our own page: the
 * exact URL the window loaded (the built index.html, or the dev server's origin in development).
 */
export function isTrustedSender(event: IpcMainInvokeEvent, window: BrowserWindow | null, appUrl: string): boolean {
  if (!window || window.isDestroyed()) return false
  const frame = event.senderFrame
  if (!frame || frame !== window.webContents.mainFrame) return false
  try {
    const url = new URL(frame.url)
    const expected = new URL(appUrl)
    if (expected.protocol === 'file:') return url.protocol === 'file:' && url.pathname === expected.pathname
    return url.origin === expected.origin
  } catch {
    return false
  }
}

/** Wires every invoke channel to the dispatcher. Returns a function that removes the handlers. */
export function registerIpc(dispatch: Dispatch, getWindow: () => BrowserWindow | null, appUrl: string): () => void {
  for (const channel of INVOKE_CHANNELS) {
    ipcMain.handle(channel, (event, request: unknown) => {
      if (!isTrustedSender(event, getWindow(), appUrl)) {
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
