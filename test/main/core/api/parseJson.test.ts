import { describe, expect, it } from 'vitest'
import type { StoreSnapshot } from '../../../../src/shared/model'
import { parseDashboard } from '../../../../src/main/core/api/parseDashboard'
import { quoteBigIntegers } from '../../../../src/main/core/api/parseJson'
import { ApiError, ResponseError } from '../../../../src/main/core/api/errors'
import { fixture, META } from './fixtures'

const parseJson = (body: string): StoreSnapshot => parseDashboard(body, 'json', META)

function rejection(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

const CANONICAL: StoreSnapshot = {
  ...META,
  customers: { allTime: 2845, thisMonth: 276, lastMonth: 498, samePeriodLastMonth: 248 },
  transactions: { thisMonth: 8905, lastMonth: 10567, samePeriodLastMonth: 9025 },
  activeCampaigns: 5,
  mostActive: [{ code: '12345678900123456', cardNumber: '16846', firstName: 'John', lastName: 'Smith', transactions: 124 }],
  campaignActivity: [
    {
      campaignId: '1234567890543216',
      name: 'Points Campaign',
      type: 'points',
      days: [
        { date: '2013-05-10', quantity: 157 },
        { date: '2013-05-11', quantity: 160 },
      ],
    },
  ],
  lastTransactions: [
    {
      transactionId: '123456',
      campaignId: '1234567890543216',
      campaignName: 'Points Campaign',
      campaignType: 'points',
      code: '12345678900123456',
      cardNumber: '16846',
      firstName: 'John',
      lastName: 'Smith',
      date: '2013-05-10',
      amount: 15,
      redeemed: false,
      item: '',
      description: 'Smith',
      user: 'cashier123',
    },
  ],
  lastCustomers: [
    { code: '12345678900123456', cardNumber: '16846', firstName: 'John', lastName: 'Smith', timeStamp: '2013-05-10 13:14:56' },
  ],
}

describe('parseDashboard (JSON) survives', () => {
  it('the canonical shape (days sorted)', () => {
    expect(parseJson(fixture('dashboard-canonical.json'))).toEqual(CANONICAL)
  })

  it('JSONP fn({...});', () => {
    expect(parseJson(fixture('dashboard-jsonp.js'))).toEqual(CANONICAL)
  })

  it('JSONP /**/ ns.fn ({...}) without semicolon', () => {
    expect(parseJson(fixture('dashboard-jsonp-nosemicolon.js'))).toEqual(CANONICAL)
  })

  it('lists as a single object, days under "days", transactions as {transactions, transaction}', () => {
    const snap = parseJson(fixture('dashboard-json-single-objects.json'))
    expect(snap.mostActive).toEqual(CANONICAL.mostActive)
    expect(snap.campaignActivity).toEqual([{ campaignId: '1', name: 'C', type: 'points', days: [{ date: '2013-05-10', quantity: 157 }] }])
    expect(snap.lastTransactions).toEqual(CANONICAL.lastTransactions)
    expect(snap.lastCustomers).toEqual(CANONICAL.lastCustomers)
  })

  it('lists under the singular name, as an array or an object', () => {
    const snap = parseJson(fixture('dashboard-json-singular-containers.json'))
    expect(snap.mostActive).toHaveLength(2)
    expect(snap.campaignActivity[0].days.map((d) => d.date)).toEqual(['2013-05-10', '2013-05-12'])
    expect(snap.lastTransactions.map((t) => t.transactionId)).toEqual(['123456', '123457'])
    expect(snap.lastCustomers).toEqual(CANONICAL.lastCustomers)
  })

  it('empty lists as "", [], {}, null, a bare count or an empty singular list', () => {
    const a = parseJson(fixture('dashboard-json-empty-lists.json'))
    const b = parseJson(fixture('dashboard-json-empty-object-list.json'))
    for (const snap of [a, b]) {
      expect([snap.mostActive, snap.campaignActivity, snap.lastTransactions, snap.lastCustomers]).toEqual([[], [], [], []])
    }
    expect(a.customers).toEqual({ allTime: null, thisMonth: null, lastMonth: null, samePeriodLastMonth: null })
    expect(a.transactions).toEqual({ thisMonth: null, lastMonth: null, samePeriodLastMonth: null })
    expect(a.activeCampaigns).toBeNull()
  })

  it('numbers as strings, and ids as numbers', () => {
    const snap = parseJson(fixture('dashboard-json-strings.json'))
    expect(snap.customers).toEqual({ allTime: 2845, thisMonth: 276, lastMonth: 0, samePeriodLastMonth: 248 })
    expect(snap.transactions.lastMonth).toBe(10567)
    expect(snap.activeCampaigns).toBe(5)
    expect(snap.mostActive[0]).toMatchObject({ code: '12345', cardNumber: '16846', transactions: 124 })
    expect(snap.lastTransactions[0]).toMatchObject({ amount: 15, redeemed: false })
  })

  it('ids beyond 2^53 sent as bare JSON numbers stay exact', () => {
    const snap = parseJson(fixture('dashboard-json-big-number-ids.json'))
    expect(snap.mostActive[0].code).toBe('12345678900123456')
    expect(snap.lastTransactions[0].transactionId).toBe('x 12345678900123456 y')
    expect(snap.lastTransactions[0].campaignId).toBe('1234567890543216')
    expect(snap.lastTransactions[0].amount).toBeCloseTo(1.1234567890123457, 15)
  })

  it('entity references in JSON text are decoded once', () => {
    const c = parseJson(fixture('dashboard-json-entities.json')).mostActive[0]
    expect(c.firstName).toBe('Tom & Jerry & Co')
    expect(c.lastName).toBe('Renée &lt;')
  })

  it('__proto__ and constructor keys neither pollute nor leak into the snapshot', () => {
    const snap = parseJson(fixture('dashboard-json-proto.json'))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(snap.customers.allTime).toBeNull()
    expect(snap.mostActive).toEqual([{ code: '1', cardNumber: '', firstName: '', lastName: '', transactions: 2 }])
    expect(Object.getPrototypeOf(snap.mostActive[0])).toBe(Object.prototype)
  })

  it('a {"response": {...}} wrapper', () => {
    const body = JSON.stringify({ response: JSON.parse(fixture('dashboard-canonical.json')) })
    expect(parseJson(body)).toEqual(CANONICAL)
  })

  it('an XML body although JSON was asked for (read by what it is)', () => {
    expect(parseJson(fixture('dashboard-seed-example.xml')).activeCampaigns).toBe(5)
  })
})

describe('parseDashboard (JSON) rejects', () => {
  it.each([
    ['dashboard-json-no-status.json', 'not-dashboard'],
    ['dashboard-json-truncated.json', 'truncated'],
    ['not-dashboard-error-page.html', 'not-dashboard'],
  ])('%s with ResponseError(%s)', (name, problem) => {
    const err = rejection(() => parseJson(fixture(name)))
    expect(err).toBeInstanceOf(ResponseError)
    expect((err as ResponseError).problem).toBe(problem)
  })

  it.each([['[]'], ['"success"'], ['null'], ['42'], ['{"status":"ok"}'], ['callback(']])('%s', (body) => {
    expect(rejection(() => parseJson(body))).toBeInstanceOf(ResponseError)
  })

  it('100k nested arrays without a stack overflow', () => {
    const body = `{"status":"success","most_active":${'['.repeat(100_000)}${']'.repeat(100_000)}}`
    expect(parseJson(body).mostActive).toEqual([])
  })

  it('status "error" becomes an ApiError with the server message', () => {
    const err = rejection(() => parseJson(fixture('dashboard-error.json')))
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).serverMessage).toBe('Invalid API key')
  })
})

describe('quoteBigIntegers', () => {
  it('quotes only long integer literals outside strings', () => {
    expect(quoteBigIntegers('{"a":12345678900123456,"b":"12345678900123456","c":[1234567890123456789]}')).toBe(
      '{"a":"12345678900123456","b":"12345678900123456","c":["1234567890123456789"]}',
    )
  })

  it('leaves decimals, exponents, short numbers and escaped quotes alone', () => {
    const text = '{"a":1.12345678901234567,"b":12345678901234567e2,"c":123,"d":"x\\"12345678901234567"}'
    expect(quoteBigIntegers(text)).toBe(text)
  })
})
