import { describe, expect, it, vi } from 'vitest'

const created = vi.hoisted(() => [] as { options: Record<string, unknown>; loaded: string[] }[])
vi.mock('electron', () => {
  class BrowserWindow {
    loaded: string[] = []
    constructor(options: Record<string, unknown>) {
      created.push({ options, loaded: this.loaded })
    }
    once() {}
    loadFile(path: string) {
      this.loaded.push(path)
      return Promise.resolve()
    }
    loadURL(url: string) {
      this.loaded.push(url)
      return created.length > 1 ? Promise.reject(new Error('ERR_FILE_NOT_FOUND')) : Promise.resolve()
    }
  }
  const app = { isPackaged: true } satisfies Partial<typeof import('electron')['app']>
  return { BrowserWindow, app }
})

const { createMainWindow, SECURE_WEB_PREFERENCES } = await import('../../../src/main/electron/window')

describe('the main window', () => {
  it('is created sandboxed, isolated, without Node or webviews, with our preload', () => {
    // A packaged app ignores a dev-server URL from the environment.
    process.env['ELECTRON_RENDERER_URL'] = 'http://127.0.0.1:9/'
    createMainWindow()
    const prefs = created[0]!.options['webPreferences'] as Record<string, unknown>
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false, webviewTag: false })
    expect(String(prefs['preload'])).toMatch(/preload[\\/]index\.js$/)
    expect(created[0]!.loaded[0]).toMatch(/^file:.*renderer\/index\.html$/)
    expect(SECURE_WEB_PREFERENCES.sandbox).toBe(true)
  })

  it('logs a renderer that fails to load, instead of an unhandled rejection', async () => {
    const { setFailureLog } = await import('../../../src/main/electron/failures')
    const lines: { event: string; fields: unknown }[] = []
    const record = (event: string, fields?: unknown) => void lines.push({ event, fields })
    setFailureLog({ info: record, warn: record, error: record })
    const unhandled: unknown[] = []
    const onUnhandled = (r: unknown) => unhandled.push(r)
    process.on('unhandledRejection', onUnhandled)
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
