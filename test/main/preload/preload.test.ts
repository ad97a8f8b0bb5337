import { describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as [string, unknown][],
  listeners: new Map<string, (...a: unknown[]) => void>(),
}))
vi.mock('electron', () => {
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      state.exposed.set(key, api)
    },
  } satisfies Partial<(typeof import('electron'))['contextBridge']>
  type IpcRenderer = (typeof import('electron'))['ipcRenderer']
  const ipcRenderer: Partial<IpcRenderer> = {
    invoke: async (channel: string, request: unknown) => {
      state.invoked.push([channel, request])
      return { ok: true, value: 'v' }
    },
    on: ((channel: string, l: (...a: unknown[]) => void) => {
      state.listeners.set(channel, l)
      return ipcRenderer
    }) as IpcRenderer['on'],
    removeListener: ((channel: string) => {
      state.listeners.delete(channel)
      return ipcRenderer
    }) as IpcRenderer['removeListener'],
  }
  return { contextBridge, ipcRenderer }
})

await import('../../../src/preload/index')
type Api = import('../../../src/shared/api').StoreglanceApi

describe('the preload', () => {
  it('exposes only window.storeglance, with no ipcRenderer, invoke or process in it', () => {
    expect([...state.exposed.keys()]).toEqual(['storeglance'])
    const api = state.exposed.get('storeglance') as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual(['accounts', 'alerts', 'app', 'comparison', 'glance', 'history', 'on', 'settings', 'stores'])
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|process|require/i)
  })

  it('invokes contract channels and hands listeners only the payload', async () => {
    const api = state.exposed.get('storeglance') as Api
    expect(await api.app.info()).toBe('v')
    expect(state.invoked).toEqual([['app:info', null]])
    const got: unknown[] = []
    const off = api.on.status((s) => got.push(s))
    state.listeners.get('event:status')!({ sender: 'secret-sender' }, { id: 'a', state: 'ok' })
    expect(got).toEqual([{ id: 'a', state: 'ok' }])
    off()
    expect(state.listeners.has('event:status')).toBe(false)
  })
})
