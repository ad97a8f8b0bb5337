/** The glance window with a mocked `electron` typed against Electron's definitions. */
import { afterEach, describe, expect, it, vi } from 'vitest'

interface FakeWindow {
  options: Electron.BrowserWindowConstructorOptions
  loaded: string[]
  visible: boolean
  focused: boolean
  destroyed: boolean
  position: [number, number] | null
  handlers: Map<string, (...args: unknown[]) => void>
  inputHandlers: ((event: unknown, input: Partial<Electron.Input>) => void)[]
}
const windows = vi.hoisted(() => [] as FakeWindow[])
const displays = vi.hoisted(() => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 }, asked: [] as Electron.Rectangle[] }))
vi.mock('electron', () => {
  class BrowserWindow {
    state: FakeWindow
    webContents: { on: (event: string, fn: (event: unknown, input: Partial<Electron.Input>) => void) => void }
    constructor(options: Electron.BrowserWindowConstructorOptions) {
      this.state = {
        options,
        loaded: [],
        visible: false,
        focused: false,
        destroyed: false,
        position: null,
        handlers: new Map(),
        inputHandlers: [],
      }
      windows.push(this.state)
      this.webContents = { on: (event, fn) => void (event === 'before-input-event' && this.state.inputHandlers.push(fn)) }
    }
    on(event: string, fn: () => void) {
      this.state.handlers.set(event, fn)
      return this
    }
    once(event: string, fn: () => void) {
      return this.on(event, fn)
    }
    loadURL(url: string) {
      this.state.loaded.push(url)
      return Promise.resolve()
    }
    isDestroyed() {
      return this.state.destroyed
    }
    isVisible() {
      return this.state.visible
    }
    show() {
      this.state.visible = true
    }
    hide() {
      this.state.visible = false
    }
    focus() {
      this.state.focused = true
    }
    destroy() {
      this.state.destroyed = true
    }
    setPosition(x: number, y: number) {
      this.state.position = [x, y]
    }
  }
  // Electron's own types keep the fake's methods honest.
  BrowserWindow.prototype satisfies Pick<
    Electron.BrowserWindow,
    'isDestroyed' | 'isVisible' | 'show' | 'hide' | 'focus' | 'destroy' | 'setPosition'
  >
  const screen = {
    getDisplayMatching: (r: Electron.Rectangle) => {
      displays.asked.push(r)
      return { workArea: displays.workArea } as Electron.Display
    },
  } satisfies Partial<(typeof import('electron'))['screen']>
  const app = { isPackaged: false, getAppPath: () => process.cwd() } satisfies Partial<(typeof import('electron'))['app']>
  return { BrowserWindow, screen, app }
})

const { createGlanceWindow, glancePosition, GLANCE_SIZE } = await import('../../../src/main/electron/glanceWindow')

afterEach(() => {
  windows.length = 0
  displays.asked.length = 0
  vi.unstubAllEnvs()
})

const SIZE = { width: 360, height: 520 }

describe('glancePosition', () => {
  it('puts the window below a menu-bar icon (macOS), centred on it', () => {
    expect(glancePosition({ x: 1500, y: 0, width: 22, height: 24 }, SIZE, { x: 0, y: 24, width: 1920, height: 1056 })).toEqual({
      x: 1331,
      y: 28,
    })
  })
  it('puts the window above a taskbar icon (Windows) and inside the work area at the right edge', () => {
    expect(glancePosition({ x: 1880, y: 1045, width: 24, height: 32 }, SIZE, { x: 0, y: 0, width: 1920, height: 1040 })).toEqual({
      x: 1560,
      y: 1040 - 520,
    })
  })
  it('keeps the window on a second screen whose work area does not start at 0', () => {
    const pos = glancePosition({ x: -30, y: 2000, width: 24, height: 24 }, SIZE, { x: -1280, y: 1080, width: 1280, height: 984 })
    expect(pos.x).toBe(-1280 + 1280 - 360)
    expect(pos.y).toBe(2000 - 520 - 4)
  })
})

describe('the glance window', () => {
  it('is small, frameless, secure and shows the glance route', () => {
    vi.stubEnv('DEV', false)
    const glance = createGlanceWindow(() => 0)
    expect(glance.get()).toBeNull()
    glance.toggle({ x: 1500, y: 0, width: 22, height: 22 })
    const w = windows[0]!
    expect(w.options).toMatchObject({
      width: GLANCE_SIZE.width,
      height: GLANCE_SIZE.height,
      frame: false,
      show: false,
      skipTaskbar: true,
      resizable: false,
    })
    expect(w.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: false,
    })
    expect(String(w.options.webPreferences?.preload)).toMatch(/preload[\\/]index\.js$/)
    expect(w.loaded).toEqual(['app://storeglance/index.html#/glance'])
    expect(displays.asked).toEqual([{ x: 1500, y: 0, width: 22, height: 22 }])
    expect(w.position).toEqual([1331, 26])
    expect(w.visible && w.focused).toBe(true)
  })

  it('hides on a second click, on blur and on Escape, and is created only once', () => {
    let now = 0
    const glance = createGlanceWindow(() => now)
    const icon = { x: 1500, y: 0, width: 22, height: 22 }
    glance.toggle(icon)
    const w = windows[0]!
    glance.toggle(icon)
    expect(w.visible).toBe(false)
    glance.toggle(icon)
    w.inputHandlers.forEach((h) => h({}, { type: 'keyUp', key: 'Escape' }))
    expect(w.visible).toBe(true)
    w.inputHandlers.forEach((h) => h({}, { type: 'keyDown', key: 'a' }))
    expect(w.visible).toBe(true)
    w.inputHandlers.forEach((h) => h({}, { type: 'keyDown', key: 'Escape' }))
    expect(w.visible).toBe(false)
    glance.toggle(icon)
    w.handlers.get('blur')!()
    expect(w.visible).toBe(false)
    // The click on the icon that took the focus away does not open it again at once…
    glance.toggle(icon)
    expect(w.visible).toBe(false)
    // …a later click does.
    now = 1000
    glance.toggle(icon)
    expect(w.visible).toBe(true)
    glance.hide()
    expect(w.visible).toBe(false)
    expect(windows).toHaveLength(1)
  })

  it('is created again after it was closed, and destroyed at dispose', () => {
    const glance = createGlanceWindow(() => 0)
    const icon = { x: 0, y: 1000, width: 22, height: 22 }
    glance.toggle(icon)
    windows[0]!.handlers.get('closed')!()
    glance.toggle(icon)
    expect(windows).toHaveLength(2)
    glance.dispose()
    expect(windows[1]!.destroyed).toBe(true)
    expect(glance.get()).toBeNull()
  })
})
