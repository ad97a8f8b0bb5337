import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AlertLog } from '../../../shared/alerts'
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
  /** The alert log from main (newest first), its unread count and the mute. */
  const log = ref<AlertLog>({ alerts: [], unread: 0, mutedUntil: null })
  function setLog(next: AlertLog): void {
    log.value = next
  }
  const unread = computed(() => log.value.unread)
  return { warnings, add, setAll, dismiss, log, setLog, unread }
})
