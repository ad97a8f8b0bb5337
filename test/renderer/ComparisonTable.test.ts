import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ComparisonTable from '../../src/renderer/src/components/ComparisonTable.vue'
import { buildComparison } from '../../src/shared/comparison'
import { makeSnapshot } from '../helpers/snapshots'
import { DEFAULT_SIZES } from '../../src/shared/model'
import type { StoreView } from '../../src/renderer/src/useStores'

function store(id: string, label: string, limited = false): StoreView {
  return {
    account: {
      id, label, endpoint: 'https://api.clienttoolbox.com', userId: 'u', accountId: id, timeZone: 'UTC', colour: '#123456',
      enabled: true, format: 'xml', sizes: { ...DEFAULT_SIZES }, hasKey: true, limitedPermissions: limited,
    },
    pair: { id, current: makeSnapshot(), previous: null },
    status: { id, state: 'ok', lastSuccessAt: null, nextAttemptAt: null, error: null, needsAttention: false },
    age: 'as of 5 min ago',
  }
}

describe('ComparisonTable', () => {
  it('shows one column per store plus a total, each store with its age, and flags limited views', () => {
    const stores = [store('a', 'Harbour Café'), store('b', 'Northside & Co', true)]
    const comparison = buildComparison(
      stores.map((s) => ({ id: s.account.id, label: s.account.label, timeZone: 'UTC', snapshot: s.pair!.current }))
  )
    const w = mount(ComparisonTable, { props: { comparison, stores } })
    const headers = w.findAll('thead th').map((h) => h.text())
    expect(headers[1]).toContain('Harbour Café')
    expect(headers[1]).toContain('as of 5 min ago')
    expect(headers[2]).toContain('Northside & Co')
    expect(headers[2]).toContain('limited view')
    expect(headers[1]).not.toContain('limited view')
    expect(headers[3]).toBe('Total')
    const tx = w.find('tr[data-row="transactionsThisMonth"]').findAll('td').map((td) => td.text())
    expect(tx[0]).toContain('8,905')
    expect(tx[0]).toContain('−1.3%')
    expect(tx[2]).toContain('17,810')
  })
})
