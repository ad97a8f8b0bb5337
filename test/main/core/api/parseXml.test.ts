import { describe, expect, it } from 'vitest'
import type { StoreSnapshot } from '../../../../src/shared/model'
import { parseDashboard } from '../../../../src/main/core/api/parseDashboard'
import { ApiError, ResponseError } from '../../../../src/main/core/api/errors'
import { fixture, META } from './fixtures'

const parseXml = (body: string): StoreSnapshot => parseDashboard(body, 'xml', META)

/** The seed's example response, normalized by hand from API.md §3. */
const SEED_SNAPSHOT: StoreSnapshot = {
  accountId: 'greatwidgets',
  fetchedAt: '2024-05-01T12:00:00.000Z',
  customers: { allTime: 2845, thisMonth: 276, lastMonth: 498, samePeriodLastMonth: 248 },
  transactions: { thisMonth: 8905, lastMonth: 10567, samePeriodLastMonth: 9025 },
  activeCampaigns: 5,
  mostActive: [{ code: '12345678900123456', cardNumber: '16846', firstName: 'John', lastName: 'Smith', transactions: 124 }],
  campaignActivity: [
    {
      campaignId: '1234567890543216',
      name: 'Points Campaign',
      type: 'points',
      days: [{ date: '2013-05-10', quantity: 157 }],
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
      amount: 1500,
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

function rejection(fn: () => unknown): unknown {
  try {
    fn()
  } catch (err) {
    return err
  }
  throw new Error('expected a rejection')
}

describe('parseDashboard (XML) survives', () => {
  it('the seed example, with its </campaigns> closing a <campaign>', () => {
    const body = fixture('dashboard-seed-example.xml')
    expect(body).toContain('</campaigns>')
    expect(parseXml(body)).toEqual(SEED_SNAPSHOT)
  })

  it('a UTF-8 BOM', () => {
    const body = fixture('dashboard-bom.xml')
    expect(body.charCodeAt(0)).toBe(0xfeff)
    expect(parseXml(body)).toEqual(SEED_SNAPSHOT)
  })

  it('CRLF line endings', () => {
    const body = fixture('dashboard-crlf.xml')
    expect(body).toContain('\r\n')
    const snap = parseXml(body)
    expect(snap).toEqual(SEED_SNAPSHOT)
    expect(JSON.stringify(snap)).not.toMatch(/\r/)
  })

  it('raw & beside proper entities (&amp; &#233; &#xE9; &lt; &quot; &apos;)', () => {
    const snap = parseXml(fixture('dashboard-raw-ampersand.xml'))
    expect(snap.mostActive[0].firstName).toBe('Tom & Jerry & Co')
    expect(snap.mostActive[0].lastName).toBe('Renée Déjà <VIP> AT&T; R&D')
    const tx = snap.lastTransactions[0]
    expect(tx.campaignName).toBe(`Fish & Chips "Deal" '24`)
    expect(tx.item).toBe('Salt & vinegar')
    expect(tx.description).toBe('1 < 2 & 3 > 2')
    expect(tx.user).toBe('cashier&1')
  })

  it('many &amp; entities without hitting the expansion limit meant for DOCTYPE entities', () => {
    const names = Array.from(
      { length: 3000 },
      (_, i) => `<customer><code>${i}</code><first_name>A&amp;B&#233;</first_name><transactions>1</transactions></customer>`,
    ).join('')
    const snap = parseXml(`<response status="success"><most_active>${names}</most_active></response>`)
    expect(snap.mostActive).toHaveLength(3000)
    expect(snap.mostActive[2999].firstName).toBe('A&Bé')
  })

  it('lists with one element stay lists', () => {
    const snap = parseXml(fixture('dashboard-one-element-lists.xml'))
    expect(snap.mostActive).toHaveLength(1)
    expect(snap.campaignActivity).toHaveLength(1)
    expect(snap.campaignActivity[0].days).toEqual([{ date: '2024-01-02', quantity: 4 }])
    expect(snap.lastTransactions.map((t) => t.transactionId)).toEqual(['55'])
    expect(snap.lastCustomers.map((c) => c.timeStamp)).toEqual(['2024-01-02 10:00:00'])
  })

  it('empty lists, and zero kept distinct from missing', () => {
    const snap = parseXml(fixture('dashboard-empty-lists.xml'))
    expect(snap.mostActive).toEqual([])
    expect(snap.campaignActivity).toEqual([])
    expect(snap.lastTransactions).toEqual([])
    expect(snap.lastCustomers).toEqual([])
    expect(snap.customers).toEqual({ allTime: 0, thisMonth: 0, lastMonth: 0, samePeriodLastMonth: 0 })
    expect(snap.transactions).toEqual({ thisMonth: 0, lastMonth: 0, samePeriodLastMonth: 0 })
    expect(snap.activeCampaigns).toBe(0)
  })

  it('missing sections become null figures and empty lists', () => {
    const snap = parseXml(fixture('dashboard-missing-sections.xml'))
    expect(snap.customers).toEqual({ allTime: 2845, thisMonth: null, lastMonth: null, samePeriodLastMonth: null })
    expect(snap.transactions).toEqual({ thisMonth: null, lastMonth: null, samePeriodLastMonth: null })
    expect(snap.activeCampaigns).toBeNull()
    expect([snap.mostActive, snap.campaignActivity, snap.lastTransactions, snap.lastCustomers]).toEqual([[], [], [], []])
  })

  it('ids beyond 2^53 and with leading zeros stay exact strings', () => {
    const snap = parseXml(fixture('dashboard-big-ids.xml'))
    expect(snap.mostActive.map((c) => [c.code, c.cardNumber])).toEqual([
      ['12345678900123456', '0016846'],
      ['99999999999999999999', '00000000000000000001'],
    ])
    expect(snap.campaignActivity[0].campaignId).toBe('0001234567890543216')
    expect(snap.campaignActivity[0].days).toEqual([])
    const tx = snap.lastTransactions[0]
    expect([tx.transactionId, tx.campaignId, tx.code, tx.cardNumber]).toEqual(['000123456', '9007199254740993', '12345678900123457', '0'])
    expect(tx.amount).toBeNull() // "1e3" is not an amount format the server uses
    expect(tx.campaignName).toBe('')
  })

  it('amounts with a decimal comma or point', () => {
    const snap = parseXml(fixture('dashboard-decimal-comma.xml'))
    expect(snap.lastTransactions.map((t) => t.amount)).toEqual([9.95, 9.95, 1234.5, null, null])
  })

  it('redeemed: only N or empty mean false', () => {
    const snap = parseXml(fixture('dashboard-redeemed.xml'))
    expect(snap.lastTransactions.map((t) => t.redeemed)).toEqual([false, true, true, false, false])
  })

  it('CDATA sections, kept literal and trimmed', () => {
    const c = parseXml(fixture('dashboard-cdata.xml')).lastCustomers[0]
    expect(c.code).toBe('0042')
    expect(c.firstName).toBe('Ben & <Jerry>')
    expect(c.lastName).toBe('&amp; stays literal')
  })

  it('unknown elements, attributes, a declaration, a comment and a namespace', () => {
    const snap = parseXml(fixture('dashboard-unknown-elements.xml'))
    expect(snap.mostActive).toEqual([{ code: '7', cardNumber: '8', firstName: 'Zoe', lastName: 'Ng', transactions: 2 }])
    expect(snap.activeCampaigns).toBe(3)
  })

  it('active_campaign_count as well as active_campaigns_count', () => {
    expect(parseXml(fixture('dashboard-active-campaign-count.xml')).activeCampaigns).toBe(4)
  })

  it('days out of order are sorted ascending', () => {
    const days = parseXml(fixture('dashboard-days-unordered.xml')).campaignActivity[0].days
    expect(days.map((d) => d.date)).toEqual(['2023-12-31', '2024-02-28', '2024-03-01', '2024-03-03'])
    expect(days.map((d) => d.quantity)).toEqual([0, 1, 2, 3])
  })

  it('empty <item></item>, <description/> and blank text', () => {
    const txs = parseXml(fixture('dashboard-empty-item.xml')).lastTransactions
    expect(txs.map((t) => [t.item, t.description])).toEqual([
      ['', ''],
      ['', ''],
    ])
  })
})

describe('parseDashboard (XML) rejects', () => {
  it.each([
    ['dashboard-truncated.xml', 'truncated'],
    ['dashboard-truncated-after-element.xml', 'truncated'],
    ['not-dashboard-error-page.html', 'not-dashboard'],
    ['not-dashboard-error-page-nodoctype.html', 'not-dashboard'],
    ['dashboard-mismatched.xml', 'malformed'],
    ['dashboard-proto.xml', 'malformed'],
    ['dashboard-constructor.xml', 'malformed'],
    ['dashboard-billion-laughs.xml', 'malformed'],
    ['dashboard-no-status.xml', 'not-dashboard'],
  ])('%s with ResponseError(%s)', (name, problem) => {
    const err = rejection(() => parseXml(fixture(name)))
    expect(err).toBeInstanceOf(ResponseError)
    expect((err as ResponseError).problem).toBe(problem)
  })

  it('leaves Object.prototype untouched by a __proto__ element', () => {
    rejection(() => parseXml(fixture('dashboard-proto.xml')))
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('an empty or blank body', () => {
    for (const body of ['', '   \n', '\uFEFF']) {
      expect((rejection(() => parseXml(body)) as ResponseError).problem).toBe('empty')
    }
  })

  it('random bytes', () => {
    let seed = 42
    const bytes = Buffer.alloc(4096, 0).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 256)
    const err = rejection(() => parseXml(new TextDecoder().decode(bytes)))
    expect(err).toBeInstanceOf(ResponseError)
  })

  it('100k nested tags, quickly and without a stack overflow', () => {
    const body = `<response status="success">${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}</response>`
    const err = rejection(() => parseXml(body))
    expect((err as ResponseError).problem).toBe('malformed')
    expect((err as ResponseError).message).toMatch(/nested too deeply/)
  })

  it('a body over the cap, before parsing it', () => {
    const body = `<response status="success">${' '.repeat(2000)}</response>`
    const err = rejection(() => parseDashboard(body, 'xml', META, 1000))
    expect((err as ResponseError).problem).toBe('too-large')
  })

  it('content after the root element', () => {
    const err = rejection(() => parseXml('<response status="success"></response><response status="success"></response>'))
    expect((err as ResponseError).problem).toBe('malformed')
  })

  it('a success document without its closing tag even when every section is complete', () => {
    const body = fixture('dashboard-seed-example.xml').replace('</response>', '')
    expect((rejection(() => parseXml(body)) as ResponseError).problem).toBe('truncated')
  })

  it('gives a short, single-line excerpt of what was received', () => {
    const err = rejection(() => parseXml(fixture('not-dashboard-error-page.html'))) as ResponseError
    expect(err.excerpt.startsWith('<!DOCTYPE html> <html><head><title>502 Bad Gateway')).toBe(true)
    expect(err.excerpt.length).toBeLessThanOrEqual(120)
    expect(err.excerpt).not.toMatch(/[\r\n]/)
  })
})

describe('parseDashboard (XML) server errors', () => {
  it('status="error" becomes an ApiError with the server message', () => {
    const err = rejection(() => parseXml(fixture('dashboard-error.xml')))
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).serverMessage).toBe('Error message')
    expect((err as ApiError).kind).toBe('api')
  })

  it('decodes entities in the message and reads a declaration first', () => {
    const err = rejection(() => parseXml(fixture('dashboard-error-custom.xml'))) as ApiError
    expect(err.serverMessage).toBe('Invalid API key & user combination')
    expect(err.message).toBe('The server refused the request: Invalid API key & user combination')
  })
})
