/** The tray glance as pure functions: icon state, tooltip, context menu. */
import { describe, expect, it } from 'vitest'
import {
  glanceStores,
  inOneHour,
  pctText,
  tomorrowAtEight,
  tooltipText,
  trayMenu,
  trayState,
  type GlanceInput,
} from '../../../../src/main/core/glance/glance'
import { glanceAgeText } from '../../../../src/shared/glance'
import { type Account, type StoreStatus } from '../../../../src/shared/model'
import { testAccount } from '../../../helpers/testAccount'
import { makeSnapshot } from '../../../helpers/snapshotFixtures'

const NOW = new Date('2025-03-15T12:00:00Z')

function account(id: string, over: Partial<Account> = {}): Account {
  return testAccount({ id, label: `Store ${id}`, ...over })
}
function pair(id: string, thisMonth: number, same: number | null, fetchedAt = NOW.toISOString()) {
  const current = makeSnapshot(1, fetchedAt)
  current.transactions = { thisMonth, lastMonth: null, samePeriodLastMonth: same }
  return { id, current, previous: null }
}
function status(id: string, over: Partial<StoreStatus> = {}): StoreStatus {
  return { id, state: 'ok', lastSuccessAt: NOW.toISOString(), nextAttemptAt: null, error: null, needsAttention: false, ...over }
}
const failing = (id: string, kind: 'network' | 'http' | 'api', n: number) =>
  status(id, {
    state: 'error',
    error: { kind, message: 'x', since: NOW.toISOString(), consecutiveFailures: n },
    needsAttention: kind === 'api',
  })

function input(over: Partial<GlanceInput> = {}): GlanceInput {
  return {
    accounts: ['a', 'b', 'c', 'd'].map((id) => account(id)),
    snapshots: [pair('a', 10_000, 9_000), pair('b', 8_704, 8_000), pair('c', 9_000, 8_000), pair('d', 6_000, 5_558)],
    statuses: ['a', 'b', 'c', 'd'].map((id) => status(id)),
    intervalSec: 300,
    unreadAlerts: 2,
    paused: false,
    online: true,
    mutedUntil: null,
    now: NOW,
    ...over,
  }
}

describe('tooltip', () => {
  it('counts stores, totals this month with the change, and unread alerts', () => {
    // 33,704 against 30,558 by this date: +10.3 %.
    expect(tooltipText(input())).toBe('4 stores · 33,704 tx this month (+10.3 %) · 2 alerts')
    expect(tooltipText(input({ unreadAlerts: 1, accounts: [account('a')] }))).toBe('1 store · 10,000 tx this month (+11.1 %) · 1 alert')
    expect(tooltipText(input({ unreadAlerts: 0, snapshots: [] }))).toBe('4 stores')
    expect(tooltipText(input({ unreadAlerts: 0, paused: true, snapshots: [pair('a', 5, null)] }))).toBe(
      '4 stores · 5 tx this month · paused',
    )
    expect(pctText(-3)).toBe('−3.0 %')
    expect(pctText(0.01)).toBe('±0.0 %')
  })
})

describe('tray state', () => {
  it('picks the most pressing state: paused, offline, error, attention, stale, ok', () => {
    expect(trayState(input({ unreadAlerts: 0 }))).toBe('ok')
    expect(trayState(input())).toBe('attention')
    const old = new Date(NOW.getTime() - 601_000).toISOString()
    expect(trayState(input({ unreadAlerts: 0, snapshots: [pair('a', 1, 1, old)] }))).toBe('stale')
    expect(
      trayState(
        input({
          unreadAlerts: 0,
          snapshots: [pair('a', 1, 1, new Date(NOW.getTime() - 600_000).toISOString()), pair('b', 1, 1), pair('c', 1, 1), pair('d', 1, 1)],
        }),
      ),
    ).toBe('ok')
    expect(trayState(input({ statuses: [failing('a', 'api', 1)] }))).toBe('error')
    expect(trayState(input({ statuses: [failing('a', 'http', 3)] }))).toBe('error')
    expect(trayState(input({ statuses: [failing('a', 'http', 2)] }))).toBe('attention')
    expect(trayState(input({ statuses: ['a', 'b', 'c', 'd'].map((id) => failing(id, 'network', 1)) }))).toBe('offline')
    expect(trayState(input({ online: false }))).toBe('offline')
    expect(trayState(input({ online: false, paused: true }))).toBe('paused')
  })
})

