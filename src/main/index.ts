/**
 * The composition root of the Electron main process: wires Electron's adapters to the core.
 * This file, src/main/electron/** and src/preload/** are the only places that import 'electron'.
 */
import { app, clipboard, dialog, net } from 'electron'
import { join } from 'node:path'
import { createAppCore, type AppCore } from './core/app'
import { createOffThreadParser } from './core/api'
import { createDispatcher } from './core/ipcDispatch'
import { EVENT_CHANNELS } from '../shared/ipc'
import { hardenApp, sandboxAllRenderers } from './electron/security'
import { isDevelopmentBuild, rendererUrl } from './electron/window'
import { registerAppScheme, serveRenderer } from './electron/protocol'
import { installAppMenu } from './electron/menu'
import { claimInstance } from './electron/instance'
import { registerIpc, sendEvent } from './electron/ipc'
import { watchPowerAndNetwork } from './electron/power'
import { createWindowController } from './electron/windowController'
import { createDesktopSettings } from './electron/desktop'
import { startedAtLogin } from './electron/loginItem'
import { reportFailure, setFailureLog } from './electron/failures'
import { createFileLogger, type FileLogger } from './core/log/fileLog'
import { outcomeClass } from './core/log/logger'
import { sayKeepsRunningOnce, wireGlance } from './electron/glanceWiring'
import { createGlanceWindow } from './electron/glanceWindow'
import { saveWithDialog } from './electron/saveDialog'
import { errorMessage } from '../shared/errorKind'

// Both must happen before the app is ready: the sandbox for every renderer, the app:// scheme.
sandboxAllRenderers()
registerAppScheme()

/** On the first quit request, runs `cleanup` (saving pending snapshot ages) and then quits for real. */
function quitAfter(cleanup: () => Promise<void>): void {
  let quitting = false
  app.on('before-quit', (event) => {
    if (quitting) return
    event.preventDefault()
    quitting = true
    // Quit whatever happens: a failed save must not keep the app running invisibly.
    void cleanup()
      .catch(() => undefined)
      .finally(() => app.quit())
  })
}

async function main(): Promise<void> {
  const claim = claimInstance()
  if (!claim) {
    app.quit()
    return
  }
  const dir = claim.dir
  const log = openLog(dir)
  await app.whenReady()
  hardenApp()
  serveRenderer(join(__dirname, '../renderer'))
  installAppMenu(process.platform, isDevelopmentBuild())
  const parser = createOffThreadParser(join(__dirname, 'parseWorker.js'))
  const core: AppCore = createAppCore({
    userDataDir: dir,
    version: app.getVersion(),
    // Electron's fetch honours the system proxy and certificate store.
    transport: (url, init) => net.fetch(url, init),
    parse: parser.parse,
    log,
    // The window exists by the time the renderer can ask for an export.
    saveFile: (name, content) => saveWithDialog(windows.get(), name, content),
    // Main writes the clipboard, so the page needs no permission for it (every one is denied).
    copyText: (text) => clipboard.writeText(text),
    // The glance page asks to hide (Escape, a row or "Open Storeglance" clicked).
    glance: {
      hide: (route) => {
        glanceWindow.hide()
        if (route !== null) windows.show(route)
      },
    },
  })
  const glanceWindow = createGlanceWindow()
  const warn = (message: string) => core.events.emit('event:warning', { message, at: new Date().toISOString() })
  let quitting = false
  app.on('before-quit', () => (quitting = true))
  // Closing the window is not quitting when the tray icon is there: say so, once per user. (The
  // hidden glance window means window-all-closed may never fire, so the main window's own close counts.)
  const windowClosed = () => {
    if (!quitting && glance.hasTray) void sayKeepsRunningOnce(dir).catch((err: unknown) => reportFailure('keepsRunningHint', err))
  }
  const windows = await createWindowController(dir, (err) => warn(`The window's position could not be saved: ${String(err)}`), windowClosed)
  registerIpc(createDispatcher(core.handlers), () => [windows.get(), glanceWindow.get()], rendererUrl())
  for (const channel of EVENT_CHANNELS) {
    core.events.on(channel, (payload) => {
      sendEvent(windows.get(), channel, payload as never)
      sendEvent(glanceWindow.get(), channel, payload as never)
    })
  }
  await core.start()
  const stopWatching = watchPowerAndNetwork(core.monitor)
  const glance = wireGlance({
    core,
    userDataDir: dir,
    show: (route) => windows.show(route),
    toggleGlance: (bounds) => glanceWindow.toggle(bounds),
  })
  const desktop = createDesktopSettings({ toggleWindow: windows.toggle, warn })
  core.events.on('event:settings', (settings) => void desktop.apply(settings))
  // A launch at login starts hidden (in the tray); any other launch shows the window.
  if (startedAtLogin()) windows.prepare()
  else windows.show()
  await desktop.apply(core.accounts.settings())
  // A second launch during start-up was remembered; from now on it shows the window.
  claim.onSecondInstance(() => windows.show())
  app.on('activate', () => windows.show())
  quitAfter(() => {
    stopWatching()
    glance.dispose()
    glanceWindow.dispose()
    desktop.dispose()
    log.info('quitting')
    return core
      .stop()
      .catch((err: unknown) => reportFailure('stop', err))
      .then(() => parser.close())
      .catch((err: unknown) => reportFailure('closeParser', err))
      .then(() => log.flush())
  })
  app.on('window-all-closed', () => {
    // With a tray icon the app keeps polling there ("Quit" in its menu ends it); the hint is said
    // when the main window closes.
    if (!glance.hasTray && process.platform !== 'darwin') app.quit()
  })
}

/** Opens the support log in `<userData>/logs` and routes unhandled failures to it. */
function openLog(dir: string): FileLogger {
  const log = createFileLogger({ dir: join(dir, 'logs'), name: 'main' })
  setFailureLog(log)
  log.info('start', { version: app.getVersion(), electron: process.versions.electron, platform: `${process.platform}-${process.arch}` })
  process.on('unhandledRejection', (reason) =>
    log.error('unhandledRejection', { class: outcomeClass(reason), message: errorMessage(reason) }),
  )
  return log
}

main().catch((err: unknown) => {
  // Never linger invisibly: say what failed and quit.
  dialog.showErrorBox('Storeglance could not start', errorMessage(err))
  app.exit(1)
})
