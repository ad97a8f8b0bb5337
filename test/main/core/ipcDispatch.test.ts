import { describe, expect, it } from 'vitest'
import { createDispatcher, type IpcHandlers } from '../../../src/main/core/ipcDispatch'
import { DEFAULT_SETTINGS } from '../../../src/shared/model'

const seen: unknown[] = []
const handlers = {
  'app:info': async () => ({ version: '1', userDataDir: '/x' }),
  'state:get': async () => {
    throw Object.assign(new Error('Could not read settings.'), { kind: 'storage' })
  },
  'accounts:add': async (r) => {
    seen.push(r)
    throw new Error('boom')
  },
  'accounts:update': async () => {
    throw 'not an error'
  },
  'accounts:remove': async () => null,
  'stores:refresh': async (r) => {
    seen.push(r)
    return null
  },
  'stores:hide': async (r) => {
    seen.push(r)
    return { ...DEFAULT_SETTINGS, hiddenStores: [r.id] }
  },
  'stores:unhide': async (r) => {
    seen.push(r)
    return DEFAULT_SETTINGS
  },
  'stores:move': async (r) => {
    seen.push(r)
    return { ...DEFAULT_SETTINGS, storeOrder: [r.id] }
  },
  'settings:update': async (r) => ({ ...DEFAULT_SETTINGS, ...r }),
  'diagnostics:copy': async () => ({ text: 'diagnostics' }),
  'alerts:list': async () => ({ alerts: [], unread: 0, mutedUntil: null }),
  'alerts:markAllRead': async () => ({ alerts: [], unread: 0, mutedUntil: null }),
  'alerts:mute': async (r) => {
    seen.push(r)
    return { alerts: [], unread: 0, mutedUntil: r.until }
  },
  'alerts:unmute': async () => ({ alerts: [], unread: 0, mutedUntil: null }),
  'history:get': async ({ id }) => ({ id, since: null, recordedDays: 0, months: [], daily: [] }),
  'comparison:exportCsv': async () => ({ path: null }),
  'glance:hide': async () => null,
} satisfies IpcHandlers
const dispatch = createDispatcher(handlers)

const validInput = {
  label: 'Harbour Café',
  endpoint: 'https://api.clienttoolbox.com',
  userId: 'john1970',
  accountId: 'greatwidgets',
  timeZone: 'Europe/London',
  colour: '#2563eb',
  enabled: true,
  format: 'xml',
  sizes: { mostActive: 10, days: 30, lastTransactions: 10, lastCustomers: 10 },
}

describe('createDispatcher', () => {
  it('answers a valid request', async () => {
    expect(await dispatch('app:info', null)).toMatchObject({ ok: true, value: { version: '1' } })
    expect(await dispatch('settings:update', { intervalSec: 120 })).toMatchObject({ ok: true, value: { intervalSec: 120 } })
    expect(await dispatch('alerts:mute', { until: '2025-03-10T10:00:00Z' })).toMatchObject({
      ok: true,
      value: { mutedUntil: '2025-03-10T10:00:00Z' },
    })
  })

  it('refuses unknown channels and non-string channels', async () => {
    expect(await dispatch('fs:read', null)).toEqual({ ok: false, error: { kind: 'invalid', message: 'Unknown request.' } })
    expect(await dispatch({ toString: () => 'app:info' }, null)).toMatchObject({ ok: false })
  })

  it('refuses payloads that do not match the schema, before any handler runs', async () => {
    seen.length = 0
    const bad = [
      ['stores:refresh', { id: '../../etc' }],
      ['stores:refresh', { id: 'a', extra: 1 }],
      ['settings:update', { intervalSec: 10 }],
      ['accounts:add', { input: { ...validInput, colour: 'red' }, key: 'k' }],
      ['accounts:add', { input: validInput, key: '' }],
      ['accounts:update', { id: 'a', patch: { accountId: 'other' } }],
      ['app:info', { sneaky: true }],
      ['alerts:mute', { until: 'tomorrow' }],
      ['alerts:mute', { until: '2025-03-10T10:00:00Z', extra: 1 }],
      ['alerts:markAllRead', { all: true }],
    ] as const
    for (const [channel, payload] of bad) {
      const result = await dispatch(channel, payload)
      expect(result, `${channel} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { kind: 'invalid' } })
    }
    expect(seen).toEqual([])
  })

  it('returns handler failures as data with their kind and message', async () => {
    expect(await dispatch('state:get', null)).toEqual({ ok: false, error: { kind: 'storage', message: 'Could not read settings.' } })
    expect(await dispatch('accounts:add', { input: validInput, key: 'k' })).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'boom' },
    })
    expect(await dispatch('accounts:update', { id: 'a', patch: {} })).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Something went wrong.' },
    })
  })
})
