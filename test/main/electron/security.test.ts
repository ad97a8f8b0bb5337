import { beforeEach, describe, expect, it, vi } from 'vitest'

type Handler = (...args: unknown[]) => unknown
const state = vi.hoisted(() => ({
  permissionRequest: null as null | ((...a: unknown[]) => void),
  permissionCheck: null as null | ((...a: unknown[]) => boolean),
  appListeners: new Map<string, (...a: unknown[]) => void>(),
  sandboxed: false,
  opened: [] as string[],
}))

vi.mock('electron', () => {
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: (...a: unknown[]) => void) => {
        state.permissionRequest = h
      },
      setPermissionCheckHandler: (h: (...a: unknown[]) => boolean) => {
        state.permissionCheck = h
      },
    },
  }
  const app: Partial<(typeof import('electron'))['app']> = {
    enableSandbox: () => {
      state.sandboxed = true
    },
    on: ((event: string, listener: (...a: unknown[]) => void) => {
      state.appListeners.set(event, listener)
      return app
    }) as (typeof import('electron'))['app']['on'],
  }
  const shell = {
    openExternal: async (url: string) => {
      if (url.includes('no-browser')) throw new Error('no browser is set up')
      state.opened.push(url)
    },
  } satisfies Partial<(typeof import('electron'))['shell']>
  return { app, session, shell }
})

const { hardenApp, hardenContents, isSafeExternalUrl, openExternalSafely, sandboxAllRenderers } =
  await import('../../../src/main/electron/security')

/** A fake WebContents recording its listeners and window-open handler. */
function fakeContents(url = 'app://storeglance/index.html') {
  const listeners = new Map<string, Handler>()
  let openHandler: Handler | null = null
  return {
    listeners,
    open: (details: { url: string }) => openHandler!(details),
    contents: {
      on: (event: string, l: Handler) => listeners.set(event, l),
      getURL: () => url,
      setWindowOpenHandler: (h: Handler) => {
        openHandler = h
      },
    },
  }
}

describe('security', () => {
  beforeEach(() => {
    state.opened.length = 0
  })

  it('refuses every permission request and check, notifications included', () => {
    hardenApp()
    const answers: Record<string, boolean> = {}
    for (const p of [
      'notifications',
      'media',
      'geolocation',
      'clipboard-read',
      'clipboard-sanitized-write',
      'openExternal',
      'fullscreen',
    ]) {
      state.permissionRequest!(null, p, (ok: boolean) => (answers[p] = ok))
    }
    expect(Object.values(answers)).toHaveLength(7)
    expect(Object.values(answers).every((ok) => ok === false)).toBe(true)
    for (const p of ['notifications', 'camera', 'clipboard-read', 'background-sync'])
      expect(state.permissionCheck!(null, p, 'app://storeglance')).toBe(false)
    expect(state.appListeners.has('web-contents-created')).toBe(true)
  })

  it('sandboxes every renderer app-wide', () => {
    sandboxAllRenderers()
    expect(state.sandboxed).toBe(true)
  })

  it('prevents navigation away, redirects and webviews', () => {
    const f = fakeContents()
    hardenContents(f.contents as never)
    const prevented: string[] = []
    const event = (name: string) => ({ preventDefault: () => prevented.push(name) })
    f.listeners.get('will-navigate')!(event('elsewhere'), 'https://evil.example/')
    f.listeners.get('will-navigate')!(event('same'), 'app://storeglance/index.html')
    f.listeners.get('will-frame-navigate')!({ ...event('subframe'), isMainFrame: false, url: 'app://storeglance/index.html' })
    f.listeners.get('will-frame-navigate')!({ ...event('frame-elsewhere'), isMainFrame: true, url: 'https://evil.example/' })
    f.listeners.get('will-redirect')!(event('redirect'))
    f.listeners.get('will-attach-webview')!(event('webview'))
    expect(prevented).toEqual(['elsewhere', 'subframe', 'frame-elsewhere', 'redirect', 'webview'])
  })

  it('denies window.open, sending only allowlisted https links to the system browser', () => {
    const f = fakeContents()
    hardenContents(f.contents as never)
    expect(f.open({ url: 'https://clienttoolbox.com/help' })).toEqual({ action: 'deny' })
    expect(f.open({ url: 'https://example.com/help' })).toEqual({ action: 'deny' })
    expect(f.open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(f.open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(state.opened).toEqual(['https://clienttoolbox.com/help'])
  })

  it('opens only https URLs on the allowlist, without credentials or odd ports', () => {
    expect(isSafeExternalUrl('https://www.clienttoolbox.com/')).toBe(true)
    expect(isSafeExternalUrl('https://clienttoolbox.com/help?x=1')).toBe(true)
    for (const url of [
      'http://clienttoolbox.com/',
      'https://clienttoolbox.com.evil.example/',
      'https://evil.example/?clienttoolbox.com',
      'https://user:pw@clienttoolbox.com/',
      'https://clienttoolbox.com:8443/',
      'smb://clienttoolbox.com/share',
      'not a url',
    ]) {
      expect(isSafeExternalUrl(url), url).toBe(false)
      expect(openExternalSafely(url), url).toBe(false)
    }
    expect(state.opened).toEqual([])
  })

  it('logs a link the system browser could not open, instead of an unhandled rejection', async () => {
    const { setFailureLog } = await import('../../../src/main/electron/failures')
    const lines: { event: string; fields: unknown }[] = []
    const record = (event: string, fields?: unknown) => void lines.push({ event, fields })
    setFailureLog({ info: record, warn: record, error: record })
    const unhandled: unknown[] = []
    const onUnhandled = (r: unknown) => unhandled.push(r)
    process.on('unhandledRejection', onUnhandled)
    try {
      const f = fakeContents()
      hardenContents(f.contents as never)
      expect(f.open({ url: 'https://clienttoolbox.com/no-browser' })).toEqual({ action: 'deny' })
      await new Promise((r) => setTimeout(r, 10))
      expect(lines).toEqual([{ event: 'openExternal', fields: { class: 'Error', message: 'no browser is set up' } }])
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', onUnhandled)
    }
  })
})
