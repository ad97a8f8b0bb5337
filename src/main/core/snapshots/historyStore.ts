/**
 * Local history: one compact record per store per day of the store's calendar, holding that day's
 * last figures, kept for 400 days. One file per store, `<dir>/<id>.json` = `{ version: 1, records }`,
 * written atomically and only when a record changed; read defensively like the snapshots.
 */
import { join } from 'node:path'
import type { CampaignActivity, StoreSnapshot } from '../../../shared/model'
import type { Clock } from '../ports'
import { systemClock } from '../ports'
import { writeFileAtomic } from '../fsAtomic'
import { canonicalJson, historyFileSchema, type HistoryFile, type HistoryRecord } from './schema'
import {
  assertSafeId,
  damageDetail,
  fileStamp,
  MAX_HISTORY_FILE_BYTES,
  readValid,
  removeFamily,
  asideClause,
  sweepTempFiles,
} from './files'
import { readHistoryFile, salvageWarning } from './historySalvage'
import { isIsoDay } from '../api/bounds'
import type { DataLock } from '../dataLock'
import { addDays, localDate } from '../../../shared/period'
import type { WarningSink } from './snapshotStore'
import { createKeyedQueue } from '../queue'
import { mergeDayRecord } from './historyMerge'

/** Days of history kept, today included; older records are dropped on the next write. */
export const HISTORY_DAYS = 400

export interface HistoryStoreOptions {
  /** `<userData>/history`; created on the first write. */
  dir: string
  clock?: Clock
  onWarning?: WarningSink
  /** The user data folder's lock, held for every write (another process may write the same file). */
  lock?: DataLock
}

export interface HistoryStore {
  record(id: string, timeZone: string, snapshot: StoreSnapshot): Promise<{ written: boolean }>
  read(id: string): Promise<HistoryRecord[]>
  remove(id: string): Promise<void>
}

/**
 * Creates the history store. `record` folds a snapshot into its day's record (the day in the
 * store's time zone); `read` never throws on a damaged file: it is set aside, history restarts.
 */
export function createHistoryStore(options: HistoryStoreOptions): HistoryStore {
  return new FileHistoryStore(options)
}

class FileHistoryStore implements HistoryStore {
  private readonly dir: string
  private readonly clock: Clock
  private readonly warn: WarningSink
  private readonly cache = new Map<string, HistoryRecord[]>()
  private readonly serial = createKeyedQueue()
  /** Per store, the fingerprint of its file as we last read or wrote it. */
  private readonly stamps = new Map<string, string | null>()
  private readonly locked: <T>(fn: () => Promise<T>) => Promise<T>

  constructor(options: HistoryStoreOptions) {
    this.dir = options.dir
    this.clock = options.clock ?? systemClock
    this.warn = options.onWarning ?? ((message) => console.warn(message))
    const lock = options.lock
    this.locked = lock ? (fn) => lock.run(fn) : (fn) => fn()
  }

  /** Updates the store's record for the snapshot's day; writes only when the figures changed. */
  async record(id: string, timeZone: string, snapshot: StoreSnapshot): Promise<{ written: boolean }> {
    assertSafeId(id)
    return this.serial(id, async () => {
      // The usual poll changes nothing worth writing: no lock needed for that.
      const before = await this.recordsOf(id)
      if (sameFigures(before, this.nextRecords(before, timeZone, snapshot))) return { written: false }
      // A write: under the folder's lock, from the file as it is now (another process may have recorded since).
      return this.locked(async () => {
        if (await this.changedOnDisk(id)) this.cache.delete(id)
        return this.recordNow(id, timeZone, snapshot)
      })
    })
  }

  /** The store's records, ascending by day (a copy). */
  async read(id: string): Promise<HistoryRecord[]> {
    assertSafeId(id)
    return this.serial(id, async () => structuredClone(await this.recordsOf(id)))
  }

  /** Deletes the store's history file (and any set-aside copies). */
  async remove(id: string): Promise<void> {
    assertSafeId(id)
    return this.serial(id, () =>
      this.locked(async () => {
        this.cache.delete(id)
        this.stamps.delete(id)
        await removeFamily(this.dir, [`${id}.json`])
      }),
    )
  }

  /** Whether another process wrote a valid newer version of the store's file since we last read or wrote it. */
  private async changedOnDisk(id: string): Promise<boolean> {
    if (!this.cache.has(id)) return false
    if ((await fileStamp(this.fileOf(id))) === this.stamps.get(id)) return false
    return (await readValid(this.fileOf(id), historyFileSchema, MAX_HISTORY_FILE_BYTES)) !== null
  }

  private fileOf(id: string): string {
    return join(this.dir, `${id}.json`)
  }

  /** The store's records, read from disk on first use. Call inside `serial(id)`. */
  private async recordsOf(id: string): Promise<HistoryRecord[]> {
    const known = this.cache.get(id)
    if (known) return known
    await sweepTempFiles(this.dir, [`${id}.json`])
    // Record by record: one bad record (or bad per-day date) does not cost the whole file.
    const salvaged = await readHistoryFile(this.fileOf(id), new Date(this.clock.now()))
    const read = salvaged.outcome
    if (read.kind === 'damaged') {
      const aside = asideClause(read, this.fileOf(id), false)
      this.warn(`The local history for ${id} was damaged${damageDetail(read)} and ${aside}; history starts again from today.`, {
        id,
        file: read.quarantinedAs,
      })
    }
    const partial = salvageWarning(id, salvaged)
    if (partial) this.warn(partial, { id, file: salvaged.copiedAs })
    const records = normalize(salvaged.records)
    this.cache.set(id, records)
    this.stamps.set(id, await fileStamp(this.fileOf(id)))
    return records
  }

