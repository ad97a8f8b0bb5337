/**
 * Measure 7, the alert rules engine replaying a month of 5-minute polls for 50 stores (432,000
 * outcomes), as the app feeds it: one `step` per poll outcome, the state carried over. Snapshots
 * come from the demo stores' simulation (recomputed every hour of simulated time, so the figures
 * move as a day goes), one poll in 97 fails with a network error. Only the engine's steps are
 * timed; the heap is sampled throughout (garbage included), against the heap before the replay.
 */
import { performance } from 'node:perf_hooks'
import {
  emptyEngineState,
  resolveAlertSettings,
  step,
  type AlertStore,
  type EngineContext,
  type EngineEvent,
} from '../../src/main/core/alerts'
import { dashboardFor, generateStores, type SimStore } from '../../src/main/core/demo'
import type { StoreSnapshot } from '../../src/shared/model'
import { row, type Row } from '../report'
import { heapMb } from './steady'

const STORES = 50
const DAYS = 30
const EVERY_MS = 5 * 60_000
const HOUR_MS = 3_600_000
const START = Date.parse('2025-03-01T00:00:00Z')
const REQUEST = {
  mostActive: 10,
  customerCount: true,
  customersThisMonth: true,
  transactionsThisMonth: true,
  activeCampaigns: true,
  days: 30,
  lastTransactions: 10,
  lastCustomers: 10,
}

/** The month's poll outcomes, time-ordered, generated as they are consumed. */
function* outcomes(stores: SimStore[]): Generator<EngineEvent> {
  const hourly = new Map<string, StoreSnapshot>()
  let n = 0
  for (let t = START; t < START + DAYS * 86_400_000; t += EVERY_MS) {
    const at = new Date(t).toISOString()
    const newHour = t % HOUR_MS === 0
    for (const s of stores) {
      if (++n % 97 === 0) {
        yield { at, store: s.accountId, error: { kind: 'network', message: 'The store could not be reached.' } }
        continue
      }
      if (newHour || !hourly.has(s.accountId))
        hourly.set(s.accountId, { ...dashboardFor(s, REQUEST, new Date(t)), accountId: s.accountId, fetchedAt: at })
      yield { at, store: s.accountId, snapshot: { ...hourly.get(s.accountId)!, fetchedAt: at } }
    }
  }
}

/** Measure 7: outcomes per second of engine time, and peak heap during the replay. */
export async function measureAlerts(): Promise<Row[]> {
  const stores = generateStores(STORES, 5)
  const settings = resolveAlertSettings()
  settings.rules.bigTransaction.enabled = true
  const ctx: EngineContext = {
    settings,
    stores: new Map(
      stores.map((s, i): [string, AlertStore] => [
        s.accountId,
        { id: s.accountId, label: s.label, timeZone: s.timeZone, notify: 'all', monthlyTarget: i % 2 ? 5_000 : null },
      ]),
    ),
    localTimeZone: 'UTC',
  }
  const before = heapMb()
  let peak = before
  let state = emptyEngineState()
  let count = 0
  let alerts = 0
  let engineMs = 0
  for (const event of outcomes(stores)) {
    const t = performance.now()
    const result = step(state, event, ctx)
    engineMs += performance.now() - t
    state = result.state
    alerts += result.alerts.length
    if (++count % 2_000 === 0) peak = Math.max(peak, process.memoryUsage().heapUsed / 1024 / 1024)
  }
  const retained = heapMb() - before // the state carried into the next month, after a forced GC
  const perSecond = count / (engineMs / 1000)
  const realTime = count / (DAYS * 86_400)
  return [
    row(
      7,
      'alerts.rate',
      `alert rules replay: ${count.toLocaleString('en-US')} outcomes, ${STORES} stores × ${DAYS} days, ${alerts.toLocaleString('en-US')} alerts`,
      perSecond,
      'outcomes/s',
      {
        figure: realTime,
        unit: 'outcomes/s',
        what: 'the app’s real rate',
      },
    ),
    row(
      7,
      'alerts.heap',
      'peak heap during the replay (garbage included)',
      peak,
      'MB',
      { figure: before, unit: 'MB', what: 'heap before the replay' },
      {
        note: `${retained.toFixed(1)} MB retained after GC with the final state`,
      },
    ),
  ]
}
