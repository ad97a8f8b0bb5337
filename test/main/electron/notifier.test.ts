/** The notifier adapter with a mocked `electron` typed against Electron's definitions. */
import { describe, expect, it, vi } from 'vitest'
import type { Alert } from '../../../src/shared/alerts'

const shown = vi.hoisted(() => [] as { options: Electron.NotificationConstructorOptions; handlers: Map<string, () => void> }[])
const supported = vi.hoisted(() => ({ value: true }))
vi.mock('electron', () => {
  class Notification {
    handlers = new Map<string, () => void>()
    static isSupported = () => supported.value
    constructor(readonly options: Electron.NotificationConstructorOptions) {}
    on(event: string, fn: () => void) {
      this.handlers.set(event, fn)
      return this as unknown as Electron.Notification
    }
    show() {
      shown.push({ options: this.options, handlers: this.handlers })
    }
  }
  Notification.prototype satisfies Pick<Electron.Notification, 'show'>
  return { Notification: Notification satisfies Pick<(typeof import('electron'))['Notification'], 'isSupported'> }
})

const { createNotifier } = await import('../../../src/main/electron/notifier')

const alert = (store: string, kind: Alert['kind'], delivered = true, urgent = false): Alert => ({
  at: '2025-03-10T10:00:00Z',
  store,
  kind,
  urgent,
  title: `${store} ${kind}`,
  body: `body of ${store}`,
  delivered,
  ...(delivered ? {} : { suppressedBy: 'muted' as const }),
})

describe('notifier', () => {
  it('shows one silent notification per delivered alert; a click opens the store page', () => {
    shown.length = 0
    const opened: string[] = []
    const notifier = createNotifier({ sound: () => false, open: (r) => opened.push(r) })
    notifier.notify([alert('s1', 'recovered'), alert('s2', 'behindPace', false), alert('s 3', 'unreachable', true, true)])
    expect(shown.map((n) => n.options)).toEqual([
      { title: 's1 recovered', body: 'body of s1', silent: true },
      { title: 's 3 unreachable', body: 'body of s 3', silent: true },
    ])
    shown[1]!.handlers.get('click')!()
    expect(opened).toEqual(['#/store/s%203'])
  })

  it('makes sound only when the user turned it on', () => {
    shown.length = 0
    createNotifier({ sound: () => true, open: () => undefined }).notify([alert('s1', 'recovered')])
    expect(shown[0]!.options.silent).toBe(false)
  })

  it('sums up more than three alerts of one refresh in one notification, urgent first', () => {
    shown.length = 0
    const opened: string[] = []
    const notifier = createNotifier({ sound: () => false, open: (r) => opened.push(r) })
    notifier.notify([
      alert('a', 'recordDay'),
      alert('b', 'behindPace'),
      alert('c', 'quietStore'),
      alert('d', 'keyRejected', true, true),
      alert('e', 'target'),
    ])
    expect(shown).toHaveLength(1)
    expect(shown[0]!.options).toMatchObject({
      title: '5 alerts',
      body: '5 alerts: d keyRejected; a recordDay; b behindPace; c quietStore; e target',
    })
    shown[0]!.handlers.get('click')!()
    expect(opened).toEqual(['#/alerts'])
    shown.length = 0
    notifier.notify([alert('a', 'recordDay'), alert('b', 'behindPace'), alert('c', 'quietStore')])
    expect(shown).toHaveLength(3)
  })

  it('does nothing where notifications are not supported', () => {
    shown.length = 0
    supported.value = false
    createNotifier({ sound: () => false, open: () => undefined }).notify([alert('s1', 'recovered')])
    supported.value = true
    expect(shown).toEqual([])
  })
})