  /** The records after folding `snapshot` into its day, dropping days past HISTORY_DAYS. */
  private nextRecords(before: HistoryRecord[], timeZone: string, snapshot: StoreSnapshot): HistoryRecord[] {
    const today = localDate(new Date(this.clock.now()), timeZone)
    const oldest = addDays(today, -(HISTORY_DAYS - 1))
    const entry = toRecord(localDate(snapshot.fetchedAt, timeZone), snapshot)
    return compact(upsert(before, entry).filter((r) => r.day >= oldest))
  }

  private async recordNow(id: string, timeZone: string, snapshot: StoreSnapshot): Promise<{ written: boolean }> {
    const before = await this.recordsOf(id)
    const after = this.nextRecords(before, timeZone, snapshot)
    if (sameFigures(before, after)) return { written: false }
    const file: HistoryFile = { version: 1, records: after }
    try {
      await writeFileAtomic(this.fileOf(id), JSON.stringify(file))
    } catch (err) {
      this.cache.delete(id) // our picture of the disk may be wrong: re-read next time
      throw err
    }
    this.cache.set(id, after)
    this.stamps.set(id, await fileStamp(this.fileOf(id)))
    return { written: true }
  }
}

/** A snapshot's figures as a day's record: only what history charts need. */
function toRecord(day: string, s: StoreSnapshot): HistoryRecord {
  return {
    day,
    fetchedAt: s.fetchedAt,
    customersAllTime: s.customers.allTime,
    newCustomersThisMonth: s.customers.thisMonth,
    transactionsThisMonth: s.transactions.thisMonth,
    activeCampaigns: s.activeCampaigns,
    activity: s.campaignActivity.map((c) => ({
      campaignId: c.campaignId,
      name: c.name,
      type: c.type,
      // A date that is not a calendar day would make the whole file fail its schema when read back.
      days: c.days.filter((d) => isIsoDay(d.date)).map((d): [string, number] => [d.date, d.quantity]),
    })),
  }
}

/** Sorted by day, one record per day (the later one in the file wins). */
function normalize(records: HistoryRecord[]): HistoryRecord[] {
  const byDay = new Map(records.map((r) => [r.day, r]))
  return [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0))
}

/**
 * Replaces the record of `entry.day`, or inserts it in order. The latest call for a day wins its
 * figures; the replaced record's activity dates that `entry` lacks are kept (see mergeDayRecord).
 */
function upsert(records: HistoryRecord[], entry: HistoryRecord): HistoryRecord[] {
  const merged = mergeDayRecord(
    records.find((r) => r.day === entry.day),
    entry,
  )
  return normalize([...records.filter((r) => r.day !== entry.day), merged])
}

/**
 * Keeps each (campaign, date) quantity only in the newest record that has it. A snapshot carries
 * the last ~30 days of activity, so storing it whole every day would repeat each figure 30 times;
 * this keeps one copy, the latest known. The newest record keeps its activity whole. A pair is
 * dropped from a record only where a newer record holds it, so compaction alone never loses one;
 * `upsert` keeps the replaced record's pairs, so replacing a record does not either.
 */
function compact(records: HistoryRecord[]): HistoryRecord[] {
  const covered = new Set<string>()
  const out: HistoryRecord[] = []
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i]
    const activity = r.activity
      .map((c) => ({ ...c, days: c.days.filter(([date]) => !covered.has(`${c.campaignId}\u0000${date}`)) }))
      .filter((c) => i === records.length - 1 || c.days.length > 0)
    for (const c of r.activity) for (const [date] of c.days) covered.add(`${c.campaignId}\u0000${date}`)
    out.push({ ...r, activity })
  }
  return out.reverse()
}

/** Equal apart from `fetchedAt`: a new fetch showing the same figures is not worth a write. */
function sameFigures(a: HistoryRecord[], b: HistoryRecord[]): boolean {
  const strip = (rs: HistoryRecord[]) => canonicalJson(rs.map((r) => ({ ...r, fetchedAt: undefined })))
  return strip(a) === strip(b)
}

/**
 * Per-campaign daily activity merged from compacted records (ascending by date): each date's
 * latest known quantity, with the campaign's latest name and type. For the history charts.
 */
export function activitySeries(records: HistoryRecord[]): CampaignActivity[] {
  const campaigns = new Map<string, CampaignActivity>()
  const quantities = new Map<string, Map<string, number>>()
  for (const r of records) {
    for (const c of r.activity) {
      const known = campaigns.get(c.campaignId)
      campaigns.set(c.campaignId, { campaignId: c.campaignId, name: c.name, type: c.type, days: known?.days ?? [] })
      const q = quantities.get(c.campaignId) ?? new Map<string, number>()
      for (const [date, quantity] of c.days) q.set(date, quantity)
      quantities.set(c.campaignId, q)
    }
  }
  return [...campaigns.values()].map((c) => ({
    ...c,
    days: [...(quantities.get(c.campaignId) ?? new Map<string, number>())]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([date, quantity]) => ({ date, quantity })),
  }))
}
