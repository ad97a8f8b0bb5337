/**
 * One normalizer for both formats: the raw tree from parseXml or parseJson becomes the StoreSnapshot
 * of API.md §3. It reads only the keys it knows (own properties only), builds every output object
 * itself, and is tolerant of shape: a list may come as an array, a single object, a container
 * holding the singular element (`{"customer":[…]}`), or be empty or missing.
 */
import type { CampaignActivity, MostActiveCustomer, RecentCustomer, StoreSnapshot, Transaction } from '../../../shared/model'
import { isRecord } from '../../../shared/isRecord'
import { ApiError, ResponseError } from './errors'
import { redact } from '../redact'

/** What both parsers hand over: the `status` (attribute or key) and the root object. */
export interface RawResponse {
  status: string | null
  root: Record<string, unknown>
  /**
   * True when the parser left entity references in text (JSON): the normalizer then decodes them.
   * XML text is decoded once by the XML parser and must not be decoded twice.
   */
  rawEntities?: boolean
}

type Rec = Record<string, unknown>

/** Keys that mark an object as one element of a list (versus a container or a count). */
const CUSTOMER_KEYS = ['code', 'card_number', 'first_name', 'last_name', 'time_stamp']
const CAMPAIGN_KEYS = ['campaign_id', 'campaign_name', 'campaign_type', 'day', 'days']
const DAY_KEYS = ['date', 'quantity']
const TRANSACTION_KEYS = ['transaction_id', 'campaign_id', 'code', 'card_number', 'date', 'amount', 'redeemed']
const MAX_LIST_NESTING = 4

/**
 * Turns a parsed dashboard response into a snapshot. status="error" → ApiError with the server's
 * message; any status other than "success" → ResponseError.
 */
export function normalize(raw: RawResponse, meta: Meta): StoreSnapshot {
  return build(raw, meta, new Reader(raw.rawEntities === true))
}

/**
 * normalize() for a tree from a plain JSON.parse, which rounds integer literals past 2^53: null when
 * text was read from such a number (an id sent unquoted), so that the caller parses exactly instead.
 */
export function normalizeUnlessRounded(raw: RawResponse, meta: Meta): StoreSnapshot | null {
  const r = new Reader(raw.rawEntities === true)
  try {
    const snapshot = build(raw, meta, r)
    return r.rounded ? null : snapshot
  } catch (err) {
    if (r.rounded) return null
    throw err
  }
}

type Meta = { accountId: string; fetchedAt: string; secret?: string }

function build(raw: RawResponse, meta: Meta, r: Reader): StoreSnapshot {
  const status = (raw.status ?? '').trim().toLowerCase()
  const root = raw.root
  if (status === 'error') {
    throw new ApiError(redact(errorMessage(get(root, 'error'), r) || r.str(get(root, 'message')), meta.secret))
  }
  if (status !== 'success') throw new ResponseError('not-dashboard')
  const tc = record(get(root, 'total_customers'))
  const tt = record(get(root, 'total_transactions'))
  return {
    accountId: meta.accountId,
    fetchedAt: meta.fetchedAt,
    customers: {
      allTime: r.count(get(tc, 'all_time')) ?? r.count(get(root, 'customer_count')),
      thisMonth: r.count(get(tc, 'this_month')),
      lastMonth: r.count(get(tc, 'last_month')),
      samePeriodLastMonth: r.count(get(tc, 'same_period_last_month')),
    },
    transactions: {
      thisMonth: r.count(get(tt, 'this_month')),
      lastMonth: r.count(get(tt, 'last_month')),
      samePeriodLastMonth: r.count(get(tt, 'same_period_last_month')),
    },
    activeCampaigns: r.count(get(root, 'active_campaigns_count')) ?? r.count(get(root, 'active_campaign_count')),
    mostActive: list(get(root, 'most_active'), 'customer', CUSTOMER_KEYS).map((c) => mostActive(c, r)),
    campaignActivity: list(get(root, 'campaigns_per_day_activity'), 'campaign', CAMPAIGN_KEYS).map((c) => campaign(c, r)),
    lastTransactions: list(get(root, 'last_X_transactions'), 'transaction', TRANSACTION_KEYS).map((t) => transaction(t, r)),
    lastCustomers: list(get(root, 'last_X_customers'), 'customer', CUSTOMER_KEYS).map((c) => recentCustomer(c, r)),
  }
}

