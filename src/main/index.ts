/**
 * The composition root of the Electron main process: wires Electron's adapters to the core.
 * This file, src/main/electron/** and src/preload/** are the only places that import 'electron'.
 */
import { app, BrowserWindow, dialog, net } from 'electron'
import { join } from 'node:path'
import { createAppCore, type AppCore } from './core/app'
import { createOffThreadParser } from './core/api'
import { createDispatcher } from './core/ipcDispatch'
import { EVENT_CHANNELS } from '../shared/ipc'
import { hardenApp } from './electron/security'
import { createMainWindow, rendererUrl } from './electron/window'
import { registerIpc, sendEvent } from './electron/ipc'
import { watchPowerAndNetwork } from './electron/power'
import { sayKeepsRunningOnce, wireGlance } from './electron/glanceWiring'

let mainWindow: BrowserWindow | null = null

function showWindow(route = ''): void {
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow()
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
  // A route from a notification or the tray menu (`#/store/<id>`): our own constant text, JSON-quoted.
  if (route) void mainWindow.webContents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`).catch(() => undefined)
}

/** The user data directory: STOREGLANCE_HOME when set (shared with the CLI), else Electron's. */
function userDataDir(): string {
  const home = process.env['STOREGLANCE_HOME']
  if (home) app.setPath('userData', home)
  return app.getPath('userData')
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  const dir = userDataDir()
  await app.whenReady()
  hardenApp()
  const parser = createOffThreadParser(join(__dirname, 'parseWorker.js'))
  const core: AppCore = createAppCore({
    userDataDir: dir,
    version: app.getVersion(),
    // Electron's fetch honours the system proxy and certificate store.
    transport: (url, init) => net.fetch(url, init),
    parse: parser.parse,
  })
  registerIpc(createDispatcher(core.handlers), () => mainWindow, rendererUrl())
  for (const channel of EVENT_CHANNELS) {
    core.events.on(channel, (payload) => sendEvent(mainWindow, channel, payload as never))
  }
  await core.start()
  const stopWatching = watchPowerAndNetwork(core.monitor)
  const glance = wireGlance({ core, userDataDir: dir, show: showWindow })
  // Only now can a second launch show a window that works.
  app.on('second-instance', () => showWindow())
  showWindow()
  app.on('activate', () => showWindow())
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    // Save pending snapshot ages before leaving; then quit for real.
    event.preventDefault()
    quitting = true
    stopWatching()
    glance.dispose()
    void core
      .stop()
      .then(() => parser.close())
      .finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    // With a tray icon the app keeps polling there; "Quit" in its menu ends it.
    if (glance.hasTray) void sayKeepsRunningOnce(dir)
    else if (process.platform !== 'darwin') app.quit()
  })
}

main().catch((err: unknown) => {
  // Never linger invisibly: say what failed and quit.
  dialog.showErrorBox('Storeglance could not start', err instanceof Error ? err.message : String(err))
  app.exit(1)
})
