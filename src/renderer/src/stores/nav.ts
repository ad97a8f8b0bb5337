import { defineStore } from 'pinia'
import { ref } from 'vue'

export type ViewName = 'overview' | 'stores' | 'alerts' | 'settings'

/** Which view is on screen, and whether the first load has finished. */
export const useNavStore = defineStore('nav', () => {
  const view = ref<ViewName>('overview')
  const loaded = ref(false)
  const loadError = ref<string | null>(null)
  function go(next: ViewName): void {
    view.value = next
  }
  return { view, loaded, loadError, go }
})
