import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '../../../shared/ipc'
import { DEFAULT_SETTINGS, type Settings } from '../../../shared/model'
import { getApi } from '../bridge'

/** App settings and the app's own facts (version, data folder). */
export const useSettingsStore = defineStore('settings', () => {
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })
  const info = ref<AppInfo | null>(null)

  function set(next: Settings): void {
    settings.value = next
  }
  function setInfo(next: AppInfo): void {
    info.value = next
  }
  async function update(patch: Partial<Settings>): Promise<void> {
    settings.value = await getApi().settings.update(patch)
  }
  /** Has main put the diagnostics text (no key, no customer name) on the clipboard; returns the text. */
  function copyDiagnostics(): Promise<string> {
    return getApi().app.copyDiagnostics()
  }
  return { settings, info, set, setInfo, update, copyDiagnostics }
})