function mostActive(c: Rec, r: Reader): MostActiveCustomer {
  return {
    code: r.str(c.code),
    cardNumber: r.str(c.card_number),
    firstName: r.str(c.first_name),
    lastName: r.str(c.last_name),
    transactions: r.count(c.transactions) ?? 0,
  }
}

function campaign(c: Rec, r: Reader): CampaignActivity {
  const days = list(get(c, 'day') ?? get(c, 'days'), 'day', DAY_KEYS).map((d) => ({
    date: r.str(d.date),
    quantity: r.count(d.quantity) ?? 0,
  }))
  return { campaignId: r.str(c.campaign_id), name: r.str(c.campaign_name), type: r.str(c.campaign_type), days: byDate(days) }
}

/** Days oldest first; servers send them newest first (reversed, not sorted) or already in order. */
function byDate<T extends { date: string }>(days: T[]): T[] {
  let ascending = true
  let descending = true
  for (let i = 1; i < days.length && (ascending || descending); i++) {
    if (days[i - 1]!.date > days[i]!.date) ascending = false
    if (days[i - 1]!.date <= days[i]!.date) descending = false
  }
  if (ascending) return days
  if (descending) return days.reverse()
  return days.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
}

function transaction(t: Rec, r: Reader): Transaction {
  return {
    transactionId: r.str(t.transaction_id),
    campaignId: r.str(t.campaign_id),
    campaignName: r.str(t.campaign_name),
    campaignType: r.str(t.campaign_type),
    code: r.str(t.code),
    cardNumber: r.str(t.card_number),
    firstName: r.str(t.first_name),
    lastName: r.str(t.last_name),
    date: r.str(t.date),
    amount: parseAmount(r.str(t.amount)),
    redeemed: isRedeemed(t.redeemed, r),
    item: r.str(t.item),
    description: r.str(t.description),
    user: r.str(t.user),
  }
}

function recentCustomer(c: Rec, r: Reader): RecentCustomer {
  return {
    code: r.str(c.code),
    cardNumber: r.str(c.card_number),
    firstName: r.str(c.first_name),
    lastName: r.str(c.last_name),
    timeStamp: r.str(c.time_stamp),
  }
}

/**
 * The elements of a list in any of its known shapes. Items are plain objects carrying at least one
 * of `itemKeys`; anything else (empty strings, counts like `<transactions>10</transactions>`) is not
 * an item. Returned items are the parsed objects themselves (see isPlainRecord).
 */
function list(v: unknown, singular: string, itemKeys: string[], depth = 0, out: Rec[] = []): Rec[] {
  if (depth > MAX_LIST_NESTING) return out
  if (Array.isArray(v)) {
    for (const x of v) list(x, singular, itemKeys, depth + 1, out)
    return out
  }
  if (!isPlainRecord(v)) return out
  if (hasAnyOwn(v, itemKeys)) out.push(v)
  else if (Object.hasOwn(v, singular)) list(v[singular], singular, itemKeys, depth + 1, out)
  return out
}

function hasAnyOwn(v: Rec, keys: string[]): boolean {
  for (const k of keys) if (Object.hasOwn(v, k)) return true
  return false
}

/**
 * An object straight from JSON.parse or the XML parser. List items' fields are then read directly,
 * without a copy: none of the names read is a property of Object.prototype, so a read sees only
 * what the server sent (a `__proto__` key from JSON.parse is an own property and changes nothing).
 */
function isPlainRecord(v: unknown): v is Rec {
  if (!isRecord(v)) return false
  const proto = Object.getPrototypeOf(v) as unknown
  return proto === Object.prototype || proto === null
}

