import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { installCoreBridge, type CoreBridge } from './coreBridge'
import { connectStores } from '../../src/renderer/src/stores/connect'
import { useViewModel } from '../../src/renderer/src/stores/view'
import { useSnapshotsStore } from '../../src/renderer/src/stores/snapshots'
import { useSettingsStore } from '../../src/renderer/src/stores/settings'
import { useThemeStore } from '../../src/renderer/src/stores/theme'
import OverviewView from '../../src/renderer/src/views/OverviewView.vue'

let bridge: CoreBridge
let disconnect: () => void
beforeEach(async () => {
  bridge = await installCoreBridge(3)
  const pinia = createPinia()
  setActivePinia(pinia)
  disconnect = await connectStores()
})
afterEach(async () => {
  disconnect()
  await bridge.close()
})

const until = async (cond: () => boolean) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25))
  expect(cond()).toBe(true)
}

describe('the view model', () => {
  it('hides a store from the comparison without disabling it, and keeps that in settings', async () => {
    const vm = useViewModel()
    await until(() => vm.stores.length === 3)
    const id = vm.stores[1]!.account.id
    await vm.hide(id)
    expect(vm.visible.map((s) => s.account.id)).not.toContain(id)
    expect(vm.comparison.stores).toHaveLength(2)
    expect(bridge.core.accounts.settings().hiddenStores).toEqual([id])
    expect(bridge.core.accounts.list().find((a) => a.id === id)!.enabled).toBe(true)
    const w = mount(OverviewView, { global: { stubs: { ActivityChart: true, MonthBars: true } } })
    await until(() => w.find('[data-testid="shown-count"]').exists())
    expect(w.find('[data-testid="shown-count"]').text()).toContain('Totals cover 2 of 3 stores')
    await w.find(`button[aria-label="Show ${vm.stores[1]!.account.label} in the comparison"]`).trigger('click')
    await until(() => vm.visible.length === 3)
    expect(bridge.core.accounts.settings().hiddenStores).toEqual([])
    w.unmount()
  })

  it('cycles the sort ascending, descending, the user order, and keeps it in settings', async () => {
    const vm = useViewModel()
    await until(() => vm.stores.length === 3 && vm.stores.every((s) => s.pair))
    await vm.sortBy('transactionsThisMonth')
    expect(bridge.core.accounts.settings().comparisonSort).toEqual({ row: 'transactionsThisMonth', dir: 'asc' })
    const values = () => vm.comparison.rows.find((r) => r.key === 'transactionsThisMonth')!.cells.map((c) => c.value!)
    expect(values()).toEqual([...values()].sort((a, b) => a - b))
    await vm.sortBy('transactionsThisMonth')
    expect(values()).toEqual([...values()].sort((a, b) => b - a))
    await vm.sortBy('transactionsThisMonth')
    expect(bridge.core.accounts.settings().comparisonSort).toBeNull()
    expect(vm.comparison.stores.map((s) => s.id)).toEqual(vm.stores.map((s) => s.account.id))
  })

  it('moves a store in the user order', async () => {
    const vm = useViewModel()
    await until(() => vm.ordered.length === 3)
    const [a, b, c] = vm.ordered.map((x) => x.id)
    await vm.move(c!, -1)
    expect(vm.ordered.map((x) => x.id)).toEqual([a, c, b])
    expect(bridge.core.accounts.settings().storeOrder).toEqual([a, c, b])
  })

  it('keeps every click made before the first is answered: two hides, two moves', async () => {
    const vm = useViewModel()
    await until(() => vm.stores.length === 3)
    const [a, b, c] = vm.ordered.map((x) => x.id)
    await Promise.all([vm.hide(a!), vm.hide(b!)])
    expect([...vm.hidden]).toEqual([a, b])
    expect(vm.visible.map((s) => s.account.id)).toEqual([c])
    expect(bridge.core.accounts.settings().hiddenStores).toEqual([a, b])
    await Promise.all([vm.move(c!, -1), vm.move(c!, -1)])
    expect(vm.ordered.map((x) => x.id)).toEqual([c, a, b])
    expect(bridge.core.accounts.settings().storeOrder).toEqual([c, a, b])
    await Promise.all([vm.show(a!), vm.show(b!)])
    expect(vm.visible).toHaveLength(3)
    expect(bridge.core.accounts.settings().hiddenStores).toEqual([])
    // Two clicks on one header: ascending, then descending.
    await Promise.all([vm.sortBy('transactionsThisMonth'), vm.sortBy('transactionsThisMonth')])
    expect(bridge.core.accounts.settings().comparisonSort).toEqual({ row: 'transactionsThisMonth', dir: 'desc' })
  })

  it("shows main's refusal and keeps the settings when the store is gone", async () => {
    const vm = useViewModel()
    const settings = useSettingsStore()
    await until(() => vm.stores.length === 3)
    const before = settings.settings
    await expect(vm.hide('no-such-store')).rejects.toThrow('That store no longer exists.')
    await expect(vm.move('no-such-store', 1)).rejects.toThrow('That store no longer exists.')
    expect(settings.settings).toBe(before)
    expect(bridge.core.accounts.settings().hiddenStores).toEqual([])
  })

  it('lets the age tick without touching the comparison, and one snapshot change only its store', async () => {
    const vm = useViewModel()
    const snapshots = useSnapshotsStore()
    await until(() => vm.stores.length === 3 && vm.stores.every((s) => s.pair))
    const comparison = vm.comparison
    const views = [...vm.stores]
    const ages = vm.ages
    snapshots.tick(Date.now() + 10 * 60_000)
    expect(vm.ages).not.toBe(ages)
    expect(vm.comparison).toBe(comparison)
    const first = views[0]!.pair!
    snapshots.setPair({ ...first, current: { ...first.current, fetchedAt: new Date().toISOString() } })
    expect(vm.stores[0]).not.toBe(views[0])
    expect(vm.stores[1]).toBe(views[1])
    expect(vm.stores[2]).toBe(views[2])
  })
})

