/**
 * Period figures over real HTTP with a hand-set clock: determinism, figures moving forward,
 * month boundaries in the store's own time zone, and consistency between the totals and the
 * per-day activity.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { localCutMs, startDemoServer, type DemoStore } from '../../../../src/main/core/demo'
import { zoneOffsetMs } from '../../../../src/shared/period'
import { ALL_SECTIONS, baseFields, postText, startClocked, type Clocked } from './kit'

/** The UTC instant at which a store's wall clock shows `wall` ('YYYY-MM-DDTHH:MM:SS'). */
function localInstant(zone: string, wall: string): number {
  const w = Date.parse(`${wall}Z`)
  let t = w - zoneOffsetMs(zone, w)
  t = w - zoneOffsetMs(zone, t)
  return t
}

let c: Clocked
let cafe: DemoStore // Europe/London
let hardware: DemoStore // America/New_York
let books: DemoStore // Australia/Sydney, the ~40k chain

beforeAll(async () => {
  c = await startClocked({ stores: 4, seed: 1, now: '2025-01-15T12:00:00Z' })
  ;[cafe, hardware, , books] = c.server.stores
})
afterAll(() => c.server.close())

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function dashboard(store: DemoStore, wall: string, days = 70): Promise<any> {
  c.setNow(localInstant(store.timeZone, wall))
  const fields = baseFields(store, { ...ALL_SECTIONS, campaigns_per_day_activity: String(days), output: 'JSON', condensed: 'yes' })
  return JSON.parse(await postText(c.server, fields, store.key))
}

