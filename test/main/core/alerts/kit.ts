/**
 * Helpers of the alert engine tests: snapshots built from a few figures, contexts with chosen
 * settings and stores, and a runner that feeds events through the real engine.
 */
import type { StoreSnapshot, Transaction } from '../../../../src/shared/model'
import {
  defaultAlertSettings,
  emptyEngineState,
  run,
  type Alert,
  type AlertSettings,
  type AlertStore,
  type EngineContext,
  type EngineEvent,
  type EngineState,
} from '../../../../src/main/core/alerts'

export interface SnapOptions {
  thisMonth?: number | null
  same?: number | null
  /** date → quantity, one campaign. */
  days?: Record<string, number>
  /** [id, amount] pairs. */
  txs?: [string, number | null][]
}

/** A transaction with the given id and amount. */
export function tx(id: string, amount: number | null): Transaction {
  return {
    transactionId: id,
    campaignId: '1',
    campaignName: 'Coffee card',
    campaignType: 'stamp',
    code: 'C',
    cardNumber: '1',
    firstName: 'A',
    lastName: 'B',
    date: '2025-03-10 10:00:00',
    amount,
    redeemed: false,
    item: '',
    description: '',
    user: '',
  }
}

/** A snapshot with the given figures (defaults: 100 this month, 100 same period, no activity, no transactions). */
export function snap(o: SnapOptions = {}): StoreSnapshot {
  return {
    accountId: 'a1',
    fetchedAt: '2025-03-10T10:00:00Z',
    customers: { allTime: 1, thisMonth: 1, lastMonth: 1, samePeriodLastMonth: 1 },
    transactions: {
      thisMonth: o.thisMonth === undefined ? 100 : o.thisMonth,
      lastMonth: 300,
      samePeriodLastMonth: o.same === undefined ? 100 : o.same,
    },
    activeCampaigns: 1,
    mostActive: [],
    campaignActivity: o.days
      ? [
          {
            campaignId: '1',
            name: 'Coffee card',
            type: 'stamp',
            days: Object.entries(o.days).map(([date, quantity]) => ({ date, quantity })),
          },
        ]
      : [],
    lastTransactions: (o.txs ?? []).map(([id, amount]) => tx(id, amount)),
    lastCustomers: [],
  }
}

/** A store with defaults (UTC, notify all, default hours, no target). */
export function store(id: string, o: Partial<AlertStore> = {}): AlertStore {
  return { id, label: o.label ?? `Store ${id}`, timeZone: 'UTC', notify: 'all', monthlyTarget: null, ...o }
}

/** A context over `stores`, with `change` applied to the default settings. */
export function ctxOf(stores: AlertStore[], change: (s: AlertSettings) => void = () => undefined, localTimeZone = 'UTC'): EngineContext {
  const settings = defaultAlertSettings()
  change(settings)
  return { settings, stores: new Map(stores.map((s) => [s.id, s])), localTimeZone }
}

/** A success of `id` at `at`. */
export const ok = (at: string, o: SnapOptions = {}, id = 's1'): EngineEvent => ({ at, store: id, snapshot: snap(o) })
/** A failure of `id` at `at`. */
export const fail = (
  at: string,
  kind: 'network' | 'timeout' | 'http' | 'response' | 'api' | 'keychain' = 'network',
  id = 's1',
): EngineEvent => ({
  at,
  store: id,
  error: { kind, message: `${kind} failed` },
})

/** `at` plus `minutes` as ISO. */
export function plus(at: string, minutes: number): string {
  return new Date(Date.parse(at) + minutes * 60_000).toISOString()
}

/** Runs `events` from an empty (or given) state; returns the alerts and the final state. */
export function replay(
  events: EngineEvent[],
  ctx: EngineContext,
  state: EngineState = emptyEngineState(),
): { alerts: Alert[]; state: EngineState } {
  return run(state, events, ctx)
}

/** The kinds of `alerts`, in order. */
export const kinds = (alerts: Alert[]) => alerts.map((a) => a.kind)
