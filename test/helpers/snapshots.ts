/**
 * Builders for snapshots in tests: a complete StoreSnapshot with sensible figures, overridable.
 */
import type { StoreSnapshot } from '../../src/shared/model'

/** A StoreSnapshot with every section filled; pass overrides for what the test is about. */
export function makeSnapshot(overrides: Partial<StoreSnapshot> = {}): StoreSnapshot {
  return {
    accountId: 'greatwidgets',
    fetchedAt: '2026-11-29T12:00:00.000Z',
    customers: { allTime: 2845, thisMonth: 276, lastMonth: 498, samePeriodLastMonth: 248 },
    transactions: { thisMonth: 8905, lastMonth: 10567, samePeriodLastMonth: 9025 },
    activeCampaigns: 5,
    mostActive: [{ code: '12345678900123456', cardNumber: '016846', firstName: 'John', lastName: 'Smith', transactions: 124 }],
    campaignActivity: [
      {
        campaignId: '1234567890543216',
        name: 'Points Campaign',
        type: 'points',
        days: [
          { date: '2026-11-28', quantity: 157 },
          { date: '2026-11-29', quantity: 80 },
        ],
      },
    ],
    lastTransactions: [],
    lastCustomers: [],
    ...overrides,
  }
}
