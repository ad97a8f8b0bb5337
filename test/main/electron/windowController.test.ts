import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

type Display = import('electron').Display
interface FakeWindow {
  options: Record<string, unknown>
  visible: boolean
  focused: boolean
  destroyed: boolean
  maximized: boolean
  once: Map<string, () => void>
}
const state = vi.hoisted(() => ({
  windows: [] as FakeWindow[],
  workAreas: [{ x: 0, y: 0, width: 1920, height: 1080 }],
  closedAt: { x: 0, y: 0, width: 800, height: 600 },
}))
vi.mock('electron', () => {
  class BrowserWindow {
    w: FakeWindow
    constructor(options: Record<string, unknown>) {
      this.w = { options, visible: false, focused: false, destroyed: false, maximized: false, once: new Map() }
      state.windows.push(this.w)
    }
    on() {}
    off() {}
    once(e: string, l: () => void) {
      this.w.once.set(e, l)
    }
    loadURL() {
      return Promise.resolve()
    }
    isDestroyed() {
      return this.w.destroyed
    }
    isMinimized() {
      return false
    }
    isVisible() {
      return this.w.visible
    }
    isFocused() {
      return this.w.focused
    }
    isMaximized() {
      return this.w.maximized
    }
    maximize() {
      this.w.maximized = true
    }
    show() {
      this.w.visible = true
    }
    focus() {
      this.w.focused = true
    }
    hide() {
      this.w.visible = false
      this.w.focused = false
    }
    restore() {}
    getNormalBounds() {
      return state.closedAt
    }
  }
  const screen = {
    getAllDisplays: () => state.workAreas.map((workArea) => ({ workArea })) as Display[],
  } satisfies Partial<(typeof import('electron'))['screen']>
  const app = { isPackaged: true, getAppPath: () => process.cwd() } satisfies Partial<(typeof import('electron'))['app']>
  return { BrowserWindow, screen, app }
})

const { createWindowController } = await import('../../../src/main/electron/windowController')
const base = await mkdtemp(join(tmpdir(), 'storeglance-controller-'))
afterAll(() => rm(base, { recursive: true, force: true }))
beforeEach(() => {
  state.windows.length = 0
  state.workAreas = [{ x: 0, y: 0, width: 1920, height: 1080 }]
  state.closedAt = { x: 0, y: 0, width: 800, height: 600 }
  vi.stubEnv('DEV', false)
})

describe('the window controller', () => {
  it('opens where the window was last, maximized if it was, and only one window', async () => {
    const dir = await mkdtemp(join(base, 'a-'))
    await writeFile(join(dir, 'window-state.json'), JSON.stringify({ x: 100, y: 50, width: 1000, height: 700, maximized: true }))
    const windows = await createWindowController(dir, () => undefined)
    windows.show()
    windows.show()
    expect(state.windows).toHaveLength(1)
    expect(state.windows[0]!.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 700 })
    expect(state.windows[0]!.maximized).toBe(true)
  })

  it('a hidden start creates the window without showing it; the shortcut toggles it', async () => {
    const windows = await createWindowController(await mkdtemp(join(base, 'b-')), () => undefined)
    windows.prepare()
    const w = state.windows[0]!
    expect(w.visible).toBe(false)
    expect(w.once.has('ready-to-show')).toBe(false)
    windows.toggle()
    expect(w.visible && w.focused).toBe(true)
    windows.toggle()
    expect(w.visible).toBe(false)
    expect(state.windows).toHaveLength(1)
  })

  it('makes a new window after the old one closed, where it was closed, and says the window closed', async () => {
    let closed = 0
    const windows = await createWindowController(
      await mkdtemp(join(base, 'c-')),
      () => undefined,
      () => closed++,
    )
    windows.show()
    const first = state.windows[0]!
    first.once.get('close')!()
    first.destroyed = true
    first.once.get('closed')!()
    expect(windows.get()).toBeNull()
    expect(closed).toBe(1)
    windows.show()
    expect(state.windows).toHaveLength(2)
    expect(state.windows[1]!.options).toMatchObject({ x: 0, y: 0, width: 800, height: 600 })
  })

  it('a window made again after a screen was unplugged opens on a screen that is there', async () => {
    state.workAreas = [
      { x: 0, y: 0, width: 1920, height: 1080 },
      { x: 1920, y: 0, width: 1920, height: 1080 },
    ]
    const windows = await createWindowController(await mkdtemp(join(base, 'd-')), () => undefined)
    windows.show()
    const first = state.windows[0]!
    // Closed on the second screen, which is then unplugged while the app sits in the tray.
    state.closedAt = { x: 2100, y: 100, width: 900, height: 700 }
    first.once.get('close')!()
    first.destroyed = true
    first.once.get('closed')!()
    state.workAreas = [{ x: 0, y: 0, width: 1920, height: 1080 }]
    windows.show()
    expect(state.windows[1]!.options).not.toHaveProperty('x')
    // With the screen back, the same close place is used again.
    state.windows[1]!.once.get('close')!()
    state.windows[1]!.destroyed = true
    state.windows[1]!.once.get('closed')!()
    state.workAreas.push({ x: 1920, y: 0, width: 1920, height: 1080 })
    windows.show()
    expect(state.windows[2]!.options).toMatchObject({ x: 2100, y: 100, width: 900, height: 700 })
  })
})
