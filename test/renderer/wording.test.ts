/** Counts in words, and the Alerts badge counting what the Alerts view lists for action. */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import AppHeader from '../../src/renderer/src/components/AppHeader.vue'
import { useAlertsStore } from '../../src/renderer/src/stores/alerts'
import { alertsBadge, counted, coverageText, shareText, statusBarWarnings } from '../../src/renderer/src/wording'
import type { LoggedAlert } from '../../src/shared/alerts'

beforeEach(() => setActivePinia(createPinia()))

describe('counts in words', () => {
  it('says one store, two stores, and 1 needs / 2 need', () => {
    expect(counted(1, 'store')).toBe('1 store')
    expect(counted(2, 'store')).toBe('2 stores')
    expect(counted(1200, 'warning')).toBe('1,200 warnings')
  })

  it('the Overview says nothing of coverage for one store, "all" when none is hidden, "3 of 4" otherwise', () => {
    expect(coverageText(1, 1)).toBe('')
    expect(coverageText(2, 2)).toBe('Totals cover both stores')
    expect(coverageText(4, 4)).toBe('Totals cover all 4 stores')
    expect(coverageText(3, 4)).toBe('Totals cover 3 of 4 stores')
    expect(coverageText(0, 1)).toBe('Totals cover 0 of 1 store')
  })
})

describe('the status bar', () => {
  const store = (o: Partial<{ failing: boolean; needsAttention: boolean; stale: boolean }> = {}) => ({
    failing: false,
    needsAttention: false,
    stale: false,
    ...o,
  })

  it('counts each store once: attention first claims a failing store, then failing, then out of date', () => {
    expect(statusBarWarnings([store(), store()])).toEqual([])
    expect(statusBarWarnings([store({ failing: true, needsAttention: true }), store({ failing: true }), store({ failing: true })])).toEqual(
      ['2 not updating', '1 needs attention'],
    )
    expect(statusBarWarnings([store({ needsAttention: true }), store({ needsAttention: true }), store({ stale: true })])).toEqual([
      '2 need attention',
      '1 out of date',
    ])
  })
})

describe('shares', () => {
  it('never read as none or all when they are neither', () => {
    expect(shareText(0.004)).toBe('<1%')
    expect(shareText(0)).toBe('0%')
    expect(shareText(0.126)).toBe('13%')
    expect(shareText(0.996)).toBe('>99%')
    expect(shareText(1)).toBe('100%')
    expect(shareText(null)).toBe('—')
  })
})

describe('the Alerts badge', () => {
  it('counts unread alerts, failing stores and warnings, and names them', () => {
    expect(alertsBadge({ unread: 1, failing: 2, warnings: 0 })).toEqual({ count: 3, label: '1 unread alert, 2 stores failing' })
    expect(alertsBadge({ unread: 0, failing: 0, warnings: 1 })).toEqual({ count: 1, label: '1 warning' })
    expect(alertsBadge({ unread: 0, failing: 0, warnings: 0 }).count).toBe(0)
  })

  it('in the header, drops what "Mark all read" cleared and keeps what still needs action', async () => {
    const alerts = useAlertsStore()
    const alert: LoggedAlert = {
      id: 1,
      at: '2025-03-15T12:00:00Z',
      store: 's',
      kind: 'recordDay',
      urgent: false,
      title: 'Record day',
      body: 'b',
      delivered: true,
    }
    alerts.setLog({ alerts: [alert, { ...alert, id: 2 }], unread: 2, mutedUntil: null })
    alerts.add({ message: 'Settings were damaged and set aside', at: '2025-03-15T12:00:00Z' })
    const w = mount(AppHeader)
    const count = () => w.find('.nav-item .count')
    await w.vm.$nextTick()
    expect(count().text()).toBe('3')
    expect(count().attributes('aria-label')).toBe('2 unread alerts, 1 warning')
    alerts.setLog({ alerts: [alert, { ...alert, id: 2 }], unread: 0, mutedUntil: null })
    await w.vm.$nextTick()
    expect(count().text()).toBe('1')
    alerts.setAll([])
    await w.vm.$nextTick()
    expect(count().exists()).toBe(false)
  })
})