/** Converts raw values (strings from XML, anything from JSON) into the snapshot's types. */
class Reader {
  /** Set when text was read from an integer JSON.parse may have rounded (past 2^53). */
  rounded = false
  constructor(private readonly decode: boolean) {}

  /** Text: trimmed, entity-decoded when the source left entities in; numbers as written. */
  str(v: unknown): string {
    if (typeof v === 'string') return (this.decode && v.includes('&') ? decodeEntities(v) : v).trim()
    if (typeof v === 'number' && Number.isFinite(v)) {
      if (!Number.isSafeInteger(v) && Number.isInteger(v)) this.rounded = true
      return String(v)
    }
    return ''
  }

  /** A non-negative integer count; null when absent or unreadable. */
  count(v: unknown): number | null {
    if (typeof v === 'number') return Number.isSafeInteger(v) && v >= 0 ? v : null
    const s = this.str(v)
    const m = /^\+?(\d+)(?:[.,]0+)?$/.exec(s)
    if (!m) return null
    const n = Number(m[1])
    return Number.isSafeInteger(n) ? n : null
  }
}

const SIMPLE_AMOUNT = /^(\d{1,15})(?:[.,](\d{1,15}))?$/

/**
 * An amount with a decimal point or comma ("9.95", "9,95"). When both appear ("1.234,56",
 * "1,234.56") the last one is the decimal separator and the other groups thousands; one separator
 * repeated ("1.234.567") groups thousands. null when absent or unreadable.
 */
export function parseAmount(s: string): number | null {
  // The usual shapes first ("12", "9,95", "9.95"): the general path below gives the same numbers.
  const simple = SIMPLE_AMOUNT.exec(s)
  if (simple) return Number(simple[2] === undefined ? simple[1] : `${simple[1]}.${simple[2]}`)
  const t = s.replace(/[\s\u00a0']/g, '')
  const m = /^([+-]?)(\d[\d.,]*)$/.exec(t)
  if (!m) return null
  const digits = m[2]
  const dec = Math.max(digits.lastIndexOf('.'), digits.lastIndexOf(','))
  if (dec === -1) return Number(`${m[1]}${digits}`)
  const sep = digits[dec]
  const repeated = digits.indexOf(sep) !== dec
  const [intPart, frac] = repeated ? [digits, ''] : [digits.slice(0, dec), digits.slice(dec + 1)]
  if (!repeated && !/^\d+$/.test(frac)) return null
  if (/[.,]/.test(intPart) && !/^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$/.test(intPart)) return null
  const n = Number(`${m[1]}${intPart.replace(/[.,]/g, '')}.${frac || '0'}`)
  return Number.isFinite(n) ? n : null
}

/** Only "N" or an empty value mean "not a redemption" (Y, R and anything else are redemptions). */
function isRedeemed(v: unknown, r: Reader): boolean {
  if (typeof v === 'boolean') return v
  const s = r.str(v).toUpperCase()
  return s !== '' && s !== 'N'
}

function errorMessage(v: unknown, r: Reader): string {
  if (isRecord(v)) return r.str(get(v, 'message')) || r.str(get(v, '#text'))
  return r.str(v)
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' }

/** Decodes the XML entities and numeric references once (`&amp;lt;` → `&lt;`); unknown ones stay. */
export function decodeEntities(s: string): string {
  if (!s.includes('&')) return s
  return s.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,6});/g, (whole, ref: string) => {
    if (ref[0] !== '#') return Object.hasOwn(NAMED, ref) ? NAMED[ref] : whole
    const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10)
    const ok = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff)
    return ok ? String.fromCodePoint(code) : whole
  })
}

function get(v: unknown, key: string): unknown {
  return isRecord(v) && Object.hasOwn(v, key) ? v[key] : undefined
}

function record(v: unknown): Rec | undefined {
  return isRecord(v) ? v : undefined
}
