/**
 * What the snapshot and history files hold, and the zod schemas that check them when read back.
 * Anything read from disk is untrusted: a file that does not match is set aside, never half-used.
 */
import { z } from 'zod'
import type { StoreSnapshot } from '../../../shared/model'
import { isIsoDay } from '../api/bounds'

/** An ISO-8601 instant that `Date.parse` understands (fetchedAt is compared as a time). */
const instant = z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'not a date-time')
const count = z.number().nullable()
/** A real calendar day, YYYY-MM-DD (no 2026-02-30: the projection reads its weekday). */
const day = z.string().refine(isIsoDay, 'not a calendar day')

/** A StoreSnapshot (API.md §3). `satisfies` keeps the schema from missing a field of the model. */
export const snapshotSchema = z.object({
  accountId: z.string(),
  fetchedAt: instant,
  customers: z.object({ allTime: count, thisMonth: count, lastMonth: count, samePeriodLastMonth: count }),
  transactions: z.object({ thisMonth: count, lastMonth: count, samePeriodLastMonth: count }),
  activeCampaigns: count,
  mostActive: z.array(
    z.object({ code: z.string(), cardNumber: z.string(), firstName: z.string(), lastName: z.string(), transactions: z.number() }),
  ),
  campaignActivity: z.array(
    z.object({
      campaignId: z.string(),
      name: z.string(),
      type: z.string(),
      // A day that is not a calendar day (a file from an older version, a hand edit) is dropped, as
      // the client drops it from an answer; the rest of the snapshot stays usable.
      days: z.array(z.object({ date: z.string(), quantity: z.number() })).transform((days) => days.filter((d) => isIsoDay(d.date))),
    }),
  ),
  lastTransactions: z.array(
    z.object({
      transactionId: z.string(),
      campaignId: z.string(),
      campaignName: z.string(),
      campaignType: z.string(),
      code: z.string(),
      cardNumber: z.string(),
      firstName: z.string(),
      lastName: z.string(),
      date: z.string(),
      amount: z.number().nullable(),
      redeemed: z.boolean(),
      item: z.string(),
      description: z.string(),
      user: z.string(),
    }),
  ),
  lastCustomers: z.array(
    z.object({ code: z.string(), cardNumber: z.string(), firstName: z.string(), lastName: z.string(), timeStamp: z.string() }),
  ),
}) satisfies z.ZodType<StoreSnapshot>

/** The file around one saved snapshot: a version (to migrate later) and when it was written. */
export interface SnapshotEnvelope {
  version: 1
  savedAt: string
  snapshot: StoreSnapshot
}

export const snapshotEnvelopeSchema = z.object({
  version: z.literal(1),
  savedAt: z.string(),
  snapshot: snapshotSchema,
}) satisfies z.ZodType<SnapshotEnvelope>

/**
 * One store's figures for one day of its calendar (the last figures seen that day).
 * `activity` is compacted: a (campaign, date) quantity is kept only in the newest record that has
 * it, so each record stores only the dates no later record covers. Use `activitySeries()` to get
 * the merged per-campaign series back.
 */
export interface HistoryRecord {
  /** YYYY-MM-DD in the store's time zone. */
  day: string
  /** The fetch these figures come from (the first one of the day that showed them). */
  fetchedAt: string
  customersAllTime: number | null
  newCustomersThisMonth: number | null
  transactionsThisMonth: number | null
  activeCampaigns: number | null
  activity: { campaignId: string; name: string; type: string; days: [date: string, quantity: number][] }[]
}

export const historyRecordSchema = z.object({
  day,
  fetchedAt: instant,
  customersAllTime: count,
  newCustomersThisMonth: count,
  transactionsThisMonth: count,
  activeCampaigns: count,
  activity: z.array(
    z.object({
      campaignId: z.string(),
      name: z.string(),
      type: z.string(),
      days: z.array(z.tuple([day, z.number()])),
    }),
  ),
}) satisfies z.ZodType<HistoryRecord>

export interface HistoryFile {
  version: 1
  records: HistoryRecord[]
}

export const historyFileSchema = z.object({
  version: z.literal(1),
  records: z.array(historyRecordSchema),
}) satisfies z.ZodType<HistoryFile>

/** Canonical JSON (object keys sorted) so that equal data compares equal whatever the key order. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return v
    return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
  })
}

/** The snapshot's data without `fetchedAt`: two snapshots with the same key show the same figures. */
export function snapshotDataKey(snapshot: StoreSnapshot): string {
  return canonicalJson({ ...snapshot, fetchedAt: undefined })
}