/** Transactions per date across campaigns, from campaigns_per_day_activity. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function perDay(json: any): Map<string, number> {
  const m = new Map<string, number>()
  for (const camp of json.campaigns_per_day_activity) for (const d of camp.day) m.set(d.date, (m.get(d.date) ?? 0) + d.quantity)
  return m
}

function sumDates(days: Map<string, number>, from: string, to: string): number {
  let n = 0
  for (const [date, q] of days) if (date >= from && date <= to) n += q
  return n
}

describe('determinism', () => {
  it('gives identical bodies for the same seed and instant, different ones for another seed', async () => {
    const now = () => new Date('2025-06-03T08:15:00Z')
    const a = await startDemoServer({ stores: 6, seed: 42, now })
    const b = await startDemoServer({ stores: 6, seed: 42, now })
    const d = await startDemoServer({ stores: 6, seed: 43, now })
    try {
      expect(b.stores).toEqual(a.stores)
      for (const [i, s] of a.stores.entries()) {
        for (const output of ['XML', 'JSON']) {
          const fields = baseFields(s, { ...ALL_SECTIONS, output })
          const bodyA = await postText(a, fields, s.key)
          expect(await postText(b, fields, b.stores[i].key)).toBe(bodyA)
          expect(await postText(a, fields, s.key)).toBe(bodyA)
        }
      }
      expect(d.stores.map((s) => s.key)).not.toEqual(a.stores.map((s) => s.key))
    } finally {
      await Promise.all([a.close(), b.close(), d.close()])
    }
  })
})

describe('figures move forward', () => {
  it('grows within a day', async () => {
    const morning = await dashboard(cafe, '2025-02-12T08:00:00')
    const noon = await dashboard(cafe, '2025-02-12T13:00:00')
    expect(noon.total_transactions.this_month).toBeGreaterThan(morning.total_transactions.this_month)
    expect(noon.total_transactions.last_month).toBe(morning.total_transactions.last_month)
    expect(noon.last_X_transactions[0].date > morning.last_X_transactions[0].date).toBe(true)
  })

  for (const which of ['cafe', 'hardware'] as const) {
    it(`${which}: this month only grows, and rolls into last month at the month's end`, async () => {
      const store = which === 'cafe' ? cafe : hardware
      // 23:30 local every day: after closing time, so the day is complete.
      let prev: { tx: number; cu: number; all: number; month: string } | null = null
      for (let day = Date.UTC(2025, 0, 10); day <= Date.UTC(2025, 2, 5); day += 86_400_000) {
        const date = new Date(day).toISOString().slice(0, 10)
        const json = await dashboard(store, `${date}T23:30:00`, 40)
        const cur = {
          tx: json.total_transactions.this_month,
          cu: json.total_customers.this_month,
          all: json.total_customers.all_time,
          month: date.slice(0, 7),
        }
        if (prev && prev.month === cur.month) {
          expect(cur.tx).toBeGreaterThanOrEqual(prev.tx)
          expect(cur.cu).toBeGreaterThanOrEqual(prev.cu)
          expect(cur.all - prev.all).toBe(cur.cu - prev.cu)
        } else if (prev) {
          expect(json.total_transactions.last_month).toBe(prev.tx)
          expect(json.total_customers.last_month).toBe(prev.cu)
          expect(cur.all - prev.all).toBe(cur.cu)
        }
        expect(sumDates(perDay(json), `${cur.month}-01`, date)).toBe(cur.tx)
        prev = cur
      }
    })
  }

  it('most active counts and the customer base never shrink as time passes', async () => {
    const a = await dashboard(books, '2025-04-02T10:00:00')
    const b = await dashboard(books, '2025-05-20T10:00:00')
    expect(b.total_customers.all_time).toBeGreaterThan(a.total_customers.all_time)
    expect(b.most_active[0].transactions).toBeGreaterThanOrEqual(a.most_active[0].transactions)
  })
})

describe('month boundaries', () => {
  it('January: last month is December of the previous year', async () => {
    const json = await dashboard(cafe, '2025-01-15T12:00:00')
    const days = perDay(json)
    expect([...days.keys()].filter((d) => d.startsWith('2024-12'))).toHaveLength(31)
    expect(json.total_transactions.last_month).toBe(sumDates(days, '2024-12-01', '2024-12-31'))
    expect(json.total_transactions.this_month).toBe(sumDates(days, '2025-01-01', '2025-01-15'))
    expect(json.total_transactions.same_period_last_month).toBeGreaterThanOrEqual(sumDates(days, '2024-12-01', '2024-12-14'))
    expect(json.total_transactions.same_period_last_month).toBeLessThanOrEqual(sumDates(days, '2024-12-01', '2024-12-15'))
  })

  it('the 1st of the month just after midnight: nothing yet this month', async () => {
    const json = await dashboard(cafe, '2025-03-01T00:00:30')
    expect(json.total_transactions.this_month).toBe(0)
    expect(json.total_customers.this_month).toBe(0)
    expect(json.total_transactions.same_period_last_month).toBe(0)
    expect(json.total_transactions.last_month).toBe(sumDates(perDay(json), '2025-02-01', '2025-02-28'))
    expect(json.total_transactions.last_month).toBeGreaterThan(0)
  })

  it('31 March of a leap year: same period is clamped to all of February (29 days)', async () => {
    const json = await dashboard(cafe, '2024-03-31T15:00:00')
    const days = perDay(json)
    expect(days.has('2024-02-29')).toBe(true)
    expect(json.total_transactions.same_period_last_month).toBe(json.total_transactions.last_month)
    expect(json.total_customers.same_period_last_month).toBe(json.total_customers.last_month)
    expect(json.total_transactions.last_month).toBe(sumDates(days, '2024-02-01', '2024-02-29'))
  })

  it('30 March of a common year: same period is all of February (28 days)', async () => {
    const json = await dashboard(hardware, '2025-03-30T10:00:00')
    expect(json.total_transactions.same_period_last_month).toBe(json.total_transactions.last_month)
    expect(json.total_transactions.last_month).toBe(sumDates(perDay(json), '2025-02-01', '2025-02-28'))
  })

  it('mid-month at midnight: same period is exactly days 1..day-1 of last month', async () => {
    const json = await dashboard(cafe, '2025-03-15T00:00:00')
    expect(json.total_transactions.same_period_last_month).toBe(sumDates(perDay(json), '2025-02-01', '2025-02-14'))
  })

  it("uses the store's time zone, not UTC: Sydney is already in February", async () => {
    c.setNow('2025-01-31T14:00:00Z') // 1 February, 01:00 in Sydney
    const fields = baseFields(books, { ...ALL_SECTIONS, campaigns_per_day_activity: '40', output: 'JSON' })
    const json = JSON.parse(await postText(c.server, fields, books.key))
    const days = perDay(json)
    expect([...days.keys()].at(-1)).toBe('2025-02-01')
    expect(json.total_transactions.last_month).toBe(sumDates(days, '2025-01-01', '2025-01-31'))
    expect(json.total_transactions.this_month).toBe(days.get('2025-02-01'))
  })
})

describe('daylight saving', () => {
  it("holds the wall clock while London repeats an hour, so 'so far' never goes back", () => {
    const start = Date.parse('2025-10-25T22:00:00Z')
    let prev = -Infinity
    for (let t = start; t < start + 8 * 3_600_000; t += 5 * 60_000) {
      const cut = localCutMs('Europe/London', t)
      expect(cut).toBeGreaterThanOrEqual(prev)
      prev = cut
    }
    expect(localCutMs('Europe/London', Date.parse('2025-10-26T00:30:00Z'))).toBe(Date.parse('2025-10-26T01:30:00Z'))
    // 01:30 GMT, the second 01:30 of the night: the clock still shows the end of the first pass.
    expect(localCutMs('Europe/London', Date.parse('2025-10-26T01:30:00Z'))).toBe(Date.parse('2025-10-26T01:59:59.999Z'))
    expect(localCutMs('Europe/London', Date.parse('2025-10-26T05:00:00Z'))).toBe(Date.parse('2025-10-26T05:00:00Z'))
  })
})
