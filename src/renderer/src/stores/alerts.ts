import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppWarning } from '../../../shared/ipc'

/** Messages for the owner: damaged files set aside, keychain trouble, stores that need attention. */
export const useAlertsStore = defineStore('alerts', () => {
  const warnings = ref<AppWarning[]>([])
  function add(w: AppWarning): void {
    warnings.value = [w, ...warnings.value].slice(0, 100)
  }
  function setAll(list: AppWarning[]): void {
    warnings.value = [...list]
  }
  function dismiss(index: number): void {
    warnings.value = warnings.value.filter((_, i) => i !== index)
  }
  return { warnings, add, setAll, dismiss }
})
