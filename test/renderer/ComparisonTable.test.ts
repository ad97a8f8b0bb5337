import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ComparisonTable from '../../src/renderer/src/components/ComparisonTable.vue'
import { buildComparison } from '../../src/shared/comparison'
import { makeSnapshot } from '../helpers/snapshots'
import { DEFAULT_SIZES } from '../../src/shared/model'
import type { StoreView } from '../../src/renderer/src/useStores'
import { sortComparison } from '../../src/renderer/src/comparisonView'

function store(id: string, label: string, over: { limited?: boolean; thisMonth?: number; target?: number } = {}): StoreView {
  const snap = makeSnapshot()
  return {
    account: {
      id,
      label,
      endpoint: 'https://api.clienttoolbox.com',
      userId: 'u',
      accountId: id,
      timeZone: 'UTC',
      colour: '#123456',
      enabled: true,
      format: 'xml',
      sizes: { ...DEFAULT_SIZES },
      hasKey: true,
      limitedPermissions: over.limited ?? false,
      ...(over.target ? { monthlyTarget: over.target } : {}),
    },
    pair: {
      id,
      current: over.thisMonth === undefined ? snap : { ...snap, transactions: { ...snap.transactions, thisMonth: over.thisMonth } },
      previous: null,
    },
    status: { id, state: 'ok', lastSuccessAt: null, nextAttemptAt: null, error: null, needsAttention: false },
  }
}

function comparisonOf(stores: StoreView[]) {
  return buildComparison(stores.map((s) => ({ id: s.account.id, label: s.account.label, timeZone: 'UTC', snapshot: s.pair!.current })))
}

const byId = (stores: StoreView[]) => Object.fromEntries(stores.map((s) => [s.account.id, s]))
const ages = { a: 'as of 5 min ago', b: 'as of 1 min ago', c: 'as of 2 min ago' }

describe('ComparisonTable', () => {
  it('shows one column per store plus a total, each store with its age, and flags limited views', () => {
    const stores = [store('a', 'Harbour Café'), store('b', 'Northside & Co', { limited: true })]
    const w = mount(ComparisonTable, { props: { comparison: comparisonOf(stores), stores: byId(stores), ages, sort: null } })
    const headers = w.findAll('thead th').map((h) => h.text())
    expect(headers[1]).toContain('Harbour Café')
    expect(headers[1]).toContain('as of 5 min ago')
    expect(headers[2]).toContain('Northside & Co')
    expect(headers[2]).toContain('limited view')
    expect(headers[1]).not.toContain('limited view')
    expect(headers[3]).toBe('Total')
    const tx = w
      .find('tr[data-row="transactionsThisMonth"]')
      .findAll('td')
      .map((td) => td.text())
    expect(tx[0]).toMatch(/8,905|8\.905|8 905/)
    // A change carries its sign and an arrow, never colour alone.
    expect(tx[0]).toContain('▼ −1.3%')
    expect(w.find('thead a.store-link').attributes('href')).toBe('#/store/a')
  })

  it('sorts by a row header: ascending, descending, then the user order, announced with aria-sort', async () => {
    const stores = [store('a', 'A', { thisMonth: 500 }), store('b', 'B', { thisMonth: 100 }), store('c', 'C', { thisMonth: 900 })]
    const base = comparisonOf(stores)
    const w = mount(ComparisonTable, { props: { comparison: base, stores: byId(stores), ages, sort: null } })
    const header = () => w.find('tr[data-row="transactionsThisMonth"] th')
    expect(header().attributes('aria-sort')).toBe('none')
    await header().find('button').trigger('click')
    expect(w.emitted('sort')).toEqual([['transactionsThisMonth']])
    const labels = () => w.findAll('thead .store-link').map((a) => a.text())
    await w.setProps({
      comparison: sortComparison(base, { row: 'transactionsThisMonth', dir: 'asc' }),
      sort: { row: 'transactionsThisMonth', dir: 'asc' },
    })
    expect(labels()).toEqual(['B', 'A', 'C'])
    expect(header().attributes('aria-sort')).toBe('ascending')
    await w.setProps({
      comparison: sortComparison(base, { row: 'transactionsThisMonth', dir: 'desc' }),
      sort: { row: 'transactionsThisMonth', dir: 'desc' },
    })
    expect(labels()).toEqual(['C', 'A', 'B'])
    expect(header().attributes('aria-sort')).toBe('descending')
    // The cells move with their store; the total stays.
    expect(w.find('tr[data-row="transactionsThisMonth"]').findAll('td .figure')[0]!.text()).toMatch(/^900$/)
  })

  it('asks to hide a store from its column header', async () => {
    const stores = [store('a', 'A'), store('b', 'B')]
    const w = mount(ComparisonTable, { props: { comparison: comparisonOf(stores), stores: byId(stores), ages, sort: null } })
    await w.find('button[aria-label="Hide B from the comparison"]').trigger('click')
    expect(w.emitted('hide')).toEqual([['b']])
  })

  it('shows a target row with progress so far and projected, only when a store has a target', () => {
    const stores = [store('a', 'A', { thisMonth: 500, target: 1000 }), store('b', 'B')]
    const w = mount(ComparisonTable, { props: { comparison: comparisonOf(stores), stores: byId(stores), ages, sort: null } })
    const cells = w
      .find('tr[data-row="target"]')
      .findAll('td')
      .map((td) => td.text())
    expect(cells[0]).toContain('50% so far')
    expect(cells[0]).toMatch(/\d+% projected/)
    expect(cells[1]).toContain('no target')
    const none = mount(ComparisonTable, {
      props: { comparison: comparisonOf([store('b', 'B')]), stores: byId([store('b', 'B')]), ages, sort: null },
    })
    expect(none.find('tr[data-row="target"]').exists()).toBe(false)
  })

  it('says how the projection was made, with its method', () => {
    const stores = [store('a', 'A')]
    const w = mount(ComparisonTable, { props: { comparison: comparisonOf(stores), stores: byId(stores), ages, sort: null } })
    const pace = w.find('tr[data-row="pace"] td')
    expect(pace.attributes('title')).toMatch(/Linear/)
    expect(pace.text()).toContain('linear')
  })
})
