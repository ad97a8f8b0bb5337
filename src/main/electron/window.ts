/**
 * The main window, with the secure web preferences every window of the app must have.
 */
import { app, BrowserWindow, type WebPreferences } from 'electron'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
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
  spellcheck: false,
} as const satisfies WebPreferences

/** The URL the window shows: the dev server in development, the built index.html otherwise. */
export function rendererUrl(): string {
  const devUrl = process.env['ELECTRON_RENDERER_URL']
  if (!app.isPackaged && devUrl) return devUrl
  return pathToFileURL(join(__dirname, '../renderer/index.html')).href
}

/** Creates the main window and loads the renderer. */
export function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 800,
    minWidth: 760,
    minHeight: 520,
    show: false,
    title: 'Storeglance',
    autoHideMenuBar: true,
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(__dirname, '../preload/index.js') },
  })
  window.once('ready-to-show', () => window.show())
  // A renderer that cannot load is logged, never an unhandled rejection.
  window.loadURL(rendererUrl()).catch((err: unknown) => reportFailure('loadURL', err))
  return window
}
