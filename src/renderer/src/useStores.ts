/**
 * Words for a store's polling state, and the view model's store list for views that only need it.
 */
import { storeToRefs } from 'pinia'
import type { StoreStatus } from '../../shared/model'
import { useViewModel, type StoreView } from './stores/view'

export type { StoreView }

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

/** The enabled stores and the comparison as shown, from the view model. */
export function useStores() {
  const { stores, comparison, ages } = storeToRefs(useViewModel())
  return { stores, comparison, ages }
}
