/**
 * The notifier adapter, mocked `electron` typed against Electron's definitions: six stores becoming
 * unreachable in six refreshes leave one notification on screen, updated each time.
 */
import { describe, expect, it, vi } from 'vitest'
import type { Alert } from '../../../src/shared/alerts'

const visible = vi.hoisted(() => new Set<{ options: Electron.NotificationConstructorOptions; handlers: Map<string, () => void> }>())
const created = vi.hoisted(() => ({ count: 0, closes: 0 }))
vi.mock('electron', () => {
  class Notification {
    handlers = new Map<string, () => void>()
    static isSupported = () => true
    constructor(readonly options: Electron.NotificationConstructorOptions) {
      created.count++
    }
    on(event: string, fn: () => void) {
      this.handlers.set(event, fn)
      return this as unknown as Electron.Notification
    }
    show() {
      visible.add(this)
    }
    close() {
      created.closes++
      visible.delete(this)
      this.handlers.get('close')?.()
    }
  }
  Notification.prototype satisfies Pick<Electron.Notification, 'show' | 'close'>
  return { Notification: Notification satisfies Pick<(typeof import('electron'))['Notification'], 'isSupported'> }
})

const { createNotifier } = await import('../../../src/main/electron/notifier')

const alert = (store: string, kind: Alert['kind']): Alert => ({
  at: '2025-03-10T10:00:00Z',
  store,
  kind,
  urgent: kind === 'unreachable',
  title: `${store} ${kind}`,
  body: `body of ${store}`,
  delivered: true,
})

describe('notifier: outage summaries', () => {
  it('replaces the earlier unreachable notification with an updated summary; a click opens the Alerts view', () => {
    visible.clear()
    created.count = 0
    created.closes = 0
    let now = Date.parse('2025-03-10T10:00:00Z')
    const opened: string[] = []
    const notifier = createNotifier({ sound: () => false, open: (r) => opened.push(r), label: (id) => `Shop ${id}`, now: () => now })
    for (const id of ['a', 'b', 'c', 'd', 'e', 'f']) {
      notifier.notify([alert(id, 'unreachable')])
      now += 90_000
    }
    expect(created.count).toBe(6)
    expect(created.closes).toBe(5)
    expect([...visible].map((n) => n.options)).toEqual([
      { title: '6 stores unreachable', body: '6 stores unreachable: Shop a, Shop b, Shop c, Shop d, Shop e, Shop f.', silent: true },
    ])
    ;[...visible][0]!.handlers.get('click')!()
    expect(opened).toEqual(['#/alerts'])
    // Recoveries make their own summary beside it; a notification the user closed is not closed again.
    notifier.notify([alert('a', 'recovered')])
    const recovered = [...visible].find((n) => n.options.title === 'a recovered')!
    recovered.handlers.get('close')!()
    visible.delete(recovered)
    notifier.notify([alert('b', 'recovered')])
    expect([...visible].map((n) => n.options.title)).toEqual(['6 stores unreachable', '2 stores recovered'])
    expect(created.closes).toBe(5)
  })

  it('keeps an older outage notification on screen when a fresh one does not take it in', () => {
    visible.clear()
    let now = Date.parse('2025-03-10T10:00:00Z')
    const notifier = createNotifier({ sound: () => false, open: () => undefined, now: () => now })
    notifier.notify([alert('a', 'unreachable')])
    now += 20 * 60_000
    notifier.notify([alert('b', 'unreachable')])
    // A is still down: its notification stays beside B's.
    expect([...visible].map((n) => n.options.title)).toEqual(['a unreachable', 'b unreachable'])
  })
})
