/**
 * History never loses a day of activity it once knew: a later answer of the same day carrying fewer
 * days (the list size lowered in Settings, or the section missing) keeps the dates it lacks, on disk
 * and after a restart; and over random sequences no (campaign, date) pair ever disappears.
 */
import fc from 'fast-check'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { StoreSnapshot } from '../../../../src/shared/model'
import { activitySeries, createHistoryStore, type HistoryRecord } from '../../../../src/main/core/snapshots'
import { addDays } from '../../../../src/shared/period'
import { makeSnapshot, manualClock, tempDir, type ManualClock } from '../../../helpers/snapshotFixtures'

let dir: string
let cleanup: () => Promise<void>
let clock: ManualClock
const newHistory = () => createHistoryStore({ dir, clock })

/** A snapshot fetched at `iso` (clock moved there too) with the given campaigns' activity. */
function snapAt(iso: string, campaigns: Record<string, [string, number][]>): StoreSnapshot {
  clock.set(iso)
  const s = makeSnapshot(1, iso)
  s.campaignActivity = Object.entries(campaigns).map(([id, days]) => ({
    campaignId: id,
    name: `Card ${id}`,
    type: 'stamp',
    days: days.map(([date, quantity]) => ({ date, quantity })),
  }))
  return s
}

/** `n` days ending on `day`, quantities from `base`. */
const window = (day: string, n: number, base = 10): [string, number][] =>
  Array.from({ length: n }, (_, i): [string, number] => [addDays(day, -(n - 1 - i)), base + i])

/** Every (campaign, date) → quantity the records know, merged. */
function known(records: HistoryRecord[]): Map<string, number> {
  const out = new Map<string, number>()
  for (const c of activitySeries(records)) for (const d of c.days) out.set(`${c.campaignId} ${d.date}`, d.quantity)
  return out
}

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('storeglance-histkeep-'))
  clock = manualClock()
})
afterEach(() => cleanup())

describe('history keeps activity when a later answer of the day carries fewer days', () => {
  it('keeps all 49 known days after a 7-day answer and an empty one, across a restart', async () => {
    const h = newHistory()
    const first = '2024-05-01'
    for (let d = 0; d < 20; d++) {
      const day = addDays(first, d)
      await h.record('s1', 'UTC', snapAt(`${day}T10:00:00.000Z`, { c1: window(day, 30) }))
    }
    const before = known(await newHistory().read('s1'))
    expect(before.size).toBe(49)
    const last = addDays(first, 19)
    expect(await h.record('s1', 'UTC', snapAt(`${last}T11:00:00.000Z`, { c1: window(last, 7, 500) }))).toEqual({ written: true })
    await h.record('s1', 'UTC', snapAt(`${last}T12:00:00.000Z`, {}))
    const after = known(await newHistory().read('s1')) // a restart: read back from disk
    expect(after.size).toBe(49)
    // The 7-day answer's newer quantities win on its dates; the others keep what was known.
    for (const [date, q] of window(last, 7, 500)) expect(after.get(`c1 ${date}`)).toBe(q)
    for (const [key, q] of before) if (!window(last, 7).some(([date]) => key === `c1 ${date}`)) expect(after.get(key)).toBe(q)
  })

  it('keeps a campaign the later answer no longer lists, with its name', async () => {
    const h = newHistory()
    await h.record('s1', 'UTC', snapAt('2024-05-02T08:00:00Z', { a: [['2024-05-02', 3]], b: [['2024-05-01', 4]] }))
    await h.record('s1', 'UTC', snapAt('2024-05-02T09:00:00Z', { a: [['2024-05-02', 5]] }))
    expect(activitySeries(await newHistory().read('s1'))).toEqual([
      { campaignId: 'a', name: 'Card a', type: 'stamp', days: [{ date: '2024-05-02', quantity: 5 }] },
      { campaignId: 'b', name: 'Card b', type: 'stamp', days: [{ date: '2024-05-01', quantity: 4 }] },
    ])
  })

  it('never loses a (campaign, date) over random polls (newest answer wins each date)', async () => {
    const poll = fc.record({
      dayStep: fc.integer({ min: 0, max: 2 }),
      campaigns: fc.dictionary(fc.constantFrom('a', 'b'), fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 99 }))),
    })
    await fc.assert(
      fc.asyncProperty(fc.array(poll, { minLength: 1, maxLength: 8 }), async (polls) => {
        await cleanup()
        ;({ dir, cleanup } = await tempDir('storeglance-histkeep-'))
        const expected = new Map<string, number>()
        let day = '2024-05-01'
        for (const [i, p] of polls.entries()) {
          day = addDays(day, p.dayStep)
          const campaigns = Object.fromEntries(Object.entries(p.campaigns).map(([id, [n, base]]) => [id, window(day, n, base)]))
          for (const [id, days] of Object.entries(campaigns)) for (const [date, q] of days) expected.set(`${id} ${date}`, q)
          await newHistory().record('s1', 'UTC', snapAt(`${day}T${String(i % 24).padStart(2, '0')}:00:00.000Z`, campaigns))
          expect(known(await newHistory().read('s1'))).toEqual(expected)
        }
      }),
      { numRuns: 30 },
    )
  })
})
