/**
 * The composition root of the Electron main process: wires Electron's adapters to the core.
 * This file, src/main/electron/** and src/preload/** are the only places that import 'electron'.
 */
import { app, BrowserWindow, dialog, net } from 'electron'
import { join } from 'node:path'
import { createAppCore, type AppCore } from './core/app'
import { createOffThreadParser } from './core/api'
import { createDispatcher } from './core/ipcDispatch'
import { writeFileAtomic } from './core/fsAtomic'
import { EVENT_CHANNELS } from '../shared/ipc'
import { hardenApp } from './electron/security'
import { createMainWindow, rendererUrl } from './electron/window'
import { registerIpc, sendEvent } from './electron/ipc'
import { watchPowerAndNetwork } from './electron/power'

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

/** The save dialog of the comparison's CSV export; the file is written here in main, atomically. */
async function saveWithDialog(suggestedName: string, content: string): Promise<string | null> {
  const options = { defaultPath: join(app.getPath('documents'), suggestedName), filters: [{ name: 'CSV', extensions: ['csv'] }] }
  const result = mainWindow ? await dialog.showSaveDialog(mainWindow, options) : await dialog.showSaveDialog(options)
  if (result.canceled || !result.filePath) return null
  await writeFileAtomic(result.filePath, content)
  return result.filePath
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
    saveFile: saveWithDialog,
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
    void core
      .stop()
      .then(() => parser.close())
      .finally(() => app.quit())
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

main().catch((err: unknown) => {
  // Never linger invisibly: say what failed and quit.
  dialog.showErrorBox('Storeglance could not start', err instanceof Error ? err.message : String(err))
  app.exit(1)
})
