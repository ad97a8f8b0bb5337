/**
 * The window's size and position, remembered in `window-state.json` in the user data folder and
 * restored only onto a screen that still exists: a window whose title bar would fall outside every
 * display (a monitor unplugged since) opens at the default place instead.
 */
import { screen, type BrowserWindow, type Rectangle } from 'electron'
import { join } from 'node:path'
import { readIfExists, writeFileAtomic } from '../core/fsAtomic'

/** Where and how big the window was. */
export interface WindowState {
  x: number
  y: number
  width: number
  height: number
  maximized: boolean
}

/** The smallest window the app allows (as createMainWindow's minimum). */
export const MIN_SIZE = { width: 760, height: 520 }
/** How much of the title bar must lie on a display to restore there: enough to grab it. */
const GRAB = { width: 120, height: 24 }
const MAX_FILE_BYTES = 4096

const isInt = (v: unknown, lo: number, hi: number): v is number => Number.isInteger(v) && (v as number) >= lo && (v as number) <= hi

/** A saved state from untrusted JSON, or null when any field is missing or out of range. */
export function parseWindowState(raw: unknown): WindowState | null {
  if (typeof raw !== 'object' || raw === null) return null
  const r = raw as Record<string, unknown>
  const pos = 100_000
  if (!isInt(r['x'], -pos, pos) || !isInt(r['y'], -pos, pos)) return null
  if (!isInt(r['width'], 1, 20_000) || !isInt(r['height'], 1, 20_000)) return null
  return { x: r['x'], y: r['y'], width: r['width'], height: r['height'], maximized: r['maximized'] === true }
}

/** The overlap of two rectangles' areas, as width and height (0 when apart). */
function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

/**
 * The bounds to open the window with: the saved ones when its title bar lies on one of the
 * displays' work areas (size capped to that display), else null (open at the default place).
 */
export function restorableBounds(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowState | null {
  if (!saved) return null
  const titleBar = { x: saved.x, y: saved.y, width: saved.width, height: GRAB.height }
  const home = workAreas.find((area) => {
    const o = overlap(titleBar, area)
    return o.width >= Math.min(GRAB.width, saved.width) && o.height >= GRAB.height
  })
  if (!home) return null
  const width = Math.max(MIN_SIZE.width, Math.min(saved.width, home.width))
  const height = Math.max(MIN_SIZE.height, Math.min(saved.height, home.height))
  return { ...saved, width, height }
}

/** Reads and writes window-state.json in `dir`; a damaged or missing file is simply no state. */
export function createWindowStateStore(dir: string) {
  const file = join(dir, 'window-state.json')
  return {
    file,
    /** The saved state, or null. */
    async load(): Promise<WindowState | null> {
      try {
        // Bounded before reading: a file past MAX_FILE_BYTES is no state, and is never loaded.
        const text = await readIfExists(file, MAX_FILE_BYTES)
        return text === null ? null : parseWindowState(JSON.parse(text))
      } catch {
        return null
      }
    },
    /** Saves the state atomically. */
    save: (state: WindowState) => writeFileAtomic(file, `${JSON.stringify(state)}\n`),
  }
}

/** `saved` checked against the displays there are now (one may have been unplugged since). */
export function fitToScreens(saved: WindowState | null): WindowState | null {
  return restorableBounds(
    saved,
    screen.getAllDisplays().map((d) => d.workArea),
  )
}

/** The bounds the window should open with, given what was saved and the displays there are now. */
export async function loadWindowBounds(dir: string): Promise<WindowState | null> {
  return fitToScreens(await createWindowStateStore(dir).load())
}

/**
 * Saves the window's state after it stops moving or resizing, and when it closes. Returns a
 * function that stops tracking.
 */
export function trackWindowState(window: BrowserWindow, dir: string, onError: (err: unknown) => void, settleMs = 500): () => void {
  const store = createWindowStateStore(dir)
  let timer: NodeJS.Timeout | null = null
  const save = () => {
    if (timer) clearTimeout(timer)
    timer = null
    if (window.isDestroyed()) return
    const b = window.getNormalBounds()
    store.save({ x: b.x, y: b.y, width: b.width, height: b.height, maximized: window.isMaximized() }).catch(onError)
  }
  const later = () => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(save, settleMs)
  }
  const events = ['resize', 'move', 'maximize', 'unmaximize'] as const
  for (const e of events) window.on(e as 'resize', later)
  window.on('close', save)
  return () => {
    if (timer) clearTimeout(timer)
    for (const e of events) window.off(e as 'resize', later)
    window.off('close', save)
  }
}
