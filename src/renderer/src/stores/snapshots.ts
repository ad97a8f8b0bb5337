import { defineStore } from 'pinia'
import { computed, markRaw, ref, shallowRef } from 'vue'
import type { SnapshotPair } from '../../../shared/ipc'
import type { StoreStatus } from '../../../shared/model'

/** The last good snapshot (and the one before) per store, and each store's polling status. */
export const useSnapshotsStore = defineStore('snapshots', () => {
  // Snapshots are large and replaced whole: kept shallow and raw, never deep-reactive.
  const pairs = shallowRef<Record<string, SnapshotPair>>({})
  const statuses = ref<Record<string, StoreStatus>>({})
  const now = ref(Date.now())

  function setPair(pair: SnapshotPair): void {
    pairs.value = { ...pairs.value, [pair.id]: markRaw(pair) }
  }
  function setAll(list: SnapshotPair[]): void {
    pairs.value = Object.fromEntries(list.map((p) => [p.id, markRaw(p)]))
  }
  function setStatus(status: StoreStatus): void {
    statuses.value = { ...statuses.value, [status.id]: status }
  }
  function drop(id: string): void {
    const { [id]: _p, ...rest } = pairs.value
    pairs.value = rest
    const { [id]: _s, ...others } = statuses.value
    statuses.value = others
  }
  /** Advances the clock the ages are measured against. */
  function tick(at = Date.now()): void {
    now.value = at
  }
  const count = computed(() => Object.keys(pairs.value).length)
  return { pairs, statuses, now, count, setPair, setAll, setStatus, drop, tick }
})
