import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { StoreSnapshot } from '../../../../src/shared/model'
import { activitySeries, createHistoryStore, HISTORY_DAYS, type HistoryRecord } from '../../../../src/main/core/snapshots'
import { makeSnapshot, manualClock, tempDir, type ManualClock } from '../../../helpers/snapshotFixtures'

let dir: string
let cleanup: () => Promise<void>
let clock: ManualClock
let warnings: string[]
const newHistory = () => createHistoryStore({ dir, clock, onWarning: (m) => warnings.push(m) })

/** A snapshot fetched at `iso` (clock moved there too), figures from `n`, activity over `days`. */
function snapAt(iso: string, n: number, days: [string, number][] = []): StoreSnapshot {
  clock.set(iso)
  const s = makeSnapshot(n, iso)
  s.campaignActivity = [{ campaignId: '7', name: 'Coffee card', type: 'stamp', days: days.map(([date, quantity]) => ({ date, quantity })) }]
  return s
}

/** A minimal valid record with figures from `n`. */
const recordOf = (n: number): Omit<HistoryRecord, 'day' | 'fetchedAt'> => ({
  customersAllTime: n,
  newCustomersThisMonth: n,
  transactionsThisMonth: n,
  activeCampaigns: 1,
  activity: [],
})

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('storeglance-hist-'))
  clock = manualClock()
  warnings = []
})
afterEach(() => cleanup())

