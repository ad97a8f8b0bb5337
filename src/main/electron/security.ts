/**
 * Locks the app down from the first line: no navigation away from the app's own page, no new
 * windows, no webviews, and no permission requests except notifications.
 */
import { app, session, shell, type WebContents } from 'electron'
import { reportFailure } from './failures'

/** Permissions the renderer may hold; everything else is refused. */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['notifications'])

/** True for an https link, the only kind we hand to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:'
  } catch {
    return false
  }
}

/** Applies the app-wide rules to every web contents ever created, and to the default session. */
export function hardenApp(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => {
    callback(ALLOWED_PERMISSIONS.has(permission))
  })
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => ALLOWED_PERMISSIONS.has(permission))
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
}

/** Denies navigation, window.open (https links go to the system browser) and webview attachment. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) shell.openExternal(url).catch((err: unknown) => reportFailure('openExternal', err))
    return { action: 'deny' }
  })
}
