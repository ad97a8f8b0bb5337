/** Outage notifications merged across refreshes: six stores failing one after another make one updated summary. */
import { describe, expect, it } from 'vitest'
import type { Alert } from '../../../../src/shared/alerts'
import { GROUP_WINDOW_MS, planGrouped, type GroupState } from '../../../../src/main/core/glance/notificationGroups'

const T0 = Date.parse('2025-03-10T10:00:00Z')
const MIN = 60_000
const label = (id: string) => `Store ${id.toUpperCase()}`

const alert = (store: string, kind: Alert['kind'], delivered = true): Alert => ({
  at: '2025-03-10T10:00:00Z',
  store,
  kind,
  urgent: kind === 'unreachable',
  title: `${label(store)} ${kind}`,
  body: `body of ${store}`,
  delivered,
  ...(delivered ? {} : { suppressedBy: 'muted' as const }),
})

/** Feeds refreshes one by one (minutes after T0), carrying the state; the notifications of each. */
function feed(refreshes: [minutes: number, alerts: Alert[]][], state: GroupState = {}) {
  const out = []
  for (const [minutes, alerts] of refreshes) {
    const plan = planGrouped(alerts, false, state, T0 + minutes * MIN, label)
    state = plan.state
    out.push(plan.notifications)
  }
  return { out, state }
}

describe('outage notification groups', () => {
  it('six stores unreachable at different moments: the first alone, then one growing summary replacing it', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f']
    const minutes = [0, 1, 2.5, 4, 6, 9]
    const { out } = feed(ids.map((id, i) => [minutes[i]!, [alert(id, 'unreachable')]]))
    expect(out.map((n) => n.length)).toEqual([1, 1, 1, 1, 1, 1])
    expect(out[0]![0]).toEqual({
      title: 'Store A unreachable',
      body: 'body of a',
      silent: true,
      store: 'a',
      group: 'unreachable',
      replaces: false,
    })
    expect(out[1]![0]).toEqual({
      title: '2 stores unreachable',
      body: '2 stores unreachable: Store A, Store B.',
      silent: true,
      store: null,
      group: 'unreachable',
      replaces: true,
    })
    expect(out[5]![0]!.title).toBe('6 stores unreachable')
    expect(out[5]![0]!.body).toBe('6 stores unreachable: Store A, Store B, Store C, Store D, Store E, Store F.')
  })

  it('recoveries merge the same way, and a recovered store leaves the unreachable summary', () => {
    const { out } = feed([
      [0, [alert('a', 'unreachable'), alert('b', 'unreachable')]],
      [2, [alert('a', 'recovered')]],
      [3, [alert('b', 'recovered')]],
      [4, [alert('c', 'unreachable')]],
    ])
    expect(out.map((n) => n.map((p) => [p.title, p.group]))).toEqual([
      [['2 stores unreachable', 'unreachable']],
      [['Store A recovered', 'recovered']],
      [['2 stores recovered', 'recovered']],
      [['Store C unreachable', 'unreachable']],
    ])
  })

  it(`starts afresh after ${GROUP_WINDOW_MS / MIN} quiet minutes (measured from the last one shown)`, () => {
    const { out } = feed([
      [0, [alert('a', 'unreachable')]],
      [14, [alert('b', 'unreachable')]],
      [28, [alert('c', 'unreachable')]],
      [28 + GROUP_WINDOW_MS / MIN, [alert('d', 'unreachable')]],
    ])
    expect(out.map((n) => n[0]!.title)).toEqual([
      'Store A unreachable',
      '2 stores unreachable',
      '3 stores unreachable',
      'Store D unreachable',
    ])
    // The fresh one takes in nothing, so the summary of A, B and C stays on screen beside it.
    expect(out.map((n) => n[0]!.replaces)).toEqual([false, true, true, false])
  })

  it('drops a store from the unreachable summary when it recovers, even if that recovery was not shown', () => {
    const { out } = feed([
      [0, [alert('a', 'unreachable')]],
      [2, [alert('a', 'recovered', false)]],
      [4, [alert('b', 'unreachable')]],
    ])
    expect(out[1]).toEqual([])
    expect(out[2]!.map((p) => [p.title, p.replaces])).toEqual([['Store B unreachable', false]])
  })

  it('leaves other alerts as before (a summary past three) and ignores undelivered ones', () => {
    const others = ['recordDay', 'behindPace', 'quietStore', 'target'] as const
    const { out, state } = feed([
      [0, [alert('x', 'recordDay'), alert('m', 'unreachable'), ...others.map((k) => alert('y', k)), alert('z', 'recovered', false)]],
    ])
    expect(out[0]!.map((p) => p.title)).toEqual(['5 alerts', 'Store M unreachable'])
    expect(state).toEqual({ unreachable: { shownAt: T0, stores: ['m'] } })
    expect(feed([[1, [alert('a', 'recordDay')]]], state).out[0]).toEqual([
      { title: 'Store A recordDay', body: 'body of a', silent: true, store: 'a' },
    ])
  })
})
