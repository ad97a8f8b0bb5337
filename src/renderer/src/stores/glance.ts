import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import { glanceStore, inOneHour, tomorrowAtEight, type GlanceStore } from '../../../shared/glance'
import { getApi } from '../bridge'
import { useAlertsStore } from './alerts'
import { useSettingsStore } from './settings'
import { useSnapshotsStore } from './snapshots'
import { useViewModel } from './view'

/** How many of the newest alerts the glance lists. */
export const GLANCE_ALERTS = 3

/**
 * The tray's glance window: one row per enabled store (in the user's order) by the same rule as
 * the tray menu (`shared/glance.ts`), the newest alerts, and its actions (mute, unmute, hide,
 * open the main window). The glance window's page reaches main only through these.
 */
export const useGlanceStore = defineStore('glance', () => {
  const vm = useViewModel()
  const snapshots = useSnapshotsStore()
  const settings = useSettingsStore()
  const alerts = useAlertsStore()
  const error = ref('')

  const rows = computed<GlanceStore[]>(() =>
    vm.stores.map((s) =>
      glanceStore(s.account, s.pair?.current ?? null, s.status ?? undefined, settings.settings.intervalSec, new Date(snapshots.now)),
    ),
  )
  const latest = computed(() => alerts.log.alerts.slice(0, GLANCE_ALERTS))
  const mutedUntil = computed(() => alerts.log.mutedUntil)

  async function run(action: () => Promise<void>): Promise<void> {
    try {
      error.value = ''
      await action()
    } catch (err) {
      error.value = (err as Error).message
    }
  }
  const mute = (until: Date) => run(async () => alerts.setLog(await getApi().alerts.mute(until.toISOString())))
  /** Holds back alerts that are not urgent for an hour. */
  const muteHour = () => mute(inOneHour(new Date()))
  /** Holds back alerts that are not urgent until 08:00 tomorrow (local time). */
  const muteTomorrow = () => mute(tomorrowAtEight(new Date()))
  /** Ends the mute. */
  const unmute = () => run(async () => alerts.setLog(await getApi().alerts.unmute()))
  /** Hides the glance window; with a route ('' = as it is), main then shows the main window there. */
  const hide = (openRoute?: string) => run(() => getApi().glance.hide(openRoute))
  return { rows, latest, mutedUntil, error, muteHour, muteTomorrow, unmute, hide }
})
