/**
 * Test helpers for the snapshot store and history: a valid StoreSnapshot built from a number, a
 * clock that only moves when told, and a temp directory per test.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { StoreSnapshot } from '../../src/shared/model'
import type { Clock } from '../../src/main/core/ports'
import type { LoadedSnapshots, SnapshotStore } from '../../src/main/core/snapshots'

/** A valid snapshot whose figures are derived from `n` (same n → same data), fetched at `fetchedAt`. */
export function makeSnapshot(n: number, fetchedAt: string, accountId = 'acct-1'): StoreSnapshot {
  return {
    accountId,
    fetchedAt,
    customers: { allTime: 1000 + n, thisMonth: n, lastMonth: 40, samePeriodLastMonth: null },
    transactions: { thisMonth: 10 * n, lastMonth: 300, samePeriodLastMonth: 120 },
    activeCampaigns: 3,
    mostActive: [{ code: 'C1', cardNumber: '0001', firstName: 'Ana', lastName: 'Lima', transactions: n }],
    campaignActivity: [
      {
        campaignId: '7',
        name: 'Coffee card',
        type: 'stamp',
        days: [
          { date: '2024-05-01', quantity: 3 },
          { date: '2024-05-02', quantity: n },
        ],
      },
    ],
    lastTransactions: [
      {
        transactionId: `t${n}`,
        campaignId: '7',
        campaignName: 'Coffee card',
        campaignType: 'stamp',
        code: 'C1',
        cardNumber: '0001',
        firstName: 'Ana',
        lastName: 'Lima',
        date: '2024-05-02 10:00:00',
        amount: 4.5,
        redeemed: false,
        item: 'Latte',
        description: '',
        user: 'till',
      },
    ],
    lastCustomers: [{ code: 'C1', cardNumber: '0001', firstName: 'Ana', lastName: 'Lima', timeStamp: '2024-05-01 09:00:00' }],
  }
}

/** A Clock whose time moves only through `advance`/`set`; timers are not used by these stores. */
export interface ManualClock extends Clock {
  advance(ms: number): void
  set(iso: string): void
  iso(): string
}

/** Creates a ManualClock starting at `start`. */
export function manualClock(start = '2024-05-02T10:00:00.000Z'): ManualClock {
  let now = Date.parse(start)
  return {
    now: () => now,
    setTimeout: () => {
      throw new Error('timers are not used here')
    },
    clearTimeout: () => undefined,
    advance: (ms) => {
      now += ms
    },
    set: (iso) => {
      now = Date.parse(iso)
    },
    iso: () => new Date(now).toISOString(),
  }
}

/** A fresh directory under the OS temp dir, and a function that deletes it. */
export async function tempDir(prefix = 'storeglance-snap-'): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/** `load` for several stores at once, keyed by id. */
export async function loadAll(store: SnapshotStore, ids: string[]): Promise<Record<string, LoadedSnapshots>> {
  const loaded = await Promise.all(ids.map((id) => store.load(id)))
  return Object.fromEntries(ids.map((id, i) => [id, loaded[i]!]))
}
