import { describe, expect, it } from 'vitest'
import { EVENT_CHANNELS, INVOKE_CHANNELS, CONTRACT_CHECKS, type IpcResult } from '../../src/shared/ipc'
import { createApi, type InvokeFn, type SubscribeFn } from '../../src/shared/api'

describe('the IPC contract', () => {
  it('names each channel once and keeps invoke and event names apart', () => {
    const all = [...INVOKE_CHANNELS, ...EVENT_CHANNELS]
    expect(new Set(all).size).toBe(all.length)
    expect(CONTRACT_CHECKS).toEqual([true, true])
  })
})

describe('createApi', () => {
  const calls: [string, unknown][] = []
  const invoke: InvokeFn = async (channel, request) => {
    calls.push([channel, request])
    if (channel === 'accounts:remove')
      return { ok: false, error: { kind: 'keychain', message: 'Unlock your keyring.' } } as IpcResult<never>
    return { ok: true, value: { echoed: request } } as never
  }
  const subscribed: string[] = []
  const subscribe: SubscribeFn = (channel) => {
    subscribed.push(channel)
    return () => subscribed.splice(subscribed.indexOf(channel), 1)
  }
  const api = createApi(invoke, subscribe)

  it('maps each method to its channel with the contract request', async () => {
    await api.app.info()
    await api.accounts.update('a1', { label: 'X' })
    await api.stores.refresh()
    await api.stores.refresh('a2')
    await api.stores.hide('a3')
    await api.stores.unhide('a3')
    await api.stores.move('a3', -1)
    expect(calls).toEqual([
      ['app:info', null],
      ['accounts:update', { id: 'a1', patch: { label: 'X' } }],
      ['stores:refresh', {}],
      ['stores:refresh', { id: 'a2' }],
      ['stores:hide', { id: 'a3' }],
      ['stores:unhide', { id: 'a3' }],
      ['stores:move', { id: 'a3', delta: -1 }],
    ])
  })

  it('turns an error result into a thrown Error with the message and kind', async () => {
    await expect(api.accounts.remove('a1')).rejects.toMatchObject({ message: 'Unlock your keyring.', name: 'keychain' })
  })

  it('subscribes per event and unsubscribes', () => {
    const off = api.on.snapshot(() => {})
    expect(subscribed).toEqual(['event:snapshot'])
    off()
    expect(subscribed).toEqual([])
  })

  it('has no method that could read a key back', () => {
    const names = JSON.stringify(Object.fromEntries(Object.entries(api).map(([k, v]) => [k, Object.keys(v)])))
    expect(names).not.toMatch(/getKey|readKey|secret/i)
  })
})
