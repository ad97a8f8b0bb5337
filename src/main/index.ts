/**
 * The composition root of the Electron main process: wires Electron's adapters to the core.
 * This file, src/main/electron/** and src/preload/** are the only places that import 'electron'.
 */
import { app, BrowserWindow } from 'electron'
import { createAppCore } from './core/app'
import { createDispatcher } from './core/ipcDispatch'
import { EVENT_CHANNELS } from '../shared/ipc'
import { hardenApp } from './electron/security'
import { createMainWindow } from './electron/window'
import { registerIpc, sendEvent } from './electron/ipc'

let mainWindow: BrowserWindow | null = null

function showWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) mainWindow = createMainWindow()
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
}

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }
  app.on('second-instance', showWindow)
  await app.whenReady()
  hardenApp()
  const core = createAppCore({ userDataDir: app.getPath('userData'), version: app.getVersion() })
  registerIpc(createDispatcher(core.handlers), () => mainWindow)
  for (const channel of EVENT_CHANNELS) {
    core.events.on(channel, (payload) => sendEvent(mainWindow, channel, payload as never))
  }
  await core.start()
  showWindow()
  app.on('activate', showWindow)
  app.on('before-quit', () => void core.stop())
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}

void main()
