/**
 * The generative model behind every figure. Customers join and transactions happen at
 * deterministic pseudo-random instants on the store's wall clock, addressed by (store, day, hour,
 * campaign, sequence), so any period can be counted without replaying history and a later `now`
 * only ever adds events. Finished days are immutable and cached per store; only the current hour
 * is recomputed on each request.
 */
import { hashInts, mulberry32, poisson, unit } from './rand'
import type { SimStore } from './stores'
import { civilOf, DAY, HOUR } from './time'

/** How far past opening the model runs (~270 years); later instants are clamped. */
const MAX_DAY_SPAN = 100_000
const DAY_CACHE_LIMIT = 1200
/** How far back "latest transactions" looks before giving up (a store can be quiet for a while). */
const MAX_WALK_DAYS = 120
/** Candidates for "most active": the store's first members, who have had longest to be loyal. */
const MOST_ACTIVE_POOL = 500
const SEASON = [0.85, 0.9, 0.95, 1, 1, 1, 0.95, 0.95, 1, 1, 1.1, 1.3]

interface DayTx {
  /** Transactions per (hour, campaign): index hour * campaigns + campaign. */
  counts: Uint16Array
  byCampaign: number[]
  total: number
}

interface StoreCache {
  /** joinPrefix[i] = customers who joined on days openDay .. openDay + i - 1. */
  joinPrefix: number[]
  days: Map<number, DayTx>
}

const caches = new WeakMap<SimStore, StoreCache>()

function cacheOf(store: SimStore): StoreCache {
  let c = caches.get(store)
  if (!c) {
    c = { joinPrefix: [0], days: new Map() }
    caches.set(store, c)
  }
  return c
}

function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7 // 1970-01-01 was a Thursday
}

function weekFactor(store: SimStore, day: number): number {
  const w = store.kind.weekly
  return (w[weekday(day)] * w.length) / w.reduce((a, b) => a + b, 0)
}

function joinsOnDay(store: SimStore, day: number): number {
  const age = day - store.openDay
  const w = store.kind.weekly[weekday(day)]
  if (age < 0 || w === 0) return 0
  const mean = store.growthA * (age + store.growthK) * (0.5 + 0.5 * w)
  return poisson(mean, mulberry32(hashInts(store.seed, day, 0x701)))
}

/** Customers who joined before local day `day` (all earlier days). */
export function joinsBefore(store: SimStore, day: number): number {
  const p = cacheOf(store).joinPrefix
  const i = Math.min(Math.max(0, day - store.openDay), MAX_DAY_SPAN)
  while (p.length <= i) p.push(p[p.length - 1] + joinsOnDay(store, store.openDay + p.length - 1))
  return p[i]
}

function hourOf(store: SimStore, u: number): number {
  let acc = 0
  for (let h = 0; h < 24; h++) {
    acc += store.hours[h]
    if (u < acc) return h
  }
  return store.kind.close - 1
}

/** The ms-in-day of each join on a day, ascending; join j is customer joinsBefore(day) + j. */
export function joinTimes(store: SimStore, day: number): number[] {
  const n = joinsBefore(store, day + 1) - joinsBefore(store, day)
  const times: number[] = []
  for (let j = 0; j < n; j++) {
    const h = hourOf(store, unit(hashInts(store.seed, day, j, 0x702)))
    times.push(h * HOUR + Math.floor(unit(hashInts(store.seed, day, j, 0x703)) * HOUR))
  }
  return times.sort((a, b) => a - b)
}

/** Customers who joined on `day` at or before `msInDay`. */
export function joinsUpTo(store: SimStore, day: number, msInDay: number): number {
  if (msInDay < 0) return 0
  return joinTimes(store, day).filter((t) => t <= msInDay).length
}

function computeDay(store: SimStore, day: number): DayTx {
  const nc = store.campaigns.length
  const counts = new Uint16Array(24 * nc)
  const byCampaign = new Array<number>(nc).fill(0)
  const customers = joinsBefore(store, day)
  const noise = 0.85 + 0.3 * unit(hashInts(store.seed, day, 0x7d))
  const base = customers * store.kind.visitRate * weekFactor(store, day) * SEASON[civilOf(day).month - 1] * noise
  const cap = Math.floor(9999 / nc) // keeps per-hour ranks, hence transaction ids, within 4 digits
  let total = 0
  for (let h = 0; base > 0 && h < 24; h++) {
    if (store.hours[h] === 0) continue
    for (let c = 0; c < nc; c++) {
      const lambda = base * store.hours[h] * store.campaigns[c].share
      const n = Math.min(cap, poisson(lambda, mulberry32(hashInts(store.seed, day, h, c, 0x7c))))
      counts[h * nc + c] = n
      byCampaign[c] += n
      total += n
    }
  }
  return { counts, byCampaign, total }
}

function dayTx(store: SimStore, day: number): DayTx {
  const cache = cacheOf(store).days
  let tx = cache.get(day)
  if (!tx) {
    tx = computeDay(store, day)
    if (cache.size >= DAY_CACHE_LIMIT) {
      let drop = DAY_CACHE_LIMIT / 4
      for (const k of cache.keys()) {
        if (drop-- <= 0) break
        cache.delete(k)
      }
    }
    cache.set(day, tx)
  }
  return tx
}

/** One transaction's address in the model; `rank` orders it within its hour (and gives its id). */
export interface TxEvent {
  day: number
  hour: number
  campaign: number
  seq: number
  rank: number
  msInDay: number
}

