/**
 * The simulated stores: identity (label, user, account, key, zone) and the parameters of their
 * business, all drawn deterministically from the server's seed.
 */
import {
  BUSINESSES,
  CAMPAIGN_NAMES,
  CAMPAIGN_TYPES,
  CASHIERS,
  FIRST_NAMES,
  KINDS,
  LAST_NAMES,
  NAMED_STORES,
  PLACES,
  TIME_ZONES,
  TYPE_WEIGHT,
  type CampaignType,
  type NamedStore,
  type StoreKind,
} from './catalog'
import { digits, hashInts, mulberry32, pick, unit } from './rand'
import { dayIndexOf } from './time'

/** What a user of the demo needs to add a store to the app. */
export interface DemoStore {
  label: string
  userId: string
  accountId: string
  key: string
  timeZone: string
}

export interface SimCampaign {
  id: string
  name: string
  type: CampaignType
  /** Share of the store's transactions (the shares sum to 1). */
  share: number
}

/** A demo store with everything the simulation needs. */
export interface SimStore extends DemoStore {
  index: number
  /** 32-bit seed of this store, derived from the server seed and the store's index. */
  seed: number
  kind: StoreKind
  /** Traffic share per local hour 0..23 (sums to 1). */
  hours: readonly number[]
  /** Approximate number of customers on REFERENCE_DAY. */
  size: number
  /** First trading day (local day index). */
  openDay: number
  /** New customers per day on day d: growthA * (d - openDay + growthK). */
  growthA: number
  growthK: number
  campaigns: SimCampaign[]
  cashiers: string[]
  cardWidth: number
  cardBase: number
}

/** The day the stores have about their nominal size (2025-01-01). */
export const REFERENCE_DAY = dayIndexOf(2025, 1, 1)

/** Upper bound on stores (labels past the named list are generated). */
export const MAX_STORES = 500

/**
 * Builds `count` stores for a seed. The first twenty have fixed, hand-written identities (demo mode
 * looks the same every time); later ones get generated labels. Ids, keys and figures vary by seed.
 */
export function generateStores(count: number, seed: number): SimStore[] {
  if (!Number.isInteger(count) || count < 1 || count > MAX_STORES) {
    throw new RangeError(`stores must be an integer between 1 and ${MAX_STORES}`)
  }
  const stores: SimStore[] = []
  const taken = new Set<string>()
  for (let i = 0; i < count; i++) stores.push(buildStore(i, seed, namedStore(i), taken))
  return stores
}

function namedStore(i: number): NamedStore {
  if (i < NAMED_STORES.length) return NAMED_STORES[i]
  const h = hashInts(i, 0x5107e)
  const [business, kind] = pick(BUSINESSES, unit(mix(h, 1)))
  const n = Math.floor(i / (PLACES.length * BUSINESSES.length))
  const label = `${pick(PLACES, unit(mix(h, 2)))} ${business}${n > 0 ? ` ${n + 1}` : ''}`
  const size = Math.round(250 * Math.pow(160, unit(mix(h, 3)))) // 250 .. 40 000, log-uniform
  return { label, kind, size, timeZone: pick(TIME_ZONES, unit(mix(h, 4))) }
}

function mix(h: number, salt: number): number {
  return hashInts(h, salt)
}

function buildStore(index: number, seed: number, named: NamedStore, taken: Set<string>): SimStore {
  const storeSeed = hashInts(seed, index, 0x57)
  const rng = mulberry32(storeSeed)
  const kind = KINDS[named.kind]
  const size = Math.max(50, Math.round(named.size * (0.8 + 0.4 * rng())))
  const years = 6 + Math.floor(rng() * 12)
  const openDay = REFERENCE_DAY - Math.round(years * 365.25) - Math.floor(rng() * 365)
  const span = REFERENCE_DAY - openDay
  const growthK = Math.round(span * (0.15 + 0.35 * rng()))
  const slug = uniqueSlug(named.label, taken)
  return {
    label: named.label,
    userId: `${slug.slice(0, 12)}_owner`,
    accountId: slug,
    key: Array.from({ length: 18 }, () => Math.floor(rng() * 16).toString(16)).join(''),
    timeZone: named.timeZone,
    index,
    seed: storeSeed,
    kind,
    hours: hourProfile(kind),
    size,
    openDay,
    growthA: size / ((span * span) / 2 + growthK * span),
    growthK,
    campaigns: buildCampaigns(rng, named.label),
    cashiers: Array.from({ length: 2 + Math.floor(rng() * 5) }, () => pick(CASHIERS, rng())).filter((c, i, all) => all.indexOf(c) === i),
    cardWidth: 6 + Math.floor(rng() * 3),
    cardBase: 1 + Math.floor(rng() * 900),
  }
}

function uniqueSlug(label: string, taken: Set<string>): string {
  const base =
    label
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '')
      .slice(0, 24) || 'store'
  let slug = base
  for (let n = 2; taken.has(slug); n++) slug = `${base}${n}`
  taken.add(slug)
  return slug
}

/** Traffic per hour: zero while closed, a bump around the peak hour; sums to 1. */
export function hourProfile(kind: StoreKind): number[] {
  const w = Array.from({ length: 24 }, (_, h) =>
    h >= kind.open && h < kind.close ? 0.35 + Math.exp(-((h + 0.5 - kind.peak) ** 2) / 12.5) : 0,
  )
  const total = w.reduce((a, b) => a + b, 0)
  return w.map((x) => x / total)
}

function buildCampaigns(rng: () => number, label: string): SimCampaign[] {
  const count = 2 + Math.floor(rng() * 5)
  // Weighted order without replacement (Efraimidis-Spirakis keys): points and buyx come first most often.
  const types = CAMPAIGN_TYPES.map((t) => ({ t, key: Math.pow(rng(), 1 / TYPE_WEIGHT[t]) }))
    .sort((a, b) => b.key - a.key)
    .map((x): CampaignType => x.t)
  while (types.length < count) types.push(pick(['points', 'buyx'] as const, rng()))
  const chosen = types.slice(0, count)
  const weights = chosen.map((t) => TYPE_WEIGHT[t] * (0.5 + rng()))
  const total = weights.reduce((a, b) => a + b, 0)
  const used = new Set<string>()
  return chosen.map((type, i) => {
    let name = pick(CAMPAIGN_NAMES[type], rng())
    if (used.has(name)) name = `${name} (${label.split(' ')[0]})`
    used.add(name)
    return { id: `${1 + Math.floor(rng() * 9)}${digits(15, rng)}`, name, type, share: weights[i] / total }
  })
}

/** One customer's identity, derived from the store and the customer's join rank. */
export interface CustomerIdentity {
  code: string
  cardNumber: string
  firstName: string
  lastName: string
}

/**
 * The k-th customer (0-based, in join order) of a store. Codes are 16-17 digit numbers (many
 * above 2^53, so they must stay strings); card numbers are zero-padded sequence numbers.
 */
export function customerAt(store: SimStore, k: number): CustomerIdentity {
  const rng = mulberry32(hashInts(store.seed, k, 0xc0de))
  const long = rng() < 0.5
  const code = `${1 + Math.floor(rng() * 9)}${digits(long ? 9 : 8, rng)}${String((k * 7919 + store.cardBase * 104729) % 1e7).padStart(7, '0')}`
  return {
    code,
    cardNumber: String(store.cardBase + k).padStart(store.cardWidth, '0'),
    firstName: pick(FIRST_NAMES, rng()),
    lastName: pick(LAST_NAMES, rng()),
  }
}
