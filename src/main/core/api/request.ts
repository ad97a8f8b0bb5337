/**
 * Builds the dashboard request exactly as API.md §1 describes it. Pure: no network, no clock.
 * The API key travels only in the `api_access_key` header, never in the body or the URL.
 */
import type { Account, RequestSizes, ResponseFormat } from '../../../shared/model'
import { ConfigError } from './errors'

export interface DashboardRequestInput {
  endpoint: string
  userId: string
  accountId: string
  key: string
  format: ResponseFormat
  sizes: RequestSizes
}

export interface DashboardRequest {
  url: string
  method: 'POST'
  headers: Record<string, string>
  body: string
}

/** What an account sends with every dashboard request (besides its key). */
export function requestFieldsOf(a: Account): Omit<DashboardRequestInput, 'key'> {
  return { endpoint: a.endpoint, userId: a.userId, accountId: a.accountId, format: a.format, sizes: a.sizes }
}

/** Upper bounds of the list sizes we ask for: generous, but they keep answers far below the cap. */
export const SIZE_LIMITS: Readonly<Record<keyof RequestSizes, number>> = {
  mostActive: 1000,
  days: 366,
  lastTransactions: 1000,
  lastCustomers: 1000,
}

/**
 * Checks an endpoint setting and returns it normalized. HTTPS only, except plain http on loopback
 * (127.0.0.0/8, ::1, localhost) for the demo server and tests. Credentials, queries and fragments
 * are refused: nothing secret may ever sit in a URL. Messages never echo the input, which could be
 * a key pasted in the wrong field.
 */
export function validateEndpoint(endpoint: string): string {
  let url: URL
  try {
    url = new URL(endpoint.trim())
  } catch {
    throw new ConfigError('The endpoint is not a valid URL (expected e.g. https://api.clienttoolbox.com).')
  }
  if (url.username || url.password) {
    throw new ConfigError('The endpoint must not contain a user name or password.')
  }
  if (url.search || url.hash || endpoint.includes('?') || endpoint.includes('#')) {
    throw new ConfigError('The endpoint must not contain a query (?) or fragment (#).')
  }
  if (url.protocol === 'https:') return url.toString()
  if (url.protocol === 'http:') {
    if (isLoopbackHost(url.hostname)) return url.toString()
    throw new ConfigError('The endpoint must use https:// (plain http is only allowed on this computer).')
  }
  throw new ConfigError('The endpoint must be an https:// URL.')
}

/** True for localhost, 127.0.0.0/8 and ::1 (hostnames as the WHATWG URL parser normalizes them). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '')
  if (host === 'localhost' || host === '[::1]' || host === '::1') return true
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host)
  return m !== null && m[1] === '127' && m.slice(2).every((p) => Number(p) <= 255)
}

/**
 * The full request for one store's dashboard: URL, method, headers (key in `api_access_key` only)
 * and the form-urlencoded body with every field of API.md §1 in the documented order.
 */
export function buildDashboardRequest(input: DashboardRequestInput): DashboardRequest {
  const url = validateEndpoint(input.endpoint)
  const key = checkKey(input.key)
  const userId = requireText(input.userId, 'user id')
  const accountId = requireText(input.accountId, 'account id')
  const sizes = checkSizes(input.sizes)
  const body = new URLSearchParams([
    ['API', '1.5'],
    ['user_id', userId],
    ['account_id', accountId],
    ['type', 'dashboard'],
    ['most_active', String(sizes.mostActive)],
    ['customer_count', 'Yes'],
    ['total_customers_this_month', 'Yes'],
    ['total_transactions_this_month', 'Yes'],
    ['active_campaigns_count', 'Yes'],
    ['campaigns_per_day_activity', String(sizes.days)],
    ['last_X_transactions', String(sizes.lastTransactions)],
    ['last_X_customers', String(sizes.lastCustomers)],
    ['output', input.format === 'json' ? 'JSON' : 'XML'],
  ]).toString()
  const accept =
    input.format === 'json' ? 'application/json, text/javascript;q=0.9, */*;q=0.5' : 'application/xml, text/xml;q=0.9, */*;q=0.5'
  return {
    url,
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded; charset=UTF-8',
      accept,
      api_access_key: key,
    },
    body,
  }
}

/**
 * The key, trimmed, if it can be sent as a header value. Checked here because a transport's own
 * "invalid header value" error would quote the key.
 */
function checkKey(key: string): string {
  const k = typeof key === 'string' ? key.trim() : ''
  if (!k) throw new ConfigError('The API key is missing.')
  if (!/^[\x21-\x7e]+$/.test(k)) {
    throw new ConfigError('The API key contains characters that cannot be sent (spaces or non-ASCII).')
  }
  return k
}

function requireText(value: string, what: string): string {
  const v = typeof value === 'string' ? value.trim() : ''
  if (!v) throw new ConfigError(`The ${what} is missing.`)
  return v
}

function checkSizes(sizes: RequestSizes): RequestSizes {
  for (const name of Object.keys(SIZE_LIMITS) as (keyof RequestSizes)[]) {
    const n = sizes[name]
    if (!Number.isSafeInteger(n) || n < 1 || n > SIZE_LIMITS[name]) {
      throw new RangeError(`sizes.${name} must be an integer from 1 to ${SIZE_LIMITS[name]}.`)
    }
  }
  return sizes
}
