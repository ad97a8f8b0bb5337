import { describe, expect, it } from 'vitest'
import { DEFAULT_ENDPOINT, DEFAULT_SIZES } from '../../../../src/shared/model'
import { buildDashboardRequest, isLoopbackHost, validateEndpoint } from '../../../../src/main/core/api/request'
import { ConfigError } from '../../../../src/main/core/api/errors'

const KEY = 'k3y-SECRET-1959caadac9b13dcb3'
const input = {
  endpoint: DEFAULT_ENDPOINT,
  userId: 'john1970',
  accountId: 'greatwidgets',
  key: KEY,
  format: 'xml' as const,
  sizes: { ...DEFAULT_SIZES },
}

describe('buildDashboardRequest', () => {
  it('builds the exact form of API.md §1, in order', () => {
    const req = buildDashboardRequest(input)
    expect(req.method).toBe('POST')
    expect(req.url).toBe('https://api.clienttoolbox.com/')
    expect([...new URLSearchParams(req.body)]).toEqual([
      ['API', '1.5'],
      ['user_id', 'john1970'],
      ['account_id', 'greatwidgets'],
      ['type', 'dashboard'],
      ['most_active', '10'],
      ['customer_count', 'Yes'],
      ['total_customers_this_month', 'Yes'],
      ['total_transactions_this_month', 'Yes'],
      ['active_campaigns_count', 'Yes'],
      ['campaigns_per_day_activity', '30'],
      ['last_X_transactions', '10'],
      ['last_X_customers', '10'],
      ['output', 'XML'],
    ])
    expect(req.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/)
  })

  it('puts the key only in the api_access_key header', () => {
    const req = buildDashboardRequest(input)
    expect(req.headers.api_access_key).toBe(KEY)
    expect(req.body).not.toContain(KEY)
    expect(req.body).not.toContain('user_api_key')
    expect(req.url).not.toContain(KEY)
    const others = Object.entries(req.headers).filter(([name]) => name !== 'api_access_key')
    expect(JSON.stringify(others)).not.toContain(KEY)
  })

  it('asks for JSON and the configured sizes', () => {
    const req = buildDashboardRequest({
      ...input,
      format: 'json',
      sizes: { mostActive: 5, days: 7, lastTransactions: 3, lastCustomers: 2 },
    })
    const form = new URLSearchParams(req.body)
    expect([form.get('output'), form.get('most_active'), form.get('campaigns_per_day_activity')]).toEqual(['JSON', '5', '7'])
    expect([form.get('last_X_transactions'), form.get('last_X_customers')]).toEqual(['3', '2'])
  })

  it('encodes ids with reserved characters and trims a pasted key', () => {
    const req = buildDashboardRequest({ ...input, userId: 'a&b=c d', key: `  ${KEY}\n` })
    expect(new URLSearchParams(req.body).get('user_id')).toBe('a&b=c d')
    expect(req.headers.api_access_key).toBe(KEY)
  })

  it.each([[{ key: '' }], [{ key: 'has space' }], [{ key: 'clé' }], [{ userId: ' ' }], [{ accountId: '' }]])(
    'refuses unusable settings %j without echoing them',
    (patch) => {
      expect(() => buildDashboardRequest({ ...input, ...patch })).toThrow(ConfigError)
      try {
        buildDashboardRequest({ ...input, ...patch })
      } catch (err) {
        expect((err as Error).message).not.toContain('has space')
        expect((err as Error).message).not.toContain('clé')
      }
    },
  )

  it.each([0, -1, 1.5, 1001, Number.NaN])('refuses list size %s', (n) => {
    expect(() => buildDashboardRequest({ ...input, sizes: { ...DEFAULT_SIZES, mostActive: n } })).toThrow(RangeError)
  })

  it('refuses more than a year of days', () => {
    expect(() => buildDashboardRequest({ ...input, sizes: { ...DEFAULT_SIZES, days: 367 } })).toThrow(RangeError)
  })
})

describe('validateEndpoint', () => {
  it.each([
    'https://api.clienttoolbox.com',
    'https://api.clienttoolbox.com/api.php',
    'https://shop.example.com:8443/api.php',
    'http://127.0.0.1:8080/api.php',
    'http://127.255.0.9/',
    'http://localhost:3000',
    'http://LOCALHOST',
    'http://[::1]:9000/api.php',
  ])('accepts %s', (url) => {
    expect(() => validateEndpoint(url)).not.toThrow()
  })

  it.each([
    ['http://api.clienttoolbox.com', /https/],
    ['http://128.0.0.1', /https/],
    ['http://10.0.0.1', /https/],
    ['http://localhost.example.com', /https/],
    ['http://127.0.0.1.nip.io', /https/],
    ['http://[::2]', /https/],
    ['ftp://api.clienttoolbox.com', /https/],
    ['file:///etc/passwd', /https/],
    ['javascript:alert(1)', /https/],
    ['api.clienttoolbox.com', /not a valid URL/],
    ['', /not a valid URL/],
    ['https://user:secretpw@api.clienttoolbox.com', /user name or password/],
    ['https://api.clienttoolbox.com/api.php?api_access_key=secretpw', /query/],
    ['https://api.clienttoolbox.com/#secretpw', /fragment/],
  ])('refuses %s', (url, message) => {
    let caught: unknown
    try {
      validateEndpoint(url)
    } catch (err) {
      caught = err
    }
    expect(caught).toBeInstanceOf(ConfigError)
    expect((caught as Error).message).toMatch(message)
    expect((caught as Error).message).not.toContain('secretpw')
  })

  it('normalizes the URL', () => {
    expect(validateEndpoint('  HTTPS://API.clienttoolbox.com  ')).toBe('https://api.clienttoolbox.com/')
  })
})

describe('isLoopbackHost', () => {
  it('knows the loopback names as the URL parser writes them', () => {
    expect(['localhost', '127.0.0.1', '127.1.2.3', '[::1]'].map(isLoopbackHost)).toEqual([true, true, true, true])
    expect(['128.0.0.1', '0.0.0.0', '[::ffff:7f00:1]', '127.0.0.1.example'].map(isLoopbackHost)).toEqual([false, false, false, false])
    expect(new URL('http://0x7f.1/').hostname).toBe('127.0.0.1')
  })
})
