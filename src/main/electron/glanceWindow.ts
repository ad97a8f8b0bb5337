/**
 * The glance window: a small frameless window beside the tray icon showing the renderer's
 * `#/glance` route (one row per store, the latest alerts, the mute choices). It has the same
 * secure web preferences as the main window, hides when it loses focus or on Escape, and is
 * created once and reused.
 */
import { BrowserWindow, screen, type Rectangle } from 'electron'
import { reportFailure } from './failures'
import { rendererUrl, webPreferences } from './window'

/** The glance window's size (the browser tests draw the route at the same size). */
export const GLANCE_SIZE = { width: 360, height: 520 } as const

/** The renderer's route for the glance. */
export const GLANCE_ROUTE = '#/glance'

/** Gap between the tray icon and the window, in pixels. */
const GAP = 4

/** A click on the icon within this time after a hide on blur is that same click: it stays hidden. */
const REOPEN_GUARD_MS = 300

/**
 * Where the window goes: centred on the icon, below it when the icon is in the upper half of the
 * work area (macOS menu bar, a top panel), above it otherwise (Windows taskbar), kept inside the
 * work area.
 */
export function glancePosition(icon: Rectangle, size: { width: number; height: number }, workArea: Rectangle): { x: number; y: number } {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(v, Math.max(lo, hi)))
  const centreX = icon.x + icon.width / 2
  const x = clamp(Math.round(centreX - size.width / 2), workArea.x, workArea.x + workArea.width - size.width)
  const upper = icon.y + icon.height / 2 < workArea.y + workArea.height / 2
  const wanted = upper ? icon.y + icon.height + GAP : icon.y - size.height - GAP
  const y = clamp(Math.round(wanted), workArea.y, workArea.y + workArea.height - size.height)
  return { x, y }
}

export interface GlanceWindow {
  /** The window, if created and not destroyed (the IPC sender check trusts it too). */
  get(): BrowserWindow | null
  /** Shows the window beside the icon, or hides it when it is showing. */
  toggle(icon: Rectangle): void
  /** Hides the window (blur, Escape, the page's own request). */
  hide(): void
  /** Closes the window for good (at quit). */
  dispose(): void
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    ...GLANCE_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    title: 'Storeglance at a glance',
    webPreferences: webPreferences(),
  })
  window.loadURL(`${rendererUrl()}${GLANCE_ROUTE}`).catch((err: unknown) => reportFailure('loadURL', err))
  return window
}

/** Creates the glance window's controller; the window itself is created on the first click. */
export function createGlanceWindow(now: () => number = Date.now): GlanceWindow {
  let window: BrowserWindow | null = null
  let hiddenOnBlurAt = -Infinity
  const live = () => (window && !window.isDestroyed() ? window : null)
  const hide = () => {
    const w = live()
    if (w && w.isVisible()) w.hide()
  }
  const ensure = (): BrowserWindow => {
    const existing = live()
    if (existing) return existing
    const created = createWindow()
    created.on('blur', () => {
      if (!created.isVisible()) return
      hiddenOnBlurAt = now()
      created.hide()
    })
    // Escape hides it even before the page has loaded or if the page is busy.
    created.webContents.on('before-input-event', (_event, input) => {
      if (input.type === 'keyDown' && input.key === 'Escape') hide()
    })
    created.once('closed', () => {
      window = null
    })
    window = created
    return created
  }
  return {
    get: live,
    toggle(icon) {
      const w = ensure()
      if (w.isVisible()) return w.hide()
      // The click that took the focus away (and so hid the window) must not open it again.
      if (now() - hiddenOnBlurAt < REOPEN_GUARD_MS) return
      const { workArea } = screen.getDisplayMatching(icon)
      const { x, y } = glancePosition(icon, GLANCE_SIZE, workArea)
      w.setPosition(x, y, false)
      w.show()
      w.focus()
    },
    hide,
    dispose() {
      live()?.destroy()
      window = null
    },
  }
}
