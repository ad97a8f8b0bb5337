import { describe, expect, it } from 'vitest'
import { boundSnapshot, isIsoDay, MAX_CAMPAIGNS } from '../../../../src/main/core/api/bounds'
import { DEFAULT_SIZES, type StoreSnapshot } from '../../../../src/shared/model'

const base: StoreSnapshot = {
  accountId: 'a',
  fetchedAt: '2026-01-31T10:00:00.000Z',
  customers: { allTime: 1, thisMonth: 1, lastMonth: 1, samePeriodLastMonth: 1 },
  transactions: { thisMonth: 1, lastMonth: 1, samePeriodLastMonth: 1 },
  activeCampaigns: 1,
  mostActive: [],
  campaignActivity: [],
  lastTransactions: [],
  lastCustomers: [],
}

describe('isIsoDay', () => {
  it.each(['2024-02-29', '2026-01-31', '1999-12-01'])('accepts %s', (d) => expect(isIsoDay(d)).toBe(true))
  it.each([
    '2023-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-1-01',
    '10/05/2026',
    '',
    '2026-01-3x',
    '+202-01-01',
    '2026-01-01T00',
  ])('refuses %s', (d) => expect(isIsoDay(d)).toBe(false))
})

describe('boundSnapshot', () => {
  it('keeps a snapshot within the asked sizes as it is, with no note', () => {
    const s = { ...base, campaignActivity: [{ campaignId: '1', name: 'c', type: 'points', days: [{ date: '2026-01-31', quantity: 1 }] }] }
    expect(boundSnapshot(s, { ...DEFAULT_SIZES })).toEqual({ snapshot: s, notes: [] })
  })

  it('keeps the first items of each list and the newest days of each campaign', () => {
    const customer = (i: number) => ({ code: `${i}`, cardNumber: '', firstName: '', lastName: '', timeStamp: '' })
    const days = Array.from({ length: 5 }, (_, i) => ({ date: `2026-01-0${i + 1}`, quantity: i }))
    const s = { ...base, lastCustomers: [0, 1, 2].map(customer), campaignActivity: [{ campaignId: '1', name: 'c', type: 'points', days }] }
    const { snapshot, notes } = boundSnapshot(s, { ...DEFAULT_SIZES, lastCustomers: 2, days: 3 })
    expect(snapshot.lastCustomers.map((c) => c.code)).toEqual(['0', '1'])
    expect(snapshot.campaignActivity[0].days.map((d) => d.date)).toEqual(['2026-01-03', '2026-01-04', '2026-01-05'])
    expect(notes).toHaveLength(2)
  })

  it('keeps at most MAX_CAMPAIGNS campaigns, with a note', () => {
    const campaign = (i: number) => ({ campaignId: `${i}`, name: `c${i}`, type: 'points', days: [{ date: '2026-01-31', quantity: 1 }] })
    const s = { ...base, campaignActivity: Array.from({ length: MAX_CAMPAIGNS + 50 }, (_, i) => campaign(i)) }
    const { snapshot, notes } = boundSnapshot(s, { ...DEFAULT_SIZES })
    expect(snapshot.campaignActivity).toHaveLength(MAX_CAMPAIGNS)
    expect(snapshot.campaignActivity[0]!.campaignId).toBe('0')
    expect(notes).toEqual([`the server sent ${MAX_CAMPAIGNS + 50} campaigns; the first ${MAX_CAMPAIGNS} are kept`])
  })
})
