/**
 * What a store's dashboard says at an instant: the simulation's counts shaped as the normalized
 * snapshot (minus the client-side fields), ready to be rendered as XML or JSON.
 */
import type { CampaignActivity, StoreSnapshot, Transaction } from '../../../shared/model'
import type { CampaignType } from './catalog'
import { hashInts, mulberry32, pick } from './rand'
import {
  countJoins,
  countTransactions,
  joinsBefore,
  latestJoins,
  latestTransactions,
  mostActiveAt,
  txByCampaignUpTo,
  type Span,
  type TxEvent,
} from './sim'
import { customerAt, type SimStore } from './stores'
import { civilOf, DAY, dayIndexOf, formatDay, formatLocal, localCutMs } from './time'

/** A dashboard response's content: the snapshot without what the client adds. */
export type DashboardData = Omit<StoreSnapshot, 'fetchedAt' | 'accountId'>

/** The optional sections a request asked for; an absent member means "not asked". */
export interface DashboardRequest {
  mostActive?: number
  customerCount?: boolean
  customersThisMonth?: boolean
  transactionsThisMonth?: boolean
  activeCampaigns?: boolean
  /** campaigns_per_day_activity: number of days. */
  days?: number
  lastTransactions?: number
  lastCustomers?: number
}

/** Upper bounds the demo applies to list sizes and to the activity window. */
export const MAX_LIST = 500
export const MAX_DAYS = 366

/** The store-calendar periods of API.md: this month so far, last month, its same period. */
export interface PeriodSpans {
  today: number
  msInDay: number
  thisMonth: Span
  lastMonth: Span
  samePeriodLastMonth: Span
}

/**
 * Splits the store's calendar around local instant `cut`. The same period last month runs over
 * last month's days 1..today's day-of-month up to the same time of day, clamped to last month's
 * length (on 31 March it is all of February).
 */
export function periodSpans(cut: number): PeriodSpans {
  const today = Math.floor(cut / DAY)
  const msInDay = cut - today * DAY
  const c = civilOf(today)
  const monthStart = today - (c.day - 1)
  const lastStart = dayIndexOf(c.year, c.month - 1, 1)
  const lastMonth = { from: lastStart, to: monthStart, upTo: -1 }
  const same = c.day <= monthStart - lastStart ? { from: lastStart, to: lastStart + c.day - 1, upTo: msInDay } : lastMonth
  return { today, msInDay, thisMonth: { from: monthStart, to: today, upTo: msInDay }, lastMonth, samePeriodLastMonth: same }
}

function clampCount(n: number | undefined, max: number): number {
  return n === undefined || !Number.isFinite(n) ? 0 : Math.min(max, Math.max(0, Math.floor(n)))
}

/**
 * The dashboard of `store` at `now`, with only the sections `request` asks for (others are null
 * or empty). Pure and deterministic: same store, request and instant give the same data.
 */
export function dashboardFor(store: SimStore, request: DashboardRequest, now: Date): DashboardData {
  const cut = localCutMs(store.timeZone, now.getTime())
  const p = periodSpans(cut)
  const joins = (span: Span): number | null => (request.customersThisMonth ? countJoins(store, span) : null)
  const txs = (span: Span): number | null => (request.transactionsThisMonth ? countTransactions(store, span) : null)
  return {
    customers: {
      allTime: request.customerCount ? countJoins(store, { from: store.openDay, to: p.today, upTo: p.msInDay }) : null,
      thisMonth: joins(p.thisMonth),
      lastMonth: joins(p.lastMonth),
      samePeriodLastMonth: joins(p.samePeriodLastMonth),
    },
    transactions: { thisMonth: txs(p.thisMonth), lastMonth: txs(p.lastMonth), samePeriodLastMonth: txs(p.samePeriodLastMonth) },
    activeCampaigns: request.activeCampaigns ? store.campaigns.length : null,
    mostActive: mostActiveAt(store, cut, clampCount(request.mostActive, MAX_LIST)).map(({ k, transactions }) => ({
      ...customerAt(store, k),
      transactions,
    })),
    campaignActivity: activity(store, p, clampCount(request.days, MAX_DAYS)),
    lastTransactions: latestTransactions(store, cut, clampCount(request.lastTransactions, MAX_LIST)).map((e) => transactionOf(store, e)),
    lastCustomers: latestJoins(store, cut, clampCount(request.lastCustomers, MAX_LIST)).map(({ k, localMs }) => ({
      ...customerAt(store, k),
      timeStamp: formatLocal(localMs),
    })),
  }
}

