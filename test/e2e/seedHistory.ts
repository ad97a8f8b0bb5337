/**
 * Seeds a store's local history file with a year of daily records, as the history store writes
 * them: one record per day, each carrying that day's activity, the month's figures so far.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { HistoryRecord } from '../../src/main/core/snapshots'
import { addDays } from '../../src/shared/period'

/** Transactions on a day: a weekly rhythm (quiet Mondays, busy Saturdays) and a slow rise. */
export function seededQuantity(day: string, i: number): number {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay()
  return [40, 10, 30, 32, 35, 60, 90][weekday]! + Math.floor(i / 30)
}

/** Writes `days` records ending yesterday (UTC calendar) for `id`; returns the first day. */
export async function seedHistory(
  userDataDir: string,
  id: string,
  days: number,
  today = new Date().toISOString().slice(0, 10),
): Promise<string> {
  const first = addDays(today, -days)
  const records: HistoryRecord[] = []
  let month = ''
  let tx = 0
  let customers = 0
  for (let i = 0; i < days; i++) {
    const day = addDays(first, i)
    if (day.slice(0, 7) !== month) {
      month = day.slice(0, 7)
      tx = 0
      customers = 0
    }
    const q = seededQuantity(day, i)
    tx += q
    customers += 2
    records.push({
      day,
      fetchedAt: `${day}T20:00:00.000Z`,
      customersAllTime: 1000 + i * 2,
      newCustomersThisMonth: customers,
      transactionsThisMonth: tx,
      activeCampaigns: 1,
      activity: [{ campaignId: 'seeded', name: 'Seeded points', type: 'points', days: [[day, q]] }],
    })
  }
  await mkdir(join(userDataDir, 'history'), { recursive: true })
  await writeFile(join(userDataDir, 'history', `${id}.json`), JSON.stringify({ version: 1, records }))
  return first
}