describe('menu', () => {
  it('lists each store with its figures and marks, then the actions', () => {
    const old = new Date(NOW.getTime() - 3_600_000).toISOString()
    const menu = trayMenu(
      input({
        accounts: [account('a', { label: 'Harbour Café' }), account('b'), account('c', { enabled: false })],
        snapshots: [pair('a', 8_412, 8_081), pair('b', 10, 0, old)],
        statuses: [status('a'), failing('b', 'http', 1)],
      }),
    )
    expect(menu.map((m) => (m.type === 'item' ? m.label : '—'))).toEqual([
      'Harbour Café: 8,412 tx (+4.1 %)',
      'Store b: 10 tx ⚠ failing, as of 1 h ago',
      '—',
      'Refresh now',
      'Mute for 1 hour',
      'Mute until tomorrow 08:00',
      '—',
      'Open Storeglance',
      'Quit',
    ])
    expect(menu[0]).toMatchObject({ action: { kind: 'openStore', id: 'a' } })
    expect(glanceStores(input({ snapshots: [pair('a', 1, 1, old)] }))[0]).toMatchObject({ stale: true, failing: false })
  })

  it('offers Unmute while muted, and mute ends at the right time', () => {
    const menu = trayMenu(input({ mutedUntil: '2025-03-15T13:00:00Z' }))
    const labels = menu.map((m) => (m.type === 'item' ? m.label : '—'))
    expect(labels.some((l) => l.startsWith('Unmute (muted until '))).toBe(true)
    expect(labels).not.toContain('Mute for 1 hour')
    expect(inOneHour(NOW).toISOString()).toBe('2025-03-15T13:00:00.000Z')
    const t = tomorrowAtEight(new Date(2025, 2, 15, 23, 30))
    expect([t.getDate(), t.getHours(), t.getMinutes()]).toEqual([16, 8, 0])
  })
})

describe('glance rows', () => {
  const old = new Date(NOW.getTime() - 3 * 86_400_000 - 5 * 3_600_000).toISOString()
  it('waits (not OK) before the first figures, and fails rather than waits when the first poll failed', () => {
    const [waiting] = glanceStores(input({ snapshots: [], statuses: [status('a', { lastSuccessAt: null })] }))
    expect(waiting).toMatchObject({ state: 'waiting', thisMonth: null, fetchedAt: null, stale: false, failing: false })
    expect(glanceAgeText(waiting!, NOW)).toBeNull()
    expect(glanceStores(input({ snapshots: [], statuses: [failing('a', 'network', 1)] }))[0]!.state).toBe('failing')
  })

  it('says how old the figures of a stale or failing row are, and nothing for a fresh one', () => {
    const [fresh] = glanceStores(input({ snapshots: [pair('a', 37, 30)] }))
    expect(fresh!.state).toBe('ok')
    expect(glanceAgeText(fresh!, NOW)).toBeNull()
    const [stale] = glanceStores(input({ snapshots: [pair('a', 37, 30, old)] }))
    expect(stale!.state).toBe('stale')
    expect(glanceAgeText(stale!, NOW)).toBe('as of 3 days ago')
    const [broken] = glanceStores(input({ snapshots: [pair('a', 37, 30, old)], statuses: [failing('a', 'network', 4)] }))
    expect(broken!.state).toBe('failing')
    expect(glanceAgeText(broken!, NOW)).toBe('as of 3 days ago')
  })
})
