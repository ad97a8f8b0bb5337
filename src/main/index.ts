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
import { reportFailure, setFailureLog } from './electron/failures'
import { createFileLogger, type FileLogger } from './core/log/fileLog'
import { outcomeClass } from './core/log/logger'

let mainWindow: BrowserWindow | null = null

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow()
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
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
  const log = openLog(dir)
  await app.whenReady()
  hardenApp()
  const parser = createOffThreadParser(join(__dirname, 'parseWorker.js'))
  const core: AppCore = createAppCore({
    userDataDir: dir,
    version: app.getVersion(),
    // Electron's fetch honours the system proxy and certificate store.
    transport: (url, init) => net.fetch(url, init),
    parse: parser.parse,
    log,
  })
  registerIpc(createDispatcher(core.handlers), () => mainWindow, rendererUrl())
  for (const channel of EVENT_CHANNELS) {
    core.events.on(channel, (payload) => sendEvent(mainWindow, channel, payload as never))
  }
  await core.start()
  const stopWatching = watchPowerAndNetwork(core.monitor)
  // Only now can a second launch show a window that works.
  app.on('second-instance', showWindow)
  showWindow()
  app.on('activate', showWindow)
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    // Save pending snapshot ages before leaving; then quit for real.
    event.preventDefault()
    quitting = true
    stopWatching()
    log.info('quitting')
    void core
      .stop()
      .catch((err: unknown) => reportFailure('stop', err))
      .then(() => parser.close())
      .catch((err: unknown) => reportFailure('closeParser', err))
      .then(() => log.flush())
      .finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

/** Opens the support log in `<userData>/logs` and routes unhandled failures to it. */
function openLog(dir: string): FileLogger {
  const log = createFileLogger({ dir: join(dir, 'logs'), name: 'main' })
  setFailureLog(log)
  log.info('start', { version: app.getVersion(), electron: process.versions.electron, platform: `${process.platform}-${process.arch}` })
  process.on('unhandledRejection', (reason) => log.error('unhandledRejection', { class: outcomeClass(reason), message: reason instanceof Error ? reason.message : String(reason) }))
  return log
}

main().catch((err: unknown) => {
  // Never linger invisibly: say what failed and quit.
  dialog.showErrorBox('Storeglance could not start', err instanceof Error ? err.message : String(err))
  app.exit(1)
})
