import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { AccountView, SnapshotPair } from '../../../shared/ipc'
import type { Settings, StoreStatus } from '../../../shared/model'
import { buildComparison } from '../../../shared/comparison'
import { ageLine } from '../../../shared/period'
import { inUserOrder, nextSort, sortComparison } from '../comparisonView'
import { useAccountsStore } from './accounts'
import { getApi } from '../bridge'
import { useHistoryStore } from './history'
import { useSettingsStore } from './settings'
import { useSnapshotsStore } from './snapshots'

/** One enabled store with its figures and status (no age: that ticks, the figures do not). */
export interface StoreView {
  account: AccountView
  pair: SnapshotPair | null
  status: StoreStatus | null
}

const FAILING_STATES = new Set(['error', 'offline'])

/**
 * The one home of every fact derived from accounts, snapshots, statuses and settings: the stores
 * in the user's order, which are failing, need attention or are stale, each one's age, the
 * comparison as shown (hidden stores left out, sorted), and the actions that change how it is shown.
 * The header, status bar, Overview, Stores and Alerts all read it from here.
 */
export const useViewModel = defineStore('viewModel', () => {
  const accounts = useAccountsStore()
  const snapshots = useSnapshotsStore()
  const settings = useSettingsStore()
  const history = useHistoryStore()
  // A store's view object is reused while its account, figures and status are the same objects,
  // so one store's new snapshot changes only that store's entry.
  const cache = new Map<string, StoreView>()

  const ordered = computed(() => inUserOrder(accounts.list, settings.settings.storeOrder))
  const stores = computed<StoreView[]>(() =>
    ordered.value
      .filter((a) => a.enabled)
      .map((account) => {
        const pair = snapshots.pairs[account.id] ?? null
        const status = snapshots.statuses[account.id] ?? null
        const known = cache.get(account.id)
        if (known && known.account === account && known.pair === pair && known.status === status) return known
        const view = { account, pair, status }
        cache.set(account.id, view)
        return view
      }),
  )
  const byId = computed(() => Object.fromEntries(stores.value.map((s) => [s.account.id, s])))
  /** "as of 5 min ago", or why there is nothing yet; the only fact that follows the clock. */
  const ages = computed<Record<string, string>>(() =>
    Object.fromEntries(
      stores.value.map((s) => [
        s.account.id,
        s.pair
          ? ageLine('as of', s.pair.current.fetchedAt, new Date(snapshots.now))
          : s.status?.error
            ? s.status.error.message
            : 'no figures yet',
      ]),
    ),
  )
  const failing = computed(() => stores.value.filter((s) => FAILING_STATES.has(s.status?.state ?? '')))
  const needsAttention = computed(() => stores.value.filter((s) => s.status?.needsAttention))
  const stale = computed(() => stores.value.filter((s) => s.status?.state === 'stale'))
  /** Stores with an error to show on the Alerts view. */
  const erroring = computed(() => stores.value.filter((s) => s.status?.error))
  const hidden = computed(() => new Set(settings.settings.hiddenStores))
  const visible = computed(() => stores.value.filter((s) => !hidden.value.has(s.account.id)))
  const comparison = computed(() =>
    sortComparison(
      buildComparison(
        visible.value.map((s) => {
          const daily = history.byId[s.account.id]?.daily
          return {
            id: s.account.id,
            label: s.account.label,
            timeZone: s.account.timeZone,
            snapshot: s.pair?.current ?? null,
            ...(daily ? { history: daily } : {}),
          }
        }),
      ),
      settings.settings.comparisonSort,
    ),
  )
  const newestFetch = computed(() => {
    const times = stores.value.flatMap((s) => (s.pair ? [s.pair.current.fetchedAt] : []))
    return times.length ? times.sort().at(-1)! : null
  })

  const save = (patch: Partial<Settings>) => settings.update(patch)
  // Hiding and moving are operations main applies to the settings it holds, in turn: the window
  // never sends a list computed from its own copy, so a second click before the first is answered
  // counts too. No optimistic change: the settings main answers with are shown.
  const apply = async (change: Promise<Settings>): Promise<void> => settings.set(await change)
  /** Leaves a store out of the comparison (it is still polled). */
  const hide = (id: string) => apply(getApi().stores.hide(id))
  /** Brings a hidden store back into the comparison. */
  const show = (id: string) => apply(getApi().stores.unhide(id))
  /** Sorts by a figure: ascending, descending, then the user's order. */
  // Clicks are applied one after the other, each to the sort main last answered with: two quick
  // clicks on a header go ascending then descending, not ascending twice.
  let sorting: Promise<void> = Promise.resolve()
  const sortBy = (row: string): Promise<void> => {
    const next = sorting.catch(() => undefined).then(() => save({ comparisonSort: nextSort(settings.settings.comparisonSort, row) }))
    sorting = next
    return next
  }
  const setChartScale = (chartScale: Settings['chartScale']) => save({ chartScale })
  /** Moves a store one place up (-1) or down (+1) in the user's order. */
  const move = (id: string, delta: -1 | 1) => apply(getApi().stores.move(id, delta))
  /** Asks main to save the comparison as CSV (its save dialog); the path, or null when cancelled. */
  const exportCsv = () => getApi().comparison.exportCsv()
  /** Asks for fresh figures for one store now. */
  const refresh = (id: string) => getApi().stores.refresh(id)
  return {
    exportCsv,
    refresh,
    ordered,
    stores,
    byId,
    ages,
    failing,
    needsAttention,
    stale,
    erroring,
    hidden,
    visible,
    comparison,
    newestFetch,
    hide,
    show,
    sortBy,
    setChartScale,
    move,
  }
})
