/**
 * Loads the first frame from main and keeps every domain store up to date from main's events.
 */
import { getApi } from '../bridge'
import { useAccountsStore } from './accounts'
import { useAlertsStore } from './alerts'
import { useNavStore } from './nav'
import { useSettingsStore } from './settings'
import { useSnapshotsStore } from './snapshots'
import { useHistoryStore } from './history'

/** Subscribes to events first (so nothing between load and subscribe is missed), then loads. */
export async function connectStores(): Promise<() => void> {
  const nav = useNavStore()
  const accounts = useAccountsStore()
  const snapshots = useSnapshotsStore()
  const settings = useSettingsStore()
  const alerts = useAlertsStore()
  let api
  try {
    api = getApi()
  } catch (err) {
    nav.loadError = (err as Error).message
    return () => {}
  }
  const offs = [
    api.on.snapshot((p) => snapshots.setPair(p)),
    api.on.status((s) => snapshots.setStatus(s)),
    api.on.accounts((list) => {
      accounts.set(list)
      const ids = new Set(list.map((a) => a.id))
      const known = new Set([...Object.keys(snapshots.pairs), ...Object.keys(snapshots.statuses)])
      ;[...known].filter((id) => !ids.has(id)).forEach((id) => snapshots.drop(id))
    }),
    api.on.settings((s) => settings.set(s)),
    api.on.warning((w) => alerts.add(w)),
    api.on.alerts((l) => alerts.setLog(l)),
  ]
  const timer = setInterval(() => snapshots.tick(), 30_000)
  try {
    const state = await api.app.state()
    settings.setInfo(state.info)
    settings.set(state.settings)
    accounts.set(state.accounts)
    snapshots.setAll(state.snapshots)
    state.statuses.forEach((s) => snapshots.setStatus(s))
    alerts.setAll(state.warnings)
    alerts.setLog(await api.alerts.list())
    // The local history feeds each store's projection (weekday figures beyond the API's 30 days).
    const history = useHistoryStore()
    state.accounts.forEach((a) => void history.load(a.id))
  } catch (err) {
    nav.loadError = (err as Error).message
  } finally {
    nav.loaded = true
  }
  return () => {
    offs.forEach((off) => off())
    clearInterval(timer)
  }
}
