/** The demo server over real HTTP: authentication, errors, formats, sections, request handling. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startDemoServer, type DemoServer, type DemoStore } from '../../../../src/main/core/demo'
import { ALL_SECTIONS, baseFields, parseXml, post, postText } from './kit'

let server: DemoServer
let store: DemoStore
let other: DemoStore

beforeAll(async () => {
  server = await startDemoServer({ stores: 4, seed: 7, now: () => new Date('2025-05-14T12:30:00Z') })
  ;[store, other] = server.stores
})
afterAll(() => server.close())

async function expectError(res: Response, secret?: string): Promise<string> {
  expect(res.status).toBe(200)
  const body = await res.text()
  const xml = parseXml(body)
  expect(xml['@status']).toBe('error')
  expect(typeof xml.error).toBe('string')
  expect(xml.error.length).toBeGreaterThan(5)
  if (secret) expect(body).not.toContain(secret)
  return xml.error
}

describe('stores', () => {
  it('lists stores with credentials, unique accounts and real time zones', () => {
    expect(server.stores).toHaveLength(4)
    expect(new Set(server.stores.map((s) => s.accountId)).size).toBe(4)
    for (const s of server.stores) {
      expect(s.key).toMatch(/^[0-9a-f]{18}$/)
      expect(() => new Intl.DateTimeFormat('en', { timeZone: s.timeZone })).not.toThrow()
    }
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
  })
})

describe('API key', () => {
  it('accepts the key in the api_access_key header', async () => {
    expect(parseXml(await postText(server, baseFields(store), store.key))['@status']).toBe('success')
  })

  it('accepts the key in the user_api_key form field', async () => {
    const res = await post(server, baseFields(store, { user_api_key: store.key }))
    expect(parseXml(await res.text())['@status']).toBe('success')
  })

  it('prefers the header when both are present', async () => {
    const good = await post(server, baseFields(store, { user_api_key: 'wrong0000000000000' }), { key: store.key })
    expect(parseXml(await good.text())['@status']).toBe('success')
    const bad = await post(server, baseFields(store, { user_api_key: store.key }), { key: 'wrong0000000000000' })
    await expectError(bad, 'wrong0000000000000')
  })

  it('refuses a wrong key without echoing either key', async () => {
    const msg = await expectError(await post(server, baseFields(store), { key: other.key }), other.key)
    expect(msg).toMatch(/key/i)
    expect(msg).not.toContain(store.key)
  })

  it('refuses a missing key', async () => {
    expect(await expectError(await post(server, baseFields(store)))).toMatch(/key/i)
  })
})

describe('request errors (HTTP 200, status="error")', () => {
  const cases: [string, (f: Record<string, string>) => void, RegExp][] = [
    ['missing API', (f) => delete f.API, /API/],
    ['wrong API version', (f) => (f.API = '1.4'), /version/i],
    ['missing type', (f) => delete f.type, /type/],
    ['unknown type', (f) => (f.type = 'campaigns_list'), /type/],
    ['missing user_id', (f) => delete f.user_id, /user_id/],
    ['missing account_id', (f) => delete f.account_id, /account_id/],
    ['unknown account', (f) => (f.account_id = 'nosuchstore'), /account/i],
    ['user of another store', (f) => (f.user_id = other.userId), /user/i],
  ]
  for (const [name, change, pattern] of cases) {
    it(name, async () => {
      const fields = baseFields(store, { user_api_key: store.key })
      change(fields)
      const msg = await expectError(await post(server, fields, { key: store.key }), store.key)
      expect(msg).toMatch(pattern)
    })
  }

  it('never echoes a key pasted into another field', async () => {
    const fields = baseFields(store, { API: store.key, type: store.key })
    await expectError(await post(server, fields, { key: store.key }), store.key)
  })

  it('answers errors in JSON when JSON was asked', async () => {
    const res = await post(server, baseFields(store, { output: 'json' }), { key: 'nope' })
    const json = await res.json()
    expect(json).toEqual({ status: 'error', error: expect.stringMatching(/key/i) })
  })
})

describe('transport', () => {
  it('accepts GET with the fields in the query string', async () => {
    const q = new URLSearchParams(baseFields(store, { customer_count: 'Yes' }))
    const res = await fetch(`${server.url}/?${q}`, { headers: { api_access_key: store.key } })
    const xml = parseXml(await res.text())
    expect(xml['@status']).toBe('success')
    expect(Number(xml.total_customers.all_time)).toBeGreaterThan(0)
  })

  it('serves /api.php as well as /, and 404 elsewhere', async () => {
    const res = await post(server, baseFields(store), { key: store.key, path: '/api.php' })
    expect(parseXml(await res.text())['@status']).toBe('success')
    expect((await post(server, baseFields(store), { key: store.key, path: '/admin.php' })).status).toBe(404)
  })

  it('refuses other methods and oversized bodies, and keeps serving', async () => {
    expect((await fetch(server.url, { method: 'PUT', body: 'x' })).status).toBe(405)
    const big = await post(server, { ...baseFields(store), pad: 'x'.repeat(100 * 1024) }, { key: store.key })
    expect(big.status).toBe(413)
    await big.text()
    expect(parseXml(await postText(server, baseFields(store), store.key))['@status']).toBe('success')
  })

  it('survives garbage bodies and unsupported content types', async () => {
    const garbage = await fetch(server.url, { method: 'POST', body: '%%%&&&=\u0000\uffff', headers: { api_access_key: store.key } })
    await expectError(garbage)
    const json = await fetch(server.url, { method: 'POST', body: '{"API":"1.5"}', headers: { 'content-type': 'application/json' } })
    expect(await expectError(json)).toMatch(/content type/i)
  })
})

describe('formats', () => {
  it('defaults to XML with an XML content type', async () => {
    const res = await post(server, baseFields(store, ALL_SECTIONS), { key: store.key })
    expect(res.headers.get('content-type')).toMatch(/xml/)
    const body = await res.text()
    expect(body.startsWith('<response status="success">')).toBe(true)
    expect(body).not.toContain('</campaigns>')
    parseXml(body)
  })

  it('answers JSON when output=JSON (any case), pretty by default', async () => {
    for (const output of ['JSON', 'json', 'Json']) {
      const res = await post(server, baseFields(store, { ...ALL_SECTIONS, output }), { key: store.key })
      expect(res.headers.get('content-type')).toMatch(/json/)
      const body = await res.text()
      expect(body).toContain('\n  "status": "success"')
      expect(JSON.parse(body).status).toBe('success')
    }
  })

  it('strips whitespace when condensed=yes', async () => {
    const body = await postText(server, baseFields(store, { ...ALL_SECTIONS, output: 'JSON', condensed: 'yes' }), store.key)
    expect(body).not.toMatch(/\n|": /)
    expect(body.startsWith('{"status":"success"')).toBe(true)
  })

  it('wraps JSON in the callback for JSONP', async () => {
    const res = await post(server, baseFields(store, { customer_count: 'Yes', callback: 'handle_1$' }), { key: store.key })
    expect(res.headers.get('content-type')).toMatch(/javascript/)
    const body = await res.text()
    const m = /^handle_1\$\(([\s\S]*)\);$/.exec(body)
    expect(m).not.toBeNull()
    expect(JSON.parse(m![1]).total_customers.all_time).toBeGreaterThan(0)
  })

  it('refuses a callback that is not an identifier, without running it', async () => {
    const res = await post(server, baseFields(store, { output: 'JSON', callback: 'alert(1)//' }), { key: store.key })
    const body = await res.text()
    expect(body).not.toContain('alert')
    expect(JSON.parse(body)).toEqual({ status: 'error', error: expect.stringMatching(/callback/i) })
  })
})

describe('sections', () => {
  const sectionOf: Record<string, string> = {
    most_active: 'most_active',
    customer_count: 'total_customers',
    total_customers_this_month: 'total_customers',
    total_transactions_this_month: 'total_transactions',
    active_campaigns_count: 'active_campaigns_count',
    campaigns_per_day_activity: 'campaigns_per_day_activity',
    last_X_transactions: 'last_X_transactions',
    last_X_customers: 'last_X_customers',
  }

  it('returns no optional section unless asked', async () => {
    const json = JSON.parse(await postText(server, baseFields(store, { output: 'JSON' }), store.key))
    expect(json).toEqual({ status: 'success' })
    expect(await postText(server, baseFields(store), store.key)).toBe('<response status="success">\n</response>\n')
  })

  for (const [field, value] of Object.entries(ALL_SECTIONS)) {
    it(`returns only ${sectionOf[field]} for ${field}`, async () => {
      const json = JSON.parse(await postText(server, baseFields(other, { [field]: value, output: 'JSON' }), other.key))
      expect(Object.keys(json).sort()).toEqual(['status', sectionOf[field]].sort())
    })
  }

  it('splits total_customers between customer_count and total_customers_this_month', async () => {
    const a = JSON.parse(await postText(server, baseFields(other, { customer_count: 'Yes', output: 'JSON' }), other.key))
    expect(Object.keys(a.total_customers)).toEqual(['all_time'])
    const b = JSON.parse(await postText(server, baseFields(other, { total_customers_this_month: '10', output: 'JSON' }), other.key))
    expect(Object.keys(b.total_customers)).toEqual(['this_month', 'last_month', 'same_period_last_month'])
  })

  it('accepts the misspelled active_campaign_count of the vendor example', async () => {
    const json = JSON.parse(await postText(server, baseFields(other, { active_campaign_count: 'Yes', output: 'JSON' }), other.key))
    expect(json.active_campaigns_count).toBeGreaterThanOrEqual(2)
  })

  it('honours list sizes and the number of days', async () => {
    const fields = { most_active: '3', last_X_transactions: '7', last_X_customers: '4', campaigns_per_day_activity: '5', output: 'JSON' }
    const json = JSON.parse(await postText(server, baseFields(store, fields), store.key))
    expect(json.most_active).toHaveLength(3)
    expect(json.last_X_transactions).toHaveLength(7)
    expect(json.last_X_customers).toHaveLength(4)
    for (const c of json.campaigns_per_day_activity) expect(c.day).toHaveLength(5)
  })
})