function activity(store: SimStore, p: PeriodSpans, days: number): CampaignActivity[] {
  if (days === 0) return []
  const result: CampaignActivity[] = store.campaigns.map((c) => ({ campaignId: c.id, name: c.name, type: c.type, days: [] }))
  for (let d = p.today - days + 1; d <= p.today; d++) {
    const counts = txByCampaignUpTo(store, d, d === p.today ? p.msInDay : DAY)
    const date = formatDay(d)
    counts.forEach((quantity, c) => result[c].days.push({ date, quantity }))
  }
  return result
}

type Detail = Pick<Transaction, 'amount' | 'redeemed' | 'item' | 'description'>

const EVENTS = ['Wine & cheese night', 'Book signing', 'Latte art <beginners>', 'Summer BBQ', "Owner's tasting"]

function money(store: SimStore, rng: () => number): number {
  const [lo, hi] = store.kind.ticket
  return Math.round(lo * Math.pow(hi / lo, rng())) / 100
}

function detailFor(store: SimStore, type: CampaignType, rng: () => number): Detail {
  const u = rng()
  switch (type) {
    case 'points':
      return u < 0.08
        ? { amount: 0, redeemed: true, item: pick(store.kind.items, rng()), description: 'Reward redeemed' }
        : { amount: money(store, rng), redeemed: false, item: '', description: 'Purchase' }
    case 'giftcard':
      return u < 0.3
        ? { amount: pick([10, 20, 25, 50, 100], rng()), redeemed: false, item: '', description: 'Gift card load' }
        : { amount: money(store, rng), redeemed: true, item: '', description: 'Gift card purchase' }
    case 'events':
      return { amount: u < 0.6 ? null : money(store, rng), redeemed: false, item: pick(EVENTS, rng()), description: 'Event check-in' }
    case 'earned':
      return u < 0.1
        ? { amount: null, redeemed: true, item: '', description: 'Reward: free item' }
        : { amount: null, redeemed: false, item: '', description: `Earned ${5 * (1 + Math.floor(rng() * 20))} points` }
    case 'buyx': {
      const stamp = 1 + Math.floor(u * 10)
      return stamp === 10
        ? { amount: null, redeemed: true, item: pick(store.kind.items, rng()), description: 'Free item' }
        : {
            amount: rng() < 0.5 ? null : money(store, rng),
            redeemed: false,
            item: pick(store.kind.items, rng()),
            description: `Stamp ${stamp} of 10`,
          }
    }
  }
}

function transactionOf(store: SimStore, ev: TxEvent): Transaction {
  const campaign = store.campaigns[ev.campaign]
  const rng = mulberry32(hashInts(store.seed, ev.day, ev.hour, ev.campaign, ev.seq, 0x7f))
  const members = joinsBefore(store, ev.day)
  const k = Math.floor(rng() * (rng() < 0.2 ? Math.min(members, 50) : members))
  const who = customerAt(store, k)
  return {
    transactionId: String((ev.day * 24 + ev.hour) * 10000 + ev.rank),
    campaignId: campaign.id,
    campaignName: campaign.name,
    campaignType: campaign.type,
    ...who,
    date: formatLocal(ev.day * DAY + ev.msInDay),
    ...detailFor(store, campaign.type, rng),
    user: pick(store.cashiers, rng()),
  }
}
