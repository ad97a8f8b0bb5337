/**
 * The pure renderers (escaping, shape, round trip through an independent XML reader and JSON.parse)
 * and the realism of the generated data.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dashboardFor,
  formatAmount,
  generateStores,
  renderErrorXml,
  renderJson,
  renderXml,
  type DashboardData,
} from '../../../../src/main/core/demo'
import type { Transaction } from '../../../../src/shared/model'
import { parseXml } from './kit'

/* eslint-disable @typescript-eslint/no-explicit-any */
const num = (v: unknown): number | null => (v === undefined ? null : Number(v))
const str = (v: unknown): string => (v === undefined ? '' : String(v))
const person = (c: any) => ({ code: str(c.code), cardNumber: str(c.card_number), firstName: str(c.first_name), lastName: str(c.last_name) })
const amount = (v: string): number | null => (v === '' ? null : Number(v))

function transaction(t: any): Transaction {
  return {
    transactionId: str(t.transaction_id),
    campaignId: str(t.campaign_id),
    campaignName: str(t.campaign_name),
    campaignType: str(t.campaign_type),
    ...person(t),
    date: str(t.date),
    amount: amount(str(t.amount)),
    redeemed: str(t.redeemed) === 'Y',
    item: str(t.item),
    description: str(t.description),
    user: str(t.user),
  }
}

/** An independent reader (fast-xml-parser / JSON.parse), standing in for the real client's parser. */
function read(r: any, lists: { mostActive: any[]; campaigns: any[]; transactions: any[]; customers: any[] }): DashboardData {
  const c = r.total_customers ?? {}
  const t = r.total_transactions ?? {}
  return {
    customers: {
      allTime: num(c.all_time),
      thisMonth: num(c.this_month),
      lastMonth: num(c.last_month),
      samePeriodLastMonth: num(c.same_period_last_month),
    },
    transactions: { thisMonth: num(t.this_month), lastMonth: num(t.last_month), samePeriodLastMonth: num(t.same_period_last_month) },
    activeCampaigns: num(r.active_campaigns_count),
    mostActive: lists.mostActive.map((m) => ({ ...person(m), transactions: Number(m.transactions) })),
    campaignActivity: lists.campaigns.map((a) => ({
      campaignId: str(a.campaign_id),
      name: str(a.campaign_name),
      type: str(a.campaign_type),
      days: (a.day ?? []).map((d: any) => ({ date: str(d.date), quantity: Number(d.quantity) })),
    })),
    lastTransactions: lists.transactions.map(transaction),
    lastCustomers: lists.customers.map((x) => ({ ...person(x), timeStamp: str(x.time_stamp) })),
  }
}

function readXml(xml: string): DashboardData {
  const r = parseXml(xml)
  expect(r['@status']).toBe('success')
  return read(r, {
    mostActive: r.most_active?.customer ?? [],
    campaigns: r.campaigns_per_day_activity?.campaign ?? [],
    transactions: r.last_X_transactions?.transaction ?? [],
    customers: r.last_X_customers?.customer ?? [],
  })
}

function readJson(json: string): DashboardData {
  const r = JSON.parse(json)
  expect(r.status).toBe('success')
  return read(r, {
    mostActive: r.most_active ?? [],
    campaigns: r.campaigns_per_day_activity ?? [],
    transactions: r.last_X_transactions ?? [],
    customers: r.last_X_customers ?? [],
  })
}
/* eslint-enable @typescript-eslint/no-explicit-any */

const EMPTY: DashboardData = {
  customers: { allTime: null, thisMonth: null, lastMonth: null, samePeriodLastMonth: null },
  transactions: { thisMonth: null, lastMonth: null, samePeriodLastMonth: null },
  activeCampaigns: null,
  mostActive: [],
  campaignActivity: [],
  lastTransactions: [],
  lastCustomers: [],
}

const TRICKY = "Smith & Sons <b>\"Ltd\"</b> 'O'Brien' &amp; ]]> Zoë Peña Müller 😀 a\tb\nc\rd"

