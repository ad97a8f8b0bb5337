/**
 * Property: whatever the demo server can produce (any seed, store, moment and request sizes) comes
 * back through the client's parser as the same StoreSnapshot, from its XML and from its JSON.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { dashboardFor, generateStores, renderJson, renderXml, type DashboardData } from '../../../../src/main/core/demo'
import { parseDashboard } from '../../../../src/main/core/api/parseDashboard'

const META = { accountId: 'store', fetchedAt: '2026-11-29T12:00:00.000Z' }

/** What the parser must give back for demo data: the data itself, days ascending. */
function expected(data: DashboardData) {
  return { ...META, ...data }
}

describe('demo server output through the parser', () => {
  it('is the same snapshot from XML and from JSON, for any seed, store, moment and sizes', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.integer({ min: 0, max: 5 }),
        fc.date({ min: new Date('2016-01-01T00:00:00Z'), max: new Date('2030-12-31T23:59:59Z'), noInvalidDate: true }),
        fc.record({
          mostActive: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
          customerCount: fc.boolean(),
          customersThisMonth: fc.boolean(),
          transactionsThisMonth: fc.boolean(),
          activeCampaigns: fc.boolean(),
          days: fc.option(fc.integer({ min: 1, max: 90 }), { nil: undefined }),
          lastTransactions: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
          lastCustomers: fc.option(fc.integer({ min: 1, max: 50 }), { nil: undefined }),
        }),
        (seed, index, now, request) => {
          const store = generateStores(6, seed)[index]!
          const data = dashboardFor(store, request, now)
          const fromXml = parseDashboard(renderXml(data), 'xml', META)
          const fromJson = parseDashboard(renderJson(data), 'json', META)
          expect(fromXml).toEqual(expected(data))
          expect(fromJson).toEqual(fromXml)
          expect(parseDashboard(renderJson(data, { condensed: true }), 'json', META)).toEqual(fromXml)
        },
      ),
      { numRuns: 60, seed: 20261129 },
    )
  })
})
