/**
 * The per-store view model the views share: each enabled account with its snapshot, status and age.
 */
import { computed } from 'vue'
import { useAccountsStore } from './stores/accounts'
import { useSnapshotsStore } from './stores/snapshots'
import { buildComparison } from '../../shared/comparison'
import { ageText } from '../../shared/period'
import type { AccountView, SnapshotPair } from '../../shared/ipc'
import type { StoreStatus } from '../../shared/model'

export interface StoreView {
  account: AccountView
  pair: SnapshotPair | null
  status: StoreStatus | null
  /** "as of 5 min ago", or why there is nothing to show yet. */
  age: string
}

const STATE_TEXT: Record<string, string> = {
  ok: 'up to date',
  refreshing: 'refreshing…',
  stale: 'out of date',
  error: 'not updating',
  offline: 'offline',
  paused: 'paused',
  idle: 'waiting',
}

/** A short word for a status, for badges. */
export function stateText(status: StoreStatus | null): string {
  return status ? (STATE_TEXT[status.state] ?? status.state) : 'waiting'
}

/** Reactive list of enabled stores with their figures, and the comparison built from them. */
export function useStores() {
  const accounts = useAccountsStore()
  const snapshots = useSnapshotsStore()
  const stores = computed<StoreView[]>(() =>
    accounts.enabled.map((account) => {
      const pair = snapshots.pairs[account.id] ?? null
      const status = snapshots.statuses[account.id] ?? null
      const age = pair ? `as of ${ageText(pair.current.fetchedAt, new Date(snapshots.now))}` : status?.error ? status.error.message : 'no figures yet'
      return { account, pair, status, age }
    }),
  )
  const comparison = computed(() =>
    buildComparison(
      stores.value.map((s) => ({ id: s.account.id, label: s.account.label, timeZone: s.account.timeZone, snapshot: s.pair?.current ?? null })),
    ),
  )
  return { stores, comparison }
}