describe('renderXml / renderJson', () => {
  const sample: DashboardData = {
    ...EMPTY,
    customers: { allTime: 2845, thisMonth: 0, lastMonth: null, samePeriodLastMonth: 248 },
    activeCampaigns: 0,
    mostActive: [{ code: '12345678900123456', cardNumber: '0016846', firstName: TRICKY, lastName: "O'Brien", transactions: 124 }],
    lastTransactions: [
      {
        transactionId: '123456',
        campaignId: '1234567890543216',
        campaignName: 'Points & <More>',
        campaignType: 'points',
        code: '98765432109876543',
        cardNumber: '000001',
        firstName: 'José',
        lastName: 'Núñez',
        date: '2013-05-10 13:14:56',
        amount: null,
        redeemed: true,
        item: '',
        description: TRICKY,
        user: 'bar&kitchen',
      },
    ],
  }

  it('escapes &, < and > and keeps ids as written', () => {
    const xml = renderXml(sample)
    expect(xml).toContain('<first_name>Smith &amp; Sons &lt;b&gt;"Ltd"&lt;/b&gt;')
    expect(xml).toContain('&amp;amp;')
    expect(xml).toContain('<code>12345678900123456</code>')
    expect(xml).toContain('<card_number>0016846</card_number>')
    expect(xml).toContain('<amount></amount>')
    expect(xml).toContain('<redeemed>Y</redeemed>')
    expect(xml).toContain('<transactions>1</transactions>')
    expect(xml).not.toContain('<last_month>') // null figure: no element
    expect(xml).toContain('<this_month>0</this_month>') // zero is not null
    expect(xml).toContain('<active_campaigns_count>0</active_campaigns_count>')
  })

  it('writes the canonical JSON: arrays, string ids, numeric counts, string amounts', () => {
    const json = JSON.parse(renderJson({ ...sample, lastTransactions: [{ ...sample.lastTransactions[0], amount: 15, redeemed: false }] }))
    expect(json.status).toBe('success')
    expect(json.total_customers).toEqual({ all_time: 2845, this_month: 0, same_period_last_month: 248 })
    expect(json.most_active[0]).toMatchObject({ code: '12345678900123456', card_number: '0016846', transactions: 124 })
    expect(json.last_X_transactions[0]).toMatchObject({ amount: '15.00', redeemed: 'N', item: '' })
    expect(json).not.toHaveProperty('total_transactions')
    expect(json).not.toHaveProperty('campaigns_per_day_activity')
  })

  it('round-trips the sample through XML and JSON', () => {
    expect(readJson(renderJson(sample))).toEqual(sample)
    const xml = readXml(renderXml(sample))
    // fast-xml-parser does not decode &#13; (a conforming parser would): compare without CR.
    const noCr = (d: DashboardData) => JSON.parse(JSON.stringify(d).replace(/\\r|&#13;/g, ''))
    expect(noCr(xml)).toEqual(noCr(sample))
  })

  it('renders an empty dashboard as a bare success', () => {
    expect(renderXml(EMPTY)).toBe('<response status="success">\n</response>\n')
    expect(renderJson(EMPTY, { condensed: true })).toBe('{"status":"success"}')
  })

  it('formats amounts with cents when exact, losslessly otherwise', () => {
    expect(formatAmount(15)).toBe('15.00')
    expect(formatAmount(9.95)).toBe('9.95')
    expect(formatAmount(1.005)).toBe('1.005')
    expect(formatAmount(null)).toBe('')
    expect(renderErrorXml('a & b')).toBe('<response status="error">\n  <error>a &amp; b</error>\n</response>\n')
  })

  it('round-trips any data (property)', () => {
    // Text the XML reader trims and normalizes is kept out: edge whitespace and CR.
    const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => s.replace(/\r/g, '').trim())
    const count = fc.nat({ max: 1e9 })
    const fig = fc.option(count, { nil: null })
    const who = { code: text, cardNumber: text, firstName: text, lastName: text }
    const data: fc.Arbitrary<DashboardData> = fc.record({
      customers: fc.record({ allTime: fig, thisMonth: fig, lastMonth: fig, samePeriodLastMonth: fig }),
      transactions: fc.record({ thisMonth: fig, lastMonth: fig, samePeriodLastMonth: fig }),
      activeCampaigns: fig,
      mostActive: fc.array(fc.record({ ...who, transactions: count }), { maxLength: 3 }),
      campaignActivity: fc.array(
        fc.record({
          campaignId: text,
          name: text,
          type: text,
          days: fc.array(fc.record({ date: text, quantity: count }), { minLength: 1, maxLength: 3 }),
        }),
        { maxLength: 3 },
      ),
      lastTransactions: fc.array(
        fc.record({
          transactionId: text,
          campaignId: text,
          campaignName: text,
          campaignType: text,
          ...who,
          date: text,
          amount: fc.option(
            fc.double({ noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)),
            { nil: null },
          ),
          redeemed: fc.boolean(),
          item: text,
          description: text,
          user: text,
        }),
        { maxLength: 3 },
      ),
      lastCustomers: fc.array(fc.record({ ...who, timeStamp: text }), { maxLength: 3 }),
    })
    fc.assert(
      fc.property(data, (d) => {
        expect(readXml(renderXml(d))).toEqual(d)
        expect(readJson(renderJson(d, { condensed: true }))).toEqual(d)
      }),
      { numRuns: 300 },
    )
  })
})

describe('generated data', () => {
  const stores = generateStores(20, 1)
  const all = {
    mostActive: 50,
    customerCount: true,
    customersThisMonth: true,
    transactionsThisMonth: true,
    activeCampaigns: true,
    days: 7,
    lastTransactions: 100,
    lastCustomers: 100,
  }
  const now = new Date('2025-11-20T15:00:00Z')
  const dashboards = stores.map((s) => dashboardFor(s, all, now))

  it('has stores of very different sizes, labels with & and accents, varied zones', () => {
    const sizes = dashboards.map((d) => d.customers.allTime!)
    expect(Math.min(...sizes)).toBeLessThan(600)
    expect(Math.max(...sizes)).toBeGreaterThan(30_000)
    expect(stores.map((s) => s.label)).toEqual(
      expect.arrayContaining(['Harbour Café', 'Greenwich & Sons Hardware', 'Bäckerei Müller', 'Northside Books']),
    )
    expect(new Set(stores.map((s) => s.timeZone)).size).toBeGreaterThan(10)
    expect(generateStores(60, 1).map((s) => s.label).length).toBe(60)
    expect(new Set(generateStores(60, 1).map((s) => s.accountId)).size).toBe(60)
  })

  it('has 2-6 campaigns per store from the five types', () => {
    for (const s of stores) {
      expect(s.campaigns.length).toBeGreaterThanOrEqual(2)
      expect(s.campaigns.length).toBeLessThanOrEqual(6)
      for (const c of s.campaigns) expect(['points', 'giftcard', 'events', 'earned', 'buyx']).toContain(c.type)
    }
  })

  it('has big codes, zero-padded cards, awkward names, cents, redemptions and cashiers', () => {
    const people = dashboards.flatMap((d) => [...d.mostActive, ...d.lastCustomers, ...d.lastTransactions])
    const txs = dashboards.flatMap((d) => d.lastTransactions)
    for (const p of people) expect(p.code).toMatch(/^[1-9]\d{15,16}$/)
    expect(people.some((p) => BigInt(p.code) > BigInt(Number.MAX_SAFE_INTEGER))).toBe(true)
    expect(people.some((p) => p.cardNumber.startsWith('0'))).toBe(true)
    const names = people.map((p) => `${p.firstName} ${p.lastName}`).join('|')
    for (const ch of ['&', "'", 'é', 'ñ', 'ü']) expect(names).toContain(ch)
    expect(txs.some((t) => t.amount !== null && !Number.isInteger(t.amount))).toBe(true)
    expect(txs.some((t) => t.amount === null)).toBe(true)
    expect(txs.some((t) => t.redeemed)).toBe(true)
    expect(txs.every((t) => t.user.length > 0)).toBe(true)
  })

  it('lists latest first, all at or before now in store-local time, days ascending', () => {
    for (const d of dashboards) {
      const stamps = d.lastTransactions.map((t) => t.date)
      expect([...stamps].sort().reverse()).toEqual(stamps)
      for (const s of stamps) expect(s).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
      const joined = d.lastCustomers.map((c) => c.timeStamp)
      expect([...joined].sort().reverse()).toEqual(joined)
      for (const a of d.campaignActivity) expect(a.days.map((x) => x.date)).toEqual([...a.days.map((x) => x.date)].sort())
    }
    // Harbour Café is in London (UTC+0 in November): nothing after 15:00 local.
    expect(dashboards[0].lastTransactions[0].date <= '2025-11-20 15:00:00').toBe(true)
    // Northside Books is in Sydney (UTC+11): its day is already 21 November.
    expect(dashboards[3].campaignActivity[0].days.at(-1)!.date).toBe('2025-11-21')
  })
})
