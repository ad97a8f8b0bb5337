import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { StoreHistory } from '../../../shared/history'
import { getApi } from '../bridge'

/** Each store's local history as main summarizes it, loaded on demand and kept raw. */
export const useHistoryStore = defineStore('history', () => {
  const byId = shallowRef<Record<string, StoreHistory>>({})
  const errors = shallowRef<Record<string, string>>({})

  /** Asks main for a store's history; a failure is kept per store for the page to show. */
  async function load(id: string): Promise<void> {
    try {
      const h = await getApi().history.get(id)
      byId.value = { ...byId.value, [id]: Object.freeze(h) }
      const { [id]: _gone, ...rest } = errors.value
      errors.value = rest
    } catch (err) {
      errors.value = { ...errors.value, [id]: (err as Error).message }
    }
  }
  return { byId, errors, load }
})
