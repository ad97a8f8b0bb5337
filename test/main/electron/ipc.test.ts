import { describe, expect, it, vi } from 'vitest'

const handlers = vi.hoisted(() => new Map<string, (...a: unknown[]) => unknown>())
vi.mock('electron', () => {
  const ipcMain = {
    handle: (channel: string, listener: (event: import('electron').IpcMainInvokeEvent, ...args: unknown[]) => unknown) => {
      handlers.set(channel, listener as (...a: unknown[]) => unknown)
    },
    removeHandler: (channel: string) => {
      handlers.delete(channel)
    },
  } satisfies Partial<(typeof import('electron'))['ipcMain']>
  return { ipcMain }
})

const { registerIpc, isTrustedSender, sameOrigin, sendEvent } = await import('../../../src/main/electron/ipc')
const { INVOKE_CHANNELS } = await import('../../../src/shared/ipc')

const APP_URL = 'app://storeglance/index.html'
const mainFrame = { url: APP_URL }
const window = {
  isDestroyed: () => false,
  webContents: { mainFrame, send: vi.fn() },
}

describe('the IPC adapter', () => {
  it('registers every contract channel and removes them again', () => {
    const off = registerIpc(
      async () => ({ ok: true, value: null }),
      () => window as never,
      APP_URL,
    )
    expect([...handlers.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort())
    off()
    expect(handlers.size).toBe(0)
  })

  it('forwards requests from our own main frame to the dispatcher', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'yes' }))
    registerIpc(dispatch, () => window as never, APP_URL)
    const result = await handlers.get('app:info')!({ senderFrame: mainFrame }, null)
    expect(result).toEqual({ ok: true, value: 'yes' })
    expect(dispatch).toHaveBeenCalledWith('app:info', null)
  })

  it('trusts the main frame of each of our windows (main window and glance), and no other', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'yes' }))
    const glanceFrame = { url: `${APP_URL}#/glance` }
    const glance = { isDestroyed: () => false, webContents: { mainFrame: glanceFrame, send: vi.fn() } }
    registerIpc(dispatch, () => [null, window as never, glance as never], APP_URL)
    expect(await handlers.get('app:info')!({ senderFrame: glanceFrame }, null)).toEqual({ ok: true, value: 'yes' })
    expect(await handlers.get('app:info')!({ senderFrame: mainFrame }, null)).toEqual({ ok: true, value: 'yes' })
    expect(await handlers.get('app:info')!({ senderFrame: { url: APP_URL } }, null)).toMatchObject({ ok: false })
    expect(dispatch).toHaveBeenCalledTimes(2)
  })

  it('refuses a subframe, another page, or a missing window without dispatching', async () => {
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'yes' }))
    registerIpc(dispatch, () => window as never, APP_URL)
    const sub = await handlers.get('app:info')!({ senderFrame: { url: mainFrame.url } }, null)
    expect(sub).toMatchObject({ ok: false, error: { kind: 'invalid' } })
    const check = (url: string, appUrl = APP_URL) => {
      const w = { isDestroyed: () => false, webContents: { mainFrame: { url } } }
      return isTrustedSender({ senderFrame: w.webContents.mainFrame } as never, w as never, appUrl)
    }
    expect(check('https://evil.example/')).toBe(false)
    expect(check('file:///tmp/other.html')).toBe(false)
    expect(check(APP_URL)).toBe(true)
    // Any page of our own origin, compared by a real parse (custom schemes have the origin "null").
    expect(check('app://storeglance/assets/x.html#a')).toBe(true)
    expect(check('app://storeglance.evil/index.html')).toBe(false)
    expect(check('app://evil/index.html')).toBe(false)
    expect(check('app://storeglance:8080/index.html')).toBe(false)
    expect(check('evil://storeglance/index.html')).toBe(false)
    expect(check('https://storeglance/index.html')).toBe(false)
    expect(check('data:text/html,app://storeglance/')).toBe(false)
    expect(check('not a url')).toBe(false)
    // file:// is never trusted, not even the built index.html.
    expect(check('file:///app/out/renderer/index.html', 'file:///app/out/renderer/index.html')).toBe(false)
    expect(sameOrigin('app://storeglance/a', 'app://storeglance/b')).toBe(true)
    // In development, the dev server's exact origin, not a look-alike.
    expect(check('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true)
    expect(check('http://localhost:51730/', 'http://localhost:5173')).toBe(false)
    expect(check('http://localhost:5173.evil.example/', 'http://localhost:5173')).toBe(false)
    expect(isTrustedSender({ senderFrame: mainFrame } as never, null, APP_URL)).toBe(false)
    expect(dispatch).not.toHaveBeenCalled()
  })

  it('sends events only to a live window', () => {
    sendEvent(window as never, 'event:warning', { message: 'm', at: 't' })
    expect(window.webContents.send).toHaveBeenCalledWith('event:warning', { message: 'm', at: 't' })
    const dead = { isDestroyed: () => true, webContents: { send: vi.fn() } }
    sendEvent(dead as never, 'event:warning', { message: 'm', at: 't' })
    expect(dead.webContents.send).not.toHaveBeenCalled()
  })
})
