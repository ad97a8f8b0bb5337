/** One glance row: the figures' age on a stale or failing row, "Waiting" before the first figures. */
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { glanceStore } from '../../src/shared/glance'
import { type Account, type StoreStatus } from '../../src/shared/model'
import { testAccount } from '../helpers/testAccount'
import { makeSnapshot } from '../helpers/snapshotFixtures'
import GlanceRow from '../../src/renderer/src/components/GlanceRow.vue'

const NOW = new Date('2025-03-15T12:00:00Z')
const THREE_DAYS_AGO = new Date(NOW.getTime() - 3 * 86_400_000 - 5 * 3_600_000).toISOString()
const account: Account = testAccount()
const failingStatus: StoreStatus = {
  id: 'a',
  state: 'error',
  lastSuccessAt: THREE_DAYS_AGO,
  nextAttemptAt: null,
  error: { kind: 'network', message: 'x', since: NOW.toISOString(), consecutiveFailures: 5 },
  needsAttention: false,
}

function snapshot(fetchedAt: string) {
  const snap = makeSnapshot(1, fetchedAt)
  snap.transactions = { thisMonth: 37, lastMonth: null, samePeriodLastMonth: null }
  return snap
}
const rowText = (snap: ReturnType<typeof snapshot> | null, status?: StoreStatus) =>
  mount(GlanceRow, { props: { row: glanceStore(account, snap, status, 300, NOW), now: NOW } })

describe('a glance row', () => {
  it('says how old the figures of a failing or stale row are', () => {
    const failing = rowText(snapshot(THREE_DAYS_AGO), failingStatus)
    expect(failing.find('.glance-figure').text()).toBe('37 tx')
    expect(failing.find('.glance-age').text()).toBe('as of 3 days ago')
    expect(failing.find('.glance-state').text()).toBe('Failing')
    const stale = rowText(snapshot(THREE_DAYS_AGO))
    expect(stale.find('.glance-age').text()).toBe('as of 3 days ago')
    expect(stale.find('.glance-state').text()).toBe('Stale')
  })

  it('shows no age on a fresh row, and "Waiting" (not OK) before the first figures', () => {
    const fresh = rowText(snapshot(NOW.toISOString()))
    expect(fresh.find('.glance-age').exists()).toBe(false)
    expect(fresh.find('.glance-state').text()).toBe('OK')
    const waiting = rowText(null)
    expect(waiting.find('.glance-figure').text()).toBe('no figures yet')
    expect(waiting.find('.glance-state').text()).toBe('Waiting')
    expect(waiting.find('[data-state]').attributes('data-state')).toBe('waiting')
  })
})
