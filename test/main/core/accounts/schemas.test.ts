import { describe, expect, it } from 'vitest'
import {
  accountInputSchema,
  accountPatchSchema,
  endpointIdentity,
  endpointProblem,
  isValidTimeZone,
  newAccountId,
  normalizeEndpoint,
  sameStore,
  settingsPatchSchema,
} from '../../../../src/main/core/accounts/schemas'
import { storeInput } from './fixtures'

describe('endpoint rules', () => {
  it('accepts https anywhere and http only on loopback', () => {
    for (const ok of [
      'https://api.clienttoolbox.com',
      'https://shop.example/api.php',
      'http://127.0.0.1:8080',
      'http://127.9.8.7',
      'http://[::1]:3000',
      'http://localhost:5000/api.php',
    ]) {
      expect(endpointProblem(ok), ok).toBeNull()
    }
    expect(endpointProblem('http://api.clienttoolbox.com')).toMatch(/https/)
    expect(endpointProblem('http://10.0.0.1')).toMatch(/https/)
    expect(endpointProblem('http://localhost.evil.com')).toMatch(/https/)
    expect(endpointProblem('ftp://x')).toMatch(/https/)
    expect(endpointProblem('not a url')).toMatch(/not a valid URL/)
    expect(endpointProblem('https://u:p@host')).toMatch(/user name or password/)
    expect(endpointProblem('https://host/?api_access_key=x')).toMatch(/query/)
  })

  it('normalizes for storage and for identity', () => {
    expect(normalizeEndpoint(' HTTPS://API.ClientToolbox.com:443/ ')).toBe('https://api.clienttoolbox.com')
    expect(endpointIdentity('https://api.clienttoolbox.com/api.php')).toBe(endpointIdentity('https://api.clienttoolbox.com/'))
    expect(endpointIdentity('https://a.example')).not.toBe(endpointIdentity('https://b.example'))
  })

  it('sameStore needs the same server, user id and account id', () => {
    const a = { endpoint: 'https://api.clienttoolbox.com/api.php', userId: 'u1', accountId: 'a1' }
    expect(sameStore(a, { ...a, endpoint: 'HTTPS://api.clienttoolbox.com/' })).toBe(true)
    expect(sameStore(a, { ...a, endpoint: 'https://b.example' })).toBe(false)
    expect(sameStore(a, { ...a, userId: 'u2' })).toBe(false)
    expect(sameStore(a, { ...a, accountId: 'a2' })).toBe(false)
  })
})

describe('accountInputSchema', () => {
  it('accepts a valid store and normalizes it', () => {
    const r = accountInputSchema.parse(
      storeInput({ label: '  Corner shop ', colour: '#ABCDEF', endpoint: 'https://API.clienttoolbox.com/' }),
    )
    expect(r.label).toBe('Corner shop')
    expect(r.colour).toBe('#abcdef')
    expect(r.endpoint).toBe('https://api.clienttoolbox.com')
  })

  it.each([
    ['empty label', { label: '   ' }, /store name is empty/],
    ['long label', { label: 'x'.repeat(61) }, /60 characters/],
    ['bad colour', { colour: 'red' }, /#rrggbb/],
    ['bad time zone', { timeZone: 'Mars/Olympus' }, /time zone/],
    ['mostActive 0', { sizes: { mostActive: 0, days: 30, lastTransactions: 10, lastCustomers: 10 } }, /at least 1/],
    ['days 91', { sizes: { mostActive: 10, days: 91, lastTransactions: 10, lastCustomers: 10 } }, /at most 90/],
    ['fractional size', { sizes: { mostActive: 1.5, days: 30, lastTransactions: 10, lastCustomers: 10 } }, /whole number/],
    ['interval < 60', { intervalSec: 59 }, /at least 60/],
    ['plain http', { endpoint: 'http://example.com' }, /https/],
    ['empty user id', { userId: ' ' }, /user id is empty/],
  ])('refuses %s', (_name, over, message) => {
    const r = accountInputSchema.safeParse(storeInput(over as never))
    expect(r.success).toBe(false)
    expect(JSON.stringify(r.error?.issues)).toMatch(message)
  })

  it('refuses fields the renderer must not set (id, demo)', () => {
    expect(accountInputSchema.safeParse({ ...storeInput(), id: 'x' }).success).toBe(false)
    expect(accountInputSchema.safeParse({ ...storeInput(), demo: true }).success).toBe(false)
  })

  it('patches cannot carry identity fields; settings patches are strict', () => {
    expect(accountPatchSchema.safeParse({ label: 'New' }).success).toBe(true)
    expect(accountPatchSchema.safeParse({ intervalSec: null }).success).toBe(true)
    expect(accountPatchSchema.safeParse({ accountId: '2' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ intervalSec: 120 }).success).toBe(true)
    expect(settingsPatchSchema.safeParse({ intervalSec: 30 }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ alerts: { quietHours: { from: '22:00', to: '07:00', days: [5, 6] } } }).success).toBe(true)
    expect(settingsPatchSchema.safeParse({ alerts: { quietHours: { from: '25:00', to: '07:00' } } }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ quietHours: { from: '22:00', to: '07:00' } }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ colourScheme: 'dark' }).success).toBe(false)
  })
})

describe('helpers', () => {
  it('time zones are checked by Intl', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    expect(isValidTimeZone('Nowhere/Atlantis')).toBe(false)
    expect(isValidTimeZone('')).toBe(false)
  })

  it('account ids are unique and use [A-Za-z0-9_-] only', () => {
    const ids = new Set(Array.from({ length: 200 }, newAccountId))
    expect(ids.size).toBe(200)
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]+$/)
  })
})
