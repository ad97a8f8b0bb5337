/**
 * Reads a dashboard request's fields the way the platform does: validates the protocol fields,
 * picks the output format and the optional sections. Messages never echo a submitted value, so a
 * key pasted into the wrong field cannot come back in an error.
 */
import { MAX_DAYS, MAX_LIST, type DashboardRequest } from './data'

/** How the response is written: XML, JSON, or JSONP when a callback is named. */
export interface OutputFormat {
  json: boolean
  callback: string | null
  condensed: boolean
}

/** A request that passed the protocol checks; the account and key are still to be verified. */
export interface ValidRequest {
  ok: true
  format: OutputFormat
  userId: string
  accountId: string
  key: string
  request: DashboardRequest
}

/** A request refused before looking at the account. */
export interface InvalidRequest {
  ok: false
  format: OutputFormat
  /** The account asked for, if any: faults set for it still apply. */
  accountId: string | null
  message: string
}

const CALLBACK = /^[A-Za-z_$][A-Za-z0-9_$]{0,63}$/
const OFF = new Set(['no', 'n', 'false', 'off', '0'])

/** The output format a set of fields asks for; JSON for a callback even without output=JSON. */
export function outputFormat(fields: URLSearchParams): OutputFormat {
  const callback = fields.get('callback')?.trim() || null
  return {
    json: (fields.get('output') ?? '').trim().toLowerCase() === 'json' || callback !== null,
    callback,
    condensed: (fields.get('condensed') ?? '').trim().toLowerCase() === 'yes',
  }
}

function flag(fields: URLSearchParams, ...names: string[]): boolean | undefined {
  for (const name of names) {
    const v = fields.get(name)?.trim().toLowerCase()
    if (v) return !OFF.has(v)
  }
  return undefined
}

function count(fields: URLSearchParams, name: string, fallback: number, max: number): number | undefined {
  const v = fields.get(name)
  if (v === null) return undefined
  const t = v.trim()
  return /^\d{1,9}$/.test(t) ? Math.min(max, Number(t)) : fallback
}

/** The optional sections asked for (a count that is not a number takes the documented default). */
export function sectionsOf(fields: URLSearchParams): DashboardRequest {
  const r: DashboardRequest = {
    mostActive: count(fields, 'most_active', 10, MAX_LIST),
    customerCount: flag(fields, 'customer_count'),
    customersThisMonth: flag(fields, 'total_customers_this_month'),
    transactionsThisMonth: flag(fields, 'total_transactions_this_month'),
    activeCampaigns: flag(fields, 'active_campaigns_count', 'active_campaign_count'),
    days: count(fields, 'campaigns_per_day_activity', 30, MAX_DAYS),
    lastTransactions: count(fields, 'last_X_transactions', 10, MAX_LIST),
    lastCustomers: count(fields, 'last_X_customers', 10, MAX_LIST),
  }
  for (const k of Object.keys(r) as (keyof DashboardRequest)[]) if (r[k] === undefined) delete r[k]
  return r
}

function protocolError(fields: URLSearchParams, key: string): string | null {
  const api = fields.get('API')?.trim()
  if (!api) return 'Missing required field: API (the API version, 1.5)'
  if (api !== '1.5') return 'Unsupported API version: this server speaks API 1.5'
  const type = fields.get('type')?.trim()
  if (!type) return 'Missing required field: type'
  if (type !== 'dashboard') return 'Unsupported request type: the demo server answers type=dashboard only'
  if (!fields.get('user_id')?.trim()) return 'Missing required field: user_id'
  if (!fields.get('account_id')?.trim()) return 'Missing required field: account_id'
  if (!key) return 'Missing API key: send it in the api_access_key header or the user_api_key field'
  return null
}

/**
 * Validates a request's fields. `headerKey` is the `api_access_key` header: when present it wins
 * over the `user_api_key` field, as the vendor documents.
 */
export function readRequest(fields: URLSearchParams, headerKey: string | undefined): ValidRequest | InvalidRequest {
  const format = outputFormat(fields)
  const accountId = fields.get('account_id')?.trim() || null
  if (format.callback !== null && !CALLBACK.test(format.callback)) {
    return {
      ok: false,
      format: { ...format, callback: null },
      accountId,
      message: 'Invalid callback name: use letters, digits, _ or $ only',
    }
  }
  const key = headerKey?.trim() || fields.get('user_api_key')?.trim() || ''
  const message = protocolError(fields, key)
  if (message !== null) return { ok: false, format, accountId, message }
  return {
    ok: true,
    format,
    userId: fields.get('user_id')!.trim(),
    accountId: accountId!,
    key,
    request: sectionsOf(fields),
  }
}
