/**
 * The history read salvages: one bad record or one per-day entry with an unreal date costs that
 * record or entry, not the 400-day file; the original is kept aside, the user is told.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createHistoryStore, type HistoryRecord } from '../../../../src/main/core/snapshots'
import { makeSnapshot, manualClock, tempDir, type ManualClock } from '../../../helpers/snapshotFixtures'

let dir: string
let cleanup: () => Promise<void>
let clock: ManualClock
let warnings: string[]
const newHistory = () => createHistoryStore({ dir, clock, onWarning: (m) => warnings.push(m) })

const record = (day: string, n: number, days: [string, number][] = []): HistoryRecord => ({
  day,
  fetchedAt: `${day}T10:00:00.000Z`,
  customersAllTime: n,
  newCustomersThisMonth: n,
  transactionsThisMonth: n,
  activeCampaigns: 1,
  activity: [{ campaignId: '7', name: 'Coffee card', type: 'stamp', days }],
})

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('storeglance-salvage-'))
  clock = manualClock()
  clock.set('2024-05-10T12:00:00Z')
  warnings = []
})
afterEach(() => cleanup())

describe('history salvage', () => {
  it('keeps the good records around one that is damaged, and keeps the original aside', async () => {
    const file = { version: 1, records: [record('2024-05-01', 1), { day: '2024-05-02', fetchedAt: 'never' }, record('2024-05-03', 3)] }
    await writeFile(join(dir, 's1.json'), JSON.stringify(file))
    const read = await newHistory().read('s1')
    expect(read.map((r) => r.day)).toEqual(['2024-05-01', '2024-05-03'])
    expect(warnings).toEqual([
      expect.stringMatching(/had 1 damaged day; it was left out and the rest kept \(the original file has been kept as s1\.json\.corrupt-/),
    ])
    const names = await readdir(dir)
    expect(names).toContain('s1.json')
    const copy = names.find((n) => n.startsWith('s1.json.corrupt-'))!
    expect(JSON.parse(await readFile(join(dir, copy), 'utf8'))).toEqual(file)
  })

  it('drops per-day entries whose date is not a real day, keeping the rest of the record', async () => {
    const days: [string, number][] = [
      ['2024-05-01', 4],
      ['2024-13-45', 9],
      ['2024-02-30', 9],
      ['2024-05-02', 5],
    ]
    await writeFile(join(dir, 's1.json'), JSON.stringify({ version: 1, records: [record('2024-05-02', 2, days), record('2024-02-31', 7)] }))
    const read = await newHistory().read('s1')
    expect(read).toHaveLength(1)
    expect(read[0].activity[0].days).toEqual([
      ['2024-05-01', 4],
      ['2024-05-02', 5],
    ])
    expect(warnings[0]).toMatch(/1 damaged day and 2 activity entries with an invalid date; they were left out/)
  })

  it('never writes a per-day date that is not a real day, so the file reads back whole', async () => {
    const h = newHistory()
    const s = makeSnapshot(1, '2024-05-10T12:00:00Z')
    s.campaignActivity = [
      {
        campaignId: '7',
        name: 'C',
        type: 'points',
        days: [
          { date: '10/05/2024', quantity: 1 },
          { date: '2024-05-10', quantity: 2 },
        ],
      },
    ]
    await h.record('s1', 'UTC', s)
    const read = await newHistory().read('s1')
    expect(read[0].activity[0].days).toEqual([['2024-05-10', 2]])
    expect(warnings).toEqual([])
  })

  it('still sets aside a file that is not a history file at all', async () => {
    await writeFile(join(dir, 's1.json'), JSON.stringify({ version: 1, records: 'none' }))
    expect(await newHistory().read('s1')).toEqual([])
    expect(warnings[0]).toMatch(/was damaged and has been set aside/)
  })
})
