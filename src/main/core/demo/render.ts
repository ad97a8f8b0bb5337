/**
 * Renders dashboard data the way the platform sends it: XML in the seed document's shape (with the
 * correct closing tags), or the canonical JSON. Pure, and lossless for any DashboardData so that a
 * parser can be property-tested against it: null figures become missing elements, empty lists
 * missing sections.
 */
import type { Transaction } from '../../../shared/model'
import type { DashboardData } from './data'

/**
 * Escapes text for an XML element: `&`, `<`, `>`, and CR as `&#13;` (a raw CR would be read back
 * as LF). Other control characters have no XML 1.0 form at all; they are left as they are.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>\r]/g, (ch) => (ch === '&' ? '&amp;' : ch === '<' ? '&lt;' : ch === '>' ? '&gt;' : '&#13;'))
}

/**
 * An amount as the platform prints it: two decimals ("15.00") when that is exact, otherwise the
 * shortest exact form, so parsing it back gives the same number. null → empty.
 */
export function formatAmount(amount: number | null): string {
  if (amount === null) return ''
  const fixed = amount.toFixed(2)
  return Number(fixed) === amount ? fixed : String(amount)
}

type Fields = [string, string | number][]

function el(name: string, value: string | number, indent: string): string {
  return `${indent}<${name}>${escapeXml(String(value))}</${name}>\n`
}

function block(name: string, fields: Fields, indent: string): string {
  const inner = fields.map(([k, v]) => el(k, v, `${indent}  `)).join('')
  return `${indent}<${name}>\n${inner}${indent}</${name}>\n`
}

function figures(name: string, fields: [string, number | null][]): string {
  const known = fields.filter((f): f is [string, number] => f[1] !== null)
  return known.length ? block(name, known, '  ') : ''
}

function transactionFields(t: Transaction): Fields {
  return [
    ['transaction_id', t.transactionId],
    ['campaign_id', t.campaignId],
    ['campaign_name', t.campaignName],
    ['campaign_type', t.campaignType],
    ['code', t.code],
    ['card_number', t.cardNumber],
    ['first_name', t.firstName],
    ['last_name', t.lastName],
    ['date', t.date],
    ['amount', formatAmount(t.amount)],
    ['redeemed', t.redeemed ? 'Y' : 'N'],
    ['item', t.item],
    ['description', t.description],
    ['user', t.user],
  ]
}

function person(c: { code: string; cardNumber: string; firstName: string; lastName: string }): Fields {
  return [
    ['code', c.code],
    ['card_number', c.cardNumber],
    ['first_name', c.firstName],
    ['last_name', c.lastName],
  ]
}

function section(name: string, body: string): string {
  return body ? `  <${name}>\n${body}  </${name}>\n` : ''
}

function campaignXml(a: DashboardData['campaignActivity'][number]): string {
  const i = '      '
  const head = el('campaign_id', a.campaignId, i) + el('campaign_name', a.name, i) + el('campaign_type', a.type, i)
  const days = a.days
    .map((d) =>
      block(
        'day',
        [
          ['date', d.date],
          ['quantity', d.quantity],
        ],
        i,
      ),
    )
    .join('')
  return `    <campaign>\n${head}${days}    </campaign>\n`
}

function transactionsXml(tx: Transaction[]): string {
  if (!tx.length) return ''
  const items = tx.map((x) => block('transaction', transactionFields(x), '    ')).join('')
  return section('last_X_transactions', el('transactions', tx.length, '    ') + items)
}

/** The success response as XML, in the seed's element order and shape. */
export function renderXml(data: DashboardData): string {
  const c = data.customers
  const t = data.transactions
  const list = <T>(items: T[], fields: (x: T) => Fields): string => items.map((x) => block('customer', fields(x), '    ')).join('')
  return [
    '<response status="success">\n',
    section(
      'most_active',
      list(data.mostActive, (m) => [...person(m), ['transactions', m.transactions]]),
    ),
    figures('total_customers', [
      ['all_time', c.allTime],
      ['this_month', c.thisMonth],
      ['last_month', c.lastMonth],
      ['same_period_last_month', c.samePeriodLastMonth],
    ]),
    figures('total_transactions', [
      ['this_month', t.thisMonth],
      ['last_month', t.lastMonth],
      ['same_period_last_month', t.samePeriodLastMonth],
    ]),
    data.activeCampaigns === null ? '' : el('active_campaigns_count', data.activeCampaigns, '  '),
    section('campaigns_per_day_activity', data.campaignActivity.map(campaignXml).join('')),
    transactionsXml(data.lastTransactions),
    section(
      'last_X_customers',
      list(data.lastCustomers, (r) => [...person(r), ['time_stamp', r.timeStamp]]),
    ),
    '</response>\n',
  ].join('')
}

function personJson(c: { code: string; cardNumber: string; firstName: string; lastName: string }): Record<string, string> {
  return { code: c.code, card_number: c.cardNumber, first_name: c.firstName, last_name: c.lastName }
}

function withoutNulls(fields: Record<string, number | null>): Record<string, number> | undefined {
  const known = Object.entries(fields).filter((e): e is [string, number] => e[1] !== null)
  return known.length ? Object.fromEntries(known) : undefined
}

/** The success response as the canonical JSON: lists as arrays, ids as strings, counts as numbers. */
export function renderJson(data: DashboardData, opts: { condensed?: boolean } = {}): string {
  const c = data.customers
  const t = data.transactions
  const body: Record<string, unknown> = {
    status: 'success',
    most_active: data.mostActive.map((m) => ({ ...personJson(m), transactions: m.transactions })),
    total_customers: withoutNulls({
      all_time: c.allTime,
      this_month: c.thisMonth,
      last_month: c.lastMonth,
      same_period_last_month: c.samePeriodLastMonth,
    }),
    total_transactions: withoutNulls({
      this_month: t.thisMonth,
      last_month: t.lastMonth,
      same_period_last_month: t.samePeriodLastMonth,
    }),
    active_campaigns_count: data.activeCampaigns ?? undefined,
    campaigns_per_day_activity: data.campaignActivity.map((a) => ({
      campaign_id: a.campaignId,
      campaign_name: a.name,
      campaign_type: a.type,
      day: a.days.map((d) => ({ date: d.date, quantity: d.quantity })),
    })),
    last_X_transactions: data.lastTransactions.map((x) => Object.fromEntries(transactionFields(x))),
    last_X_customers: data.lastCustomers.map((r) => ({ ...personJson(r), time_stamp: r.timeStamp })),
  }
  for (const [k, v] of Object.entries(body)) if (v === undefined || (Array.isArray(v) && v.length === 0)) delete body[k]
  return JSON.stringify(body, null, opts.condensed ? undefined : 2)
}

/** An error response in XML: the platform's `<response status="error">` with one message. */
export function renderErrorXml(message: string): string {
  return `<response status="error">\n  <error>${escapeXml(message)}</error>\n</response>\n`
}

/** An error response in JSON. */
export function renderErrorJson(message: string, opts: { condensed?: boolean } = {}): string {
  return JSON.stringify({ status: 'error', error: message }, null, opts.condensed ? undefined : 2)
}
