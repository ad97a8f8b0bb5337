/**
 * Generators of realistic dashboard bodies for the parse benchmark: a worst case (~2 MB, the
 * largest list sizes the request accepts) and the default request (10 rows per list, 30 days).
 */
const TARGET_CHARS = 2 * 1024 * 1024

/** Rows per list. */
interface Rows {
  mostActive: number
  campaigns: number
  days: number
  txs: number
  customers: number
}

/**
 * ~2 MB: 1000 most active, 60 campaigns × 366 days, then transactions and customers until the
 * size is reached (a little beyond the 1000-row lists the request can ask for).
 */
const WORST: Rows = { mostActive: 1000, campaigns: 60, days: 366, txs: 4000, customers: 4000 }
/** What DEFAULT_SIZES asks for, with 5 active campaigns. */
export const DEFAULT_ROWS: Rows = { mostActive: 10, campaigns: 5, days: 30, txs: 10, customers: 10 }

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

function customer(i: number): Record<string, string> {
  return {
    code: String(12345678900000000n + BigInt(i)),
    card_number: String(10000 + i).padStart(7, '0'),
    first_name: i % 7 === 0 ? 'Renée & Zoë' : 'John',
    last_name: `Smith-${i}`,
  }
}

function transaction(i: number): Record<string, string> {
  return {
    transaction_id: String(900000 + i),
    campaign_id: '1234567890543216',
    campaign_name: i % 5 === 0 ? 'Fish & Chips "Deal"' : 'Points Campaign',
    campaign_type: 'points',
    ...customer(i),
    date: `2024-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`,
    amount: `${i % 100},${String(i % 100).padStart(2, '0')}`,
    redeemed: ['N', 'Y', 'R', ''][i % 4],
    item: i % 3 === 0 ? '' : `Item ${i}`,
    description: `Purchase number ${i} at the front desk`,
    user: 'cashier123',
  }
}

function xmlFields(o: Record<string, string>): string {
  return Object.entries(o)
    .map(([k, v]) => `<${k}>${esc(v)}</${k}>`)
    .join('')
}

function day(d: number): { date: string; quantity: number } {
  const date = new Date(Date.UTC(2023, 0, 1 + d)).toISOString().slice(0, 10)
  return { date, quantity: (d * 37) % 200 }
}

/** A realistic XML dashboard of about 2 MB. */
export function bigXml(n: Rows = WORST): string {
  const parts: string[] = []
  let length = 0
  const add = (s: string): void => {
    parts.push(s)
    length += s.length
  }
  add('<response status="success">\n<most_active>')
  for (let i = 0; i < n.mostActive; i++)
    add(`<customer>${xmlFields({ ...customer(i), transactions: String(500 - (i % 500)) })}</customer>\n`)
  add(
    '</most_active><total_customers><all_time>2845</all_time><this_month>276</this_month><last_month>498</last_month><same_period_last_month>248</same_period_last_month></total_customers>',
  )
  add(
    `<total_transactions><this_month>8905</this_month><last_month>10567</last_month><same_period_last_month>9025</same_period_last_month></total_transactions><active_campaigns_count>${n.campaigns}</active_campaigns_count>\n<campaigns_per_day_activity>`,
  )
  for (let c = 0; c < n.campaigns; c++) {
    add(
      `<campaign><campaign_id>${1234567890543216 + c}</campaign_id><campaign_name>Campaign ${c}</campaign_name><campaign_type>points</campaign_type>`,
    )
    for (let d = n.days - 1; d >= 0; d--) add(`<day><date>${day(d).date}</date><quantity>${day(d).quantity}</quantity></day>`)
    add('</campaign>\n')
  }
  add(`</campaigns_per_day_activity>\n<last_X_transactions><transactions>${n.txs}</transactions>`)
  for (let i = 0; length < TARGET_CHARS * 0.8 && i < n.txs; i++) add(`<transaction>${xmlFields(transaction(i))}</transaction>\n`)
  add('</last_X_transactions>\n<last_X_customers>')
  for (let i = 0; length < TARGET_CHARS && i < n.customers; i++) {
    add(`<customer>${xmlFields({ ...customer(i), time_stamp: '2013-05-10 13:14:56' })}</customer>\n`)
  }
  add('</last_X_customers>\n</response>\n')
  return parts.join('')
}

/** The same content in the canonical JSON shape, padded with transactions to about 2 MB. */
export function bigJson(n: Rows = WORST): string {
  const doc = {
    status: 'success',
    most_active: Array.from({ length: n.mostActive }, (_, i) => ({ ...customer(i), transactions: 500 - (i % 500) })),
    total_customers: { all_time: 2845, this_month: 276, last_month: 498, same_period_last_month: 248 },
    total_transactions: { this_month: 8905, last_month: 10567, same_period_last_month: 9025 },
    active_campaigns_count: n.campaigns,
    campaigns_per_day_activity: Array.from({ length: n.campaigns }, (_, c) => ({
      campaign_id: String(1234567890543216 + c),
      campaign_name: `Campaign ${c}`,
      campaign_type: 'points',
      day: Array.from({ length: n.days }, (_, d) => day(n.days - 1 - d)),
    })),
    last_X_transactions: [] as Record<string, string>[],
    last_X_customers: Array.from({ length: n.customers }, (_, i) => ({ ...customer(i), time_stamp: '2013-05-10 13:14:56' })),
  }
  let text = JSON.stringify(doc)
  const per = JSON.stringify(transaction(0)).length + 1
  const missing = Math.min(n.txs, Math.max(0, Math.ceil((TARGET_CHARS - text.length) / per)))
  doc.last_X_transactions = Array.from({ length: missing }, (_, i) => transaction(i))
  text = JSON.stringify(doc)
  return text
}