describe('history store', () => {
  it('keeps one compact record per day with that day’s figures', async () => {
    const h = newHistory()
    expect(await h.record('s1', 'UTC', snapAt('2024-05-02T10:00:00Z', 4, [['2024-05-02', 4]]))).toEqual({ written: true })
    expect(await newHistory().read('s1')).toEqual<HistoryRecord[]>([
      {
        day: '2024-05-02',
        fetchedAt: '2024-05-02T10:00:00Z',
        customersAllTime: 1004,
        newCustomersThisMonth: 4,
        transactionsThisMonth: 40,
        activeCampaigns: 3,
        activity: [{ campaignId: '7', name: 'Coffee card', type: 'stamp', days: [['2024-05-02', 4]] }],
      },
    ])
    expect(await readdir(dir)).toEqual(['s1.json'])
  })

  it('files a snapshot under the day of the store’s time zone (23:30 UTC is tomorrow in Sydney)', async () => {
    const h = newHistory()
    await h.record('syd', 'Australia/Sydney', snapAt('2024-05-01T23:30:00Z', 1))
    await h.record('utc', 'UTC', snapAt('2024-05-01T23:30:00Z', 1))
    expect((await h.read('syd')).map((r) => r.day)).toEqual(['2024-05-02'])
    expect((await h.read('utc')).map((r) => r.day)).toEqual(['2024-05-01'])
  })

  it('replaces the day’s record within the day and starts a new one the next day', async () => {
    const h = newHistory()
    await h.record('s1', 'UTC', snapAt('2024-05-02T08:00:00Z', 1))
    await h.record('s1', 'UTC', snapAt('2024-05-02T20:00:00Z', 2))
    await h.record('s1', 'UTC', snapAt('2024-05-03T01:00:00Z', 3))
    const records = await newHistory().read('s1')
    expect(records.map((r) => [r.day, r.newCustomersThisMonth, r.fetchedAt])).toEqual([
      ['2024-05-02', 2, '2024-05-02T20:00:00Z'],
      ['2024-05-03', 3, '2024-05-03T01:00:00Z'],
    ])
  })

  it('writes only when the figures changed', async () => {
    const h = newHistory()
    await h.record('s1', 'UTC', snapAt('2024-05-02T08:00:00Z', 1))
    const before = await readFile(join(dir, 's1.json'), 'utf8')
    const same = snapAt('2024-05-02T09:00:00Z', 1)
    same.lastTransactions = [] // not part of history
    expect(await h.record('s1', 'UTC', same)).toEqual({ written: false })
    expect(await readFile(join(dir, 's1.json'), 'utf8')).toBe(before)
    expect(await h.record('s1', 'UTC', snapAt('2024-05-02T10:00:00Z', 2))).toEqual({ written: true })
  })

  it(`keeps ${HISTORY_DAYS} days and drops older records on write`, async () => {
    // 410 days already on disk (written directly: 410 fsync'd writes would be slow), then one more day.
    const start = Date.parse('2024-01-01T12:00:00Z')
    const iso = (d: number) => new Date(start + d * 86_400_000).toISOString()
    const old = Array.from({ length: 410 }, (_, d) => ({ ...recordOf(d), day: iso(d).slice(0, 10), fetchedAt: iso(d) }))
    await writeFile(join(dir, 's1.json'), JSON.stringify({ version: 1, records: old }))
    expect(await newHistory().read('s1')).toHaveLength(410) // reading never drops
    await newHistory().record('s1', 'UTC', snapAt(iso(410), 410))
    const days = (await newHistory().read('s1')).map((r) => r.day)
    expect(days).toHaveLength(HISTORY_DAYS)
    expect(days[0]).toBe('2024-01-12')
    expect(days.at(-1)).toBe('2025-02-14')
  })

  it('stores each day’s activity once (compacted) and merges it back with activitySeries', async () => {
    const h = newHistory()
    await h.record(
      's1',
      'UTC',
      snapAt('2024-05-02T12:00:00Z', 1, [
        ['2024-05-01', 5],
        ['2024-05-02', 1],
      ]),
    )
    await h.record(
      's1',
      'UTC',
      snapAt('2024-05-03T12:00:00Z', 2, [
        ['2024-05-01', 5],
        ['2024-05-02', 9],
        ['2024-05-03', 2],
      ]),
    )
    await h.record(
      's1',
      'UTC',
      snapAt('2024-05-04T12:00:00Z', 3, [
        ['2024-05-03', 4],
        ['2024-05-04', 3],
      ]),
    )
    const records = await newHistory().read('s1')
    expect(records.map((r) => r.activity.flatMap((c) => c.days))).toEqual([
      [],
      [
        ['2024-05-01', 5],
        ['2024-05-02', 9],
      ],
      [
        ['2024-05-03', 4],
        ['2024-05-04', 3],
      ],
    ])
    expect(activitySeries(records)).toEqual([
      {
        campaignId: '7',
        name: 'Coffee card',
        type: 'stamp',
        days: [
          { date: '2024-05-01', quantity: 5 },
          { date: '2024-05-02', quantity: 9 },
          { date: '2024-05-03', quantity: 4 },
          { date: '2024-05-04', quantity: 3 },
        ],
      },
    ])
  })

  it('quarantines a damaged history file, warns, and starts again', async () => {
    const h = newHistory()
    await h.record('s1', 'UTC', snapAt('2024-05-02T08:00:00Z', 1))
    await writeFile(join(dir, 's1.json'), '{"version":1,"records":[{"day":"2024-05-0')
    const again = newHistory()
    expect(await again.read('s1')).toEqual([])
    const [aside] = (await readdir(dir)).filter((n) => n.startsWith('s1.json.corrupt-'))
    expect(await readFile(join(dir, aside), 'utf8')).toBe('{"version":1,"records":[{"day":"2024-05-0')
    expect(warnings).toEqual([`The local history for s1 was damaged and has been set aside as ${aside}; history starts again from today.`])
    await again.record('s1', 'UTC', snapAt('2024-05-02T09:00:00Z', 2))
    expect((await newHistory().read('s1')).map((r) => r.newCustomersThisMonth)).toEqual([2])
  })

  it('rejects a history file with a malformed record and refuses unsafe ids', async () => {
    await writeFile(join(dir, 's1.json'), JSON.stringify({ version: 1, records: [{ day: 'May 2nd' }] }))
    expect(await newHistory().read('s1')).toEqual([])
    expect(warnings).toHaveLength(1)
    await expect(newHistory().record('../x', 'UTC', snapAt('2024-05-02T08:00:00Z', 1))).rejects.toThrow(/unsafe/)
  })

  it('remove() deletes the store’s history and its set-aside copies only', async () => {
    const h = newHistory()
    await h.record('s1', 'UTC', snapAt('2024-05-02T08:00:00Z', 1))
    await h.record('s10', 'UTC', snapAt('2024-05-02T08:00:00Z', 1))
    await writeFile(join(dir, 's1.json.corrupt-2024-01-01T00-00-00-000Z'), 'x')
    await h.remove('s1')
    expect(await readdir(dir)).toEqual(['s10.json'])
    expect(await h.read('s1')).toEqual([])
  })
})
