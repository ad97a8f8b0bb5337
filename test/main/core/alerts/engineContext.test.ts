/** What the engine is told about each store: the account's own target, the store's alert level and hours. */
import { describe, expect, it } from 'vitest'
import { engineContext } from '../../../../src/main/core/alerts'
import { DEFAULT_SETTINGS, DEFAULT_SIZES, type Account } from '../../../../src/shared/model'

const account = (id: string, over: Partial<Account> = {}): Account => ({
  id,
  label: `Store ${id}`,
  endpoint: 'https://example.com',
  userId: 'u',
  accountId: id,
  timeZone: 'Europe/Paris',
  colour: '#2563eb',
  enabled: true,
  format: 'xml',
  sizes: { ...DEFAULT_SIZES },
  ...over,
})

describe('engine context', () => {
  it('takes the target from the account (the figure the window shows) and level and hours from the alert settings', () => {
    const settings = { ...DEFAULT_SETTINGS.alerts, stores: { a: { notify: 'important' as const, openingHours: null } } }
    const ctx = engineContext([account('a', { monthlyTarget: 3000 }), account('b')], settings, 'UTC')
    expect(ctx.stores.get('a')).toEqual({
      id: 'a',
      label: 'Store a',
      timeZone: 'Europe/Paris',
      notify: 'important',
      monthlyTarget: 3000,
      openingHours: null,
    })
    expect(ctx.stores.get('b')).toMatchObject({ notify: 'all', monthlyTarget: null })
    expect(ctx.stores.get('b')).not.toHaveProperty('openingHours')
  })
})
