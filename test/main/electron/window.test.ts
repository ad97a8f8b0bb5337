import { existsSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'

const created = vi.hoisted(() => [] as { options: Record<string, unknown>; loaded: string[] }[])
const loadFails = vi.hoisted(() => ({ value: false }))
vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string[] = []
    constructor(options: Record<string, unknown>) {
      created.push({ options, loaded: this.loaded })
    }
    once() {}
    loadURL(url: string) {
      this.loaded.push(url)
      return loadFails.value ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve()
    }
  }
  // An unpackaged app: that alone must never enable the dev server URL or DevTools.
  const app = { isPackaged: false, getAppPath: () => process.cwd() } satisfies Partial<(typeof import('electron'))['app']>
  return { BrowserWindow, app }
})

const { createMainWindow, rendererUrl, SECURE_WEB_PREFERENCES } = await import('../../../src/main/electron/window')

afterEach(() => {
  vi.unstubAllEnvs()
  created.length = 0
  loadFails.value = false
})

describe('the main window', () => {
  it('is created sandboxed, isolated, without Node or webviews or DevTools, with our preload, on app://', () => {
    vi.stubEnv('DEV', false)
    // A production build ignores a dev-server URL from the environment, packaged or not.
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://127.0.0.1:9/')
    createMainWindow()
    const prefs = created[0]!.options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false, devTools: false })
    expect(prefs).toMatchObject({
      webSecurity: true,
      allowRunningInsecureContent: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    })
    expect(prefs).toMatchObject({ experimentalFeatures: false, navigateOnDragDrop: false })
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.js$/)
    expect(created[0]!.loaded).toEqual(['app://storeglance/index.html'])
    if (process.platform === 'linux') expect(existsSync(String(created[0]!.options['icon']))).toBe(true)
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true)
  })

  it('uses the dev server and DevTools only in a development build', () => {
    vi.stubEnv('DEV', true)
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173')
    expect(rendererUrl()).toBe('http://localhost:5173')
    createMainWindow()
    expect(created[0]!.options['webPreferences']).toMatchObject({ devTools: true })
    vi.stubEnv('ELECTRON_RENDERER_URL', '')
    expect(rendererUrl()).toBe('app://storeglance/index.html')
  })

  it('opens where it was last, within the minimum size', () => {
    vi.stubEnv('DEV', false)
    createMainWindow({ bounds: { x: 10, y: 20, width: 900, height: 600 } })
    expect(created[0]!.options).toMatchObject({ x: 10, y: 20, width: 900, height: 600, minWidth: 760, show: false })
  })

  it('logs a renderer that fails to load, instead of an unhandled rejection', async () => {
    const { setFailureLog } = await import('../../../src/main/electron/failures')
    const lines: { event: string; fields: unknown }[] = []
    const record = (event: string, fields?: unknown) => void lines.push({ event, fields })
    setFailureLog({ info: record, warn: record, error: record })
    const unhandled: unknown[] = []
    const onUnhandled = (r: unknown) => unhandled.push(r)
    process.on('unhandledRejection', onUnhandled)
    loadFails.value = true
    try {
      createMainWindow()
      await new Promise((r) => setTimeout(r, 10))
      expect(lines).toEqual([{ event: 'loadURL', fields: { class: 'Error', message: 'ERR_FILE_NOT_FOUND' } }])
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
