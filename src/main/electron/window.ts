/**
 * The main window, with the secure web preferences every window of the app must have.
 */
import { app, BrowserWindow, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron'
import { join } from 'node:path'
import { APP_INDEX_URL } from './protocol'
import { reportFailure } from './failures'

/** The web preferences of every window: sandboxed, isolated, no Node, no webview. */
export const SECURE_WEB_PREFERENCES = {
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webviewTag: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
  spellcheck: false,
} as const satisfies WebPreferences

/** True only in a development build; a production build has `false` compiled in. */
export function isDevelopmentBuild(): boolean {
  return import.meta.env.DEV === true
}

/**
 * The URL the window shows: the dev server only in a development build (never merely because
 * the app is unpackaged), else the built renderer on app://storeglance/.
 */
export function rendererUrl(): string {
  if (isDevelopmentBuild()) {
    const devUrl = process.env['ELECTRON_RENDERER_URL']
    if (devUrl) return devUrl
  }
  return APP_INDEX_URL
}

/** The full web preferences: DevTools only in a development build. */
export function webPreferences(): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, devTools: isDevelopmentBuild(), preload: join(__dirname, '../preload/index.js') }
}

/** Creates the main window and loads the renderer; `bounds` is where it was last (if known). */
export function createMainWindow(options: { bounds?: BrowserWindowConstructorOptions; showOnReady?: boolean } = {}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    ...options.bounds,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Storeglance',
    autoHideMenuBar: true,
    // Linux shows this in the task switcher; macOS and Windows take the app's own icon.
    ...(process.platform === 'linux' ? { icon: join(app.getAppPath(), 'resources', 'icons', 'app.png') } : {}),
    webPreferences: webPreferences(),
  })
  if (options.showOnReady !== false) window.once('ready-to-show', () => window.show())
  // A renderer that cannot load is logged, never an unhandled rejection.
  window.loadURL(rendererUrl()).catch((err: unknown) => reportFailure('loadURL', err))
  return window
}
