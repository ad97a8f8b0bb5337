/**
 * The one main window: created on demand where it was last (window state), shown, focused, toggled
 * by the global shortcut, and its size and position saved as they change.
 */
import type { BrowserWindow } from 'electron'
import { createMainWindow } from './window'
import { fitToScreens, loadWindowBounds, trackWindowState } from './windowState'

/** Shows, hides and hands out the main window. */
export interface WindowController {
  /** The window, if it exists and is not destroyed. */
  get(): BrowserWindow | null
  /**
   * Creates the window if needed, restores and focuses it; `route` (e.g. `#/store/<id>`, from a
   * notification or the tray menu) opens that page of the window.
   */
  show(route?: string): void
  /** Creates the window without showing it (a launch at login starts hidden). */
  prepare(): void
  /** Hides a visible, focused window; otherwise shows it. */
  toggle(): void
}

/**
 * Creates the controller; `dir` holds window-state.json, `onError` hears about failed saves, and
 * `onClosed` is told each time the user closes the main window (the app may live on in the tray).
 */
export async function createWindowController(
  dir: string,
  onError: (err: unknown) => void,
  onClosed: () => void = () => undefined,
): Promise<WindowController> {
  let bounds = await loadWindowBounds(dir)
  let window: BrowserWindow | null = null
  const live = () => (window && !window.isDestroyed() ? window : null)
  const create = (show: boolean): BrowserWindow => {
    const existing = live()
    if (existing) return existing
    // The app may have sat in the tray while a screen was unplugged: check the bounds again.
    const fitted = fitToScreens(bounds)
    const { maximized, ...rect } = fitted ?? { maximized: false }
    const created = createMainWindow({ ...(fitted ? { bounds: rect } : {}), showOnReady: show })
    if (maximized) created.maximize()
    const stop = trackWindowState(created, dir, onError)
    created.once('closed', () => {
      stop()
      window = null
      onClosed()
    })
    // Later windows open where this one was closed (read again on next creation).
    created.once('close', () => {
      const b = created.getNormalBounds()
      bounds = { ...b, maximized: created.isMaximized() }
    })
    window = created
    return created
  }
  const show = (route = '') => {
    const w = create(true)
    if (w.isMinimized()) w.restore()
    w.show()
    w.focus()
    // Our own constant text, JSON-quoted; runs once the page has loaded.
    if (route) void w.webContents.executeJavaScript(`location.hash = ${JSON.stringify(route)}`).catch(() => undefined)
  }
  return {
    get: live,
    show,
    prepare: () => void create(false),
    toggle() {
      const w = live()
      if (w && w.isVisible() && w.isFocused()) w.hide()
      else show()
    },
  }
}
