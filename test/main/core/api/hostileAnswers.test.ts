/**
 * The real client against the real demo server (loopback HTTP) answering with hostile bodies on
 * demand: nothing freezes, floods, corrupts dates or carries the key out in disguise.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SIZES, type ResponseFormat } from '../../../../src/shared/model'
import { fetchDashboard } from '../../../../src/main/core/api/client'
import { ApiError, HttpError, ResponseError } from '../../../../src/main/core/api/errors'
import { startDemoServer, type DemoServer, type DemoStore, type HostileBody } from '../../../../src/main/core/demo'

let server: DemoServer
let store: DemoStore
const warnings: string[] = []

beforeAll(async () => {
  server = await startDemoServer({ stores: 1, seed: 3 })
  store = server.stores[0]
})
afterAll(async () => server?.close())
beforeEach(() => {
  warnings.length = 0
  server.setFault('*', null)
})

function fetchWith(body: HostileBody, format: ResponseFormat = 'xml', size?: number) {
  server.setFault(store.accountId, { kind: 'hostile', body, ...(size ? { size } : {}) })
  return fetchDashboard({
    endpoint: server.url,
    userId: store.userId,
    accountId: store.accountId,
    key: store.key,
    format,
    sizes: { ...DEFAULT_SIZES },
    onWarning: (m) => warnings.push(m),
  })
}

/** The key in any form a reader could decode: plain, lower case, or the first half of it. */
function expectNoKey(value: unknown): void {
  const text = JSON.stringify(value)
  expect(text).not.toContain(store.key)
  expect(text.toLowerCase()).not.toContain(store.key.toLowerCase())
}

describe('hostile answers from the demo server', () => {
  it.each(['json', 'xml'] as const)(
    'JSONP-like text with a long whitespace tail, asked as %s, is refused at once (it used to take minutes)',
    async (format) => {
      const err = await fetchWith('jsonpWhitespace', format, 1_000_000).catch((e: unknown) => e)
      expect(err).toBeInstanceOf(ResponseError)
      expect((err as ResponseError).problem).toBe('not-dashboard')
    },
  )

  it.each(['xml', 'json'] as const)('a key echoed as %s references or escapes never reaches the snapshot', async (format) => {
    const snapshot = await fetchWith('keyEcho', format)
    expect(snapshot.lastCustomers).toHaveLength(1)
    expect(snapshot.lastCustomers[0].firstName).toBe('[redacted]')
    expectNoKey(snapshot)
  })

  it.each(['xml', 'json'] as const)('a key echoed encoded in a %s error message never reaches the error', async (format) => {
    const err = await fetchWith('keyEchoError', format).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).message).toContain('[redacted]')
    expectNoKey({ message: (err as Error).message, stack: (err as Error).stack, json: err })
  })

  it('a key the parser joins from pieces, at the point where the message is shortened, leaves no part behind', async () => {
    const err = await fetchWith('keyEchoCut').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ApiError)
    const text = JSON.stringify({ message: (err as Error).message, json: err })
    expect(text).toContain('[redacted]')
    expect(text).not.toContain(store.key.slice(0, 6))
  })

  it('lists are cut to what was asked, the newest days kept, and the user is told', async () => {
    const snapshot = await fetchWith('longLists', 'xml', 5_000)
    expect(snapshot.lastTransactions).toHaveLength(DEFAULT_SIZES.lastTransactions)
    expect(snapshot.lastTransactions[0].transactionId).toBe('0')
    expect(snapshot.lastCustomers).toHaveLength(DEFAULT_SIZES.lastCustomers)
    expect(snapshot.mostActive).toHaveLength(DEFAULT_SIZES.mostActive)
    const days = snapshot.campaignActivity[0].days
    expect(days).toHaveLength(DEFAULT_SIZES.days)
    expect(days.at(-1)!.date).toBe('2026-01-31')
    expect(days[0].date).toBe('2026-01-02')
    expect(warnings.join('\n')).toMatch(/5000 transactions where 10 were asked for/)
  })

  it('per-day dates that are not real YYYY-MM-DD days are dropped, with a warning', async () => {
    const snapshot = await fetchWith('badDates')
    expect(snapshot.campaignActivity[0].days.map((d) => d.date)).toEqual(['2026-01-30', '2026-01-31'])
    expect(warnings).toEqual([expect.stringMatching(/4 per-day entries were dropped/)])
  })

  it('a non-2xx answer is read for its message only when it is short', async () => {
    const err = await fetchWith('hugeError', 'xml', 1_000_000).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(HttpError)
    expect((err as HttpError).status).toBe(500)
    const short = await fetchWith('hugeError', 'xml', 1_000).catch((e: unknown) => e)
    expect(short).toBeInstanceOf(ApiError)
  })
})
