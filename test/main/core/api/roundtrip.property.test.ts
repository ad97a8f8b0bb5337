/**
 * Property: any snapshot, rendered to dashboard XML by a small serializer written here (with
 * varying entity styles and decimal separators, days shuffled), parses back to itself.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { StoreSnapshot, Transaction } from '../../../../src/shared/model'
import { parseDashboard } from '../../../../src/main/core/api/parseDashboard'

const META = { accountId: 'acc', fetchedAt: '2024-05-01T12:00:00.000Z' }

/** Ids as the platform sends them: digits, leading zeros, often longer than 2^53 allows. */
const id = fc.stringMatching(/^[0-9]{1,20}$/)
const chars = fc.constantFrom(...'aZé èÉüßñ&<>\'"; #xX0123-ø中😀'.split(/(?:)/u))
const text = fc.string({ unit: chars, maxLength: 16 }).map((s) => s.trim())
const count = fc.nat({ max: 10_000_000 })
const optCount = fc.option(count, { nil: null })
const date = fc
  .date({ min: new Date('2010-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10))

const transaction: fc.Arbitrary<Transaction> = fc.record({
  transactionId: id,
  campaignId: id,
  campaignName: text,
  campaignType: text,
  code: id,
  cardNumber: id,
  firstName: text,
  lastName: text,
  date,
  amount: fc.option(
    fc.integer({ min: -1_000_000, max: 100_000_000 }).map((c) => c / 100),
    { nil: null },
  ),
  redeemed: fc.boolean(),
  item: text,
  description: text,
  user: text,
})

const snapshot: fc.Arbitrary<StoreSnapshot> = fc.record({
  accountId: fc.constant(META.accountId),
  fetchedAt: fc.constant(META.fetchedAt),
  customers: fc.record({ allTime: optCount, thisMonth: optCount, lastMonth: optCount, samePeriodLastMonth: optCount }),
  transactions: fc.record({ thisMonth: optCount, lastMonth: optCount, samePeriodLastMonth: optCount }),
  activeCampaigns: optCount,
  mostActive: fc.array(fc.record({ code: id, cardNumber: id, firstName: text, lastName: text, transactions: count }), { maxLength: 3 }),
  campaignActivity: fc.array(
    fc.record({
      campaignId: id,
      name: text,
      type: text,
      days: fc
        .uniqueArray(fc.record({ date, quantity: count }), { selector: (d) => d.date, maxLength: 4 })
        .map((days) => [...days].sort((a, b) => (a.date < b.date ? -1 : 1))),
    }),
    { maxLength: 3 },
  ),
  lastTransactions: fc.array(transaction, { maxLength: 3 }),
  lastCustomers: fc.array(fc.record({ code: id, cardNumber: id, firstName: text, lastName: text, timeStamp: text }), {
    maxLength: 3,
  }),
})

interface Style {
  entities: 'named' | 'decimal' | 'hex'
  comma: boolean
  seedTypo: boolean
}

/** Escapes text for XML in one of three equivalent styles. */
function esc(s: string, style: Style): string {
  return [...s]
    .map((ch) => {
      const special = '&<>"\''.includes(ch)
      const cp = ch.codePointAt(0)!
      if (style.entities === 'named') {
        const named: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
        return named[ch] ?? ch
      }
      if (!special && cp < 128) return ch
      return style.entities === 'decimal' ? `&#${cp};` : `&#x${cp.toString(16)};`
    })
    .join('')
}

function el(name: string, value: string | number | null, style: Style): string {
  return value === null ? '' : `<${name}>${esc(String(value), style)}</${name}>`
}

function amount(v: number | null, style: Style): string {
  if (v === null) return '<amount></amount>'
  const s = v.toFixed(2)
  return `<amount>${style.comma ? s.replace('.', ',') : s}</amount>`
}

function toXml(s: StoreSnapshot, style: Style): string {
  const e = (n: string, v: string | number | null): string => el(n, v, style)
  const closeCampaign = style.seedTypo ? '</campaigns>' : '</campaign>'
  return [
    '<response status="success">',
    `<most_active>${s.mostActive.map((c) => `<customer>${e('code', c.code)}${e('card_number', c.cardNumber)}${e('first_name', c.firstName)}${e('last_name', c.lastName)}${e('transactions', c.transactions)}</customer>`).join('')}</most_active>`,
    `<total_customers>${e('all_time', s.customers.allTime)}${e('this_month', s.customers.thisMonth)}${e('last_month', s.customers.lastMonth)}${e('same_period_last_month', s.customers.samePeriodLastMonth)}</total_customers>`,
    `<total_transactions>${e('this_month', s.transactions.thisMonth)}${e('last_month', s.transactions.lastMonth)}${e('same_period_last_month', s.transactions.samePeriodLastMonth)}</total_transactions>`,
    e('active_campaigns_count', s.activeCampaigns),
    `<campaigns_per_day_activity>${s.campaignActivity
      .map(
        (c) =>
          `<campaign>${e('campaign_id', c.campaignId)}${e('campaign_name', c.name)}${e('campaign_type', c.type)}${[...c.days]
            .reverse()
            .map((d) => `<day>${e('date', d.date)}${e('quantity', d.quantity)}</day>`)
            .join('')}${closeCampaign}`,
      )
      .join('')}</campaigns_per_day_activity>`,
    `<last_X_transactions>${e('transactions', s.lastTransactions.length)}${s.lastTransactions.map((t) => `<transaction>${e('transaction_id', t.transactionId)}${e('campaign_id', t.campaignId)}${e('campaign_name', t.campaignName)}${e('campaign_type', t.campaignType)}${e('code', t.code)}${e('card_number', t.cardNumber)}${e('first_name', t.firstName)}${e('last_name', t.lastName)}${e('date', t.date)}${amount(t.amount, style)}${e('redeemed', t.redeemed ? 'Y' : 'N')}<item>${esc(t.item, style)}</item>${e('description', t.description)}${e('user', t.user)}</transaction>`).join('\n')}</last_X_transactions>`,
    `<last_X_customers>${s.lastCustomers.map((c) => `<customer>${e('code', c.code)}${e('card_number', c.cardNumber)}${e('first_name', c.firstName)}${e('last_name', c.lastName)}${e('time_stamp', c.timeStamp)}</customer>`).join('')}</last_X_customers>`,
    '</response>',
  ].join('\n')
}

const style: fc.Arbitrary<Style> = fc.record({
  entities: fc.constantFrom('named' as const, 'decimal' as const, 'hex' as const),
  comma: fc.boolean(),
  seedTypo: fc.boolean(),
})

describe('XML round trip', () => {
  it('parse(render(snapshot)) equals the snapshot', () => {
    fc.assert(
      fc.property(snapshot, style, (snap, st) => {
        expect(parseDashboard(toXml(snap, st), 'xml', META)).toEqual(snap)
      }),
      { numRuns: 300 },
    )
  })
})