/** All transactions of one hour of one day, in time order. */
export function hourEvents(store: SimStore, day: number, hour: number): TxEvent[] {
  const nc = store.campaigns.length
  const counts = dayTx(store, day).counts
  const out: TxEvent[] = []
  for (let c = 0; c < nc; c++) {
    for (let i = 0; i < counts[hour * nc + c]; i++) {
      const ms = hour * HOUR + Math.floor(unit(hashInts(store.seed, day, hour, c, i, 0x7e)) * HOUR)
      out.push({ day, hour, campaign: c, seq: i, rank: 0, msInDay: ms })
    }
  }
  out.sort((a, b) => a.msInDay - b.msInDay || a.campaign - b.campaign || a.seq - b.seq)
  out.forEach((e, r) => (e.rank = r))
  return out
}

/** Transactions per campaign on `day` at or before `msInDay` (>= DAY for the whole day). */
export function txByCampaignUpTo(store: SimStore, day: number, msInDay: number): number[] {
  const tx = dayTx(store, day)
  if (msInDay >= DAY) return tx.byCampaign.slice()
  const nc = store.campaigns.length
  const out = new Array<number>(nc).fill(0)
  if (msInDay < 0) return out
  const current = Math.floor(msInDay / HOUR)
  for (let h = 0; h < current; h++) for (let c = 0; c < nc; c++) out[c] += tx.counts[h * nc + c]
  for (const e of hourEvents(store, day, current)) if (e.msInDay <= msInDay) out[e.campaign]++
  return out
}

/** A stretch of the store's calendar: whole days [from, to) plus day `to` up to `upTo` ms (-1: none). */
export interface Span {
  from: number
  to: number
  upTo: number
}

/** Transactions in a span. */
export function countTransactions(store: SimStore, span: Span): number {
  let n = 0
  for (let d = span.from; d < span.to; d++) n += dayTx(store, d).total
  if (span.upTo >= 0) n += txByCampaignUpTo(store, span.to, span.upTo).reduce((a, b) => a + b, 0)
  return n
}

/** New customers in a span. */
export function countJoins(store: SimStore, span: Span): number {
  return joinsBefore(store, span.to) - joinsBefore(store, span.from) + joinsUpTo(store, span.to, span.upTo)
}

/** The latest `n` transactions at or before local instant `cut`, newest first. */
export function latestTransactions(store: SimStore, cut: number, n: number): TxEvent[] {
  const out: TxEvent[] = []
  const today = Math.floor(cut / DAY)
  const ms = cut - today * DAY
  const nc = store.campaigns.length
  for (let d = today; d > today - MAX_WALK_DAYS && d >= store.openDay && out.length < n; d--) {
    const tx = dayTx(store, d)
    if (tx.total === 0) continue
    for (let h = d === today ? Math.floor(ms / HOUR) : 23; h >= 0 && out.length < n; h--) {
      if (!tx.counts.subarray(h * nc, h * nc + nc).some((x) => x > 0)) continue
      const events = hourEvents(store, d, h)
      for (let i = events.length - 1; i >= 0 && out.length < n; i--) {
        if (d < today || events[i].msInDay <= ms) out.push(events[i])
      }
    }
  }
  return out
}

/** The latest `n` customers to join at or before `cut`: join rank k and local instant, newest first. */
export function latestJoins(store: SimStore, cut: number, n: number): { k: number; localMs: number }[] {
  const out: { k: number; localMs: number }[] = []
  const today = Math.floor(cut / DAY)
  const ms = cut - today * DAY
  for (let d = Math.min(today, store.openDay + MAX_DAY_SPAN); d >= store.openDay && out.length < n; d--) {
    const times = joinTimes(store, d)
    const base = joinsBefore(store, d)
    for (let j = times.length - 1; j >= 0 && out.length < n; j--) {
      if (d < today || times[j] <= ms) out.push({ k: base + j, localMs: d * DAY + times[j] })
    }
  }
  return out
}

function joinDayOf(store: SimStore, k: number): number {
  const p = cacheOf(store).joinPrefix
  let lo = 0
  let hi = p.length - 1 // invariant: p[lo] <= k, and k < p[hi] or hi is the last entry
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if (p[mid] <= k) lo = mid
    else hi = mid
  }
  return store.openDay + (p[hi] <= k ? hi : lo)
}

/**
 * The `n` customers with most transactions at local instant `cut`. Loyalty grows with tenure:
 * each early member has a personal visit rate (a few are regulars), times days since joining.
 */
export function mostActiveAt(store: SimStore, cut: number, n: number): { k: number; transactions: number }[] {
  const today = Math.floor(cut / DAY)
  const allTime = joinsBefore(store, today) + joinsUpTo(store, today, cut - today * DAY)
  const pool = Math.min(allTime, MOST_ACTIVE_POOL)
  const ranked: { k: number; transactions: number }[] = []
  for (let k = 0; k < pool; k++) {
    const joined = joinDayOf(store, k)
    const rate = store.kind.visitRate * (0.2 + 5 * unit(hashInts(store.seed, k, 0xac7)) ** 4)
    const transactions = Math.floor(((cut - joined * DAY) / DAY) * rate)
    if (transactions > 0) ranked.push({ k, transactions })
  }
  ranked.sort((a, b) => b.transactions - a.transactions || a.k - b.k)
  return ranked.slice(0, n)
}