describe('idle costs nothing', () => {
  it('a status change or the age ticking hands the charts the very same arrays; new figures new ones', async () => {
    const vm = useViewModel()
    const snapshots = useSnapshotsStore()
    await until(() => vm.stores.length === 3 && vm.stores.every((s) => s.pair))
    const w = mount(OverviewView, { global: { stubs: { ActivityChart: true, MonthBars: true } } })
    const chartSeries = () => w.findComponent({ name: 'ActivityChart' }).props('series') as unknown[]
    const monthBars = () => w.findComponent({ name: 'MonthBars' }).props('bars') as unknown[]
    const series = chartSeries()
    const bars = monthBars()
    expect(series).toHaveLength(3)
    const status = vm.stores[0]!.status!
    snapshots.setStatus({ ...status, state: 'refreshing' })
    snapshots.tick(Date.now() + 60 * 60_000)
    await w.vm.$nextTick()
    expect(chartSeries()).toBe(series)
    expect(monthBars()).toBe(bars)
    const pair = vm.stores[1]!.pair!
    const more = {
      ...pair.current,
      transactions: { ...pair.current.transactions, thisMonth: (pair.current.transactions.thisMonth ?? 0) + 1 },
      campaignActivity: [],
    }
    snapshots.setPair({ ...pair, current: more })
    await w.vm.$nextTick()
    expect(chartSeries()).not.toBe(series)
    expect((chartSeries() as unknown[])[0]).toBe(series[0])
    expect(monthBars()).not.toBe(bars)
    w.unmount()
  })
})

describe('the theme', () => {
  it('follows the setting, and the system while the setting is "system"', async () => {
    const settings = useSettingsStore()
    const theme = useThemeStore()
    await settings.update({ theme: 'dark' })
    expect(theme.resolved).toBe('dark')
    expect(bridge.core.accounts.settings().theme).toBe('dark')
    await settings.update({ theme: 'light' })
    expect(theme.resolved).toBe('light')
    await settings.update({ theme: 'system' })
    theme.systemDark = true
    expect(theme.resolved).toBe('dark')
    theme.systemDark = false
    expect(theme.resolved).toBe('light')
  })
})
