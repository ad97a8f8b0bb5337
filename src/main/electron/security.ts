/**
 * Locks the app down from the first line: no navigation away from the app's own page, no new
 * windows, no webviews, and no permission at all (OS notifications come from the main process and
 * need none). Links leave the app only for https pages on a short allowlist.
 */
import { app, session, shell, type WebContents } from 'electron'
import { reportFailure } from './failures'

/**
 * Hosts whose https pages may be opened in the system browser: the loyalty platform's own site
 * (API.md). The project's documentation host joins this list when it has one. Never a host taken
 * from server data.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['clienttoolbox.com', 'www.clienttoolbox.com'])

/** True for an https URL (no credentials, default port) on the allowlist: the only kind we open. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return u.protocol === 'https:' && u.username === '' && u.password === '' && u.port === '' && EXTERNAL_HOSTS.has(u.hostname)
  } catch {
    return false
  }
}

/** Opens an allowlisted https URL in the system browser; anything else is refused (false). */
export function openExternalSafely(url: string): boolean {
  if (!isSafeExternalUrl(url)) return false
  shell.openExternal(url).catch((err: unknown) => reportFailure('openExternal', err))
  return true
}

/** Sandboxes every renderer the app will ever create, whatever its options. Call before ready. */
export function sandboxAllRenderers(): void {
  app.enableSandbox()
}

/** Applies the app-wide rules to every web contents ever created, and to the default session. */
export function hardenApp(): void {
  const ses = session.defaultSession
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  ses.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => hardenContents(contents))
}

/** Denies navigation, redirects, window.open (allowlisted links go to the system browser) and webviews. */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-frame-navigate', (event) => {
    if (!event.isMainFrame || event.url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    openExternalSafely(url)
    return { action: 'deny' }
  })
}
