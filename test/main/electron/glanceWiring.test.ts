/**
 * The tray and notifications wired to a core (a fake with the real event hubs), under a mocked
 * `electron` typed against Electron's definitions: alerts of one refresh are shown together (a
 * summary past three), the tray redraws on changes, menu actions reach the core, and the "keeps
 * running in the tray" hint is said once.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TypedEvents } from '../../../src/main/core/events'
import type { AppCore } from '../../../src/main/core/app'
import type { AlertServiceEvents } from '../../../src/main/core/alerts/alertService'
import type { LoggedAlert } from '../../../src/shared/alerts'
import type { EventContract } from '../../../src/shared/ipc'
import { DEFAULT_SETTINGS } from '../../../src/shared/model'
import { testAccount } from '../../helpers/testAccount'

const shown = vi.hoisted(() => [] as { title?: string; body?: string }[])
const trays = vi.hoisted(() => [] as { tooltip: string; menu: { label?: string; click?: () => void }[] }[])
vi.mock('electron', () => {
  class Notification {
    static isSupported = () => true
    constructor(readonly options: Electron.NotificationConstructorOptions) {}
    on() {
      return this
    }
    show() {
      shown.push(this.options)
    }
  }
  class Tray {
    state = { tooltip: '', menu: [] as { label?: string; click?: () => void }[] }
    constructor() {
      trays.push(this.state)
    }
    on() {
      return this
    }
    setImage() {}
    setTitle() {}
    setToolTip(t: string) {
      this.state.tooltip = t
    }
    setContextMenu(m: unknown) {
      this.state.menu = m as { label?: string; click?: () => void }[]
    }
    destroy() {}
  }
  Tray.prototype satisfies Pick<Electron.Tray, 'setToolTip' | 'setTitle' | 'destroy'>
  const app = { isPackaged: false, getAppPath: () => '/nonexistent', quit: () => undefined } satisfies Partial<
    (typeof import('electron'))['app']
  >
  const net = { isOnline: () => true } satisfies Partial<(typeof import('electron'))['net']>
  const nativeImage = {
    createEmpty: () => ({}) as Electron.NativeImage,
    createFromPath: () => ({}) as Electron.NativeImage,
  } satisfies Partial<(typeof import('electron'))['nativeImage']>
  const Menu = { buildFromTemplate: (t: unknown) => t as Electron.Menu } satisfies Partial<(typeof import('electron'))['Menu']>
  return { Notification, Tray, app, net, nativeImage, Menu }
})

const { wireGlance, sayKeepsRunningOnce, BATCH_WAIT_MS } = await import('../../../src/main/electron/glanceWiring')

const dirs: string[] = []
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true })
})

function fakeCore() {
  const events = new TypedEvents<EventContract>()
  const alertEvents = new TypedEvents<AlertServiceEvents>()
  let idle: () => void = () => undefined
  const calls: string[] = []
  let unread = 0
  const core = {
    events,
    accounts: {
      list: () => [testAccount()],
      settings: () => DEFAULT_SETTINGS,
    },
    monitor: {
      statuses: () => [],
      snapshots: () => [],
      whenIdle: () => new Promise<void>((r) => (idle = r)),
      refresh: () => void calls.push('refresh'),
    },
    alerts: {
      events: alertEvents,
      unread: () => unread,
      mutedUntil: () => null,
      settled: async () => undefined,
      mute: async (until: Date) => void calls.push(`mute ${until.getTime() - Date.now() > 3_700_000 ? 'long' : 'short'}`),
      unmute: async () => void calls.push('unmute'),
    },
  }
  return { core: core as unknown as AppCore, alertEvents, finishRefresh: () => idle(), calls, setUnread: (n: number) => (unread = n) }
}

const alert = (id: number, store = 'a'): LoggedAlert => ({
  id,
  at: '2025-03-10T10:00:00Z',
  store,
  kind: 'recordDay',
  urgent: false,
  title: `T${id}`,
  body: `B${id}`,
  delivered: true,
})

describe('glance wiring', () => {
  it('shows the alerts of one refresh together once the monitor is idle: a summary past three', async () => {
    shown.length = 0
    const f = fakeCore()
    const wiring = wireGlance({ core: f.core, userDataDir: '/nonexistent', show: () => undefined })
    expect(wiring.hasTray).toBe(true)
    f.alertEvents.emit('alerts', [alert(1), alert(2)])
    f.alertEvents.emit('alerts', [alert(3), alert(4, 'b')])
    expect(shown).toEqual([])
    f.finishRefresh()
    await vi.waitFor(() => expect(shown).toHaveLength(1))
    expect(shown[0]).toMatchObject({ title: '4 alerts', body: '4 alerts: T1; T2; T3; T4' })
    f.alertEvents.emit('alerts', [alert(5)])
    f.finishRefresh()
    await vi.waitFor(() => expect(shown).toHaveLength(2))
    expect(shown[1]).toMatchObject({ title: 'T5' })
    wiring.dispose()
  })

  it('shows the alerts within a few seconds even while the poller never goes idle', async () => {
    vi.useFakeTimers()
    try {
      shown.length = 0
      const f = fakeCore()
      const wiring = wireGlance({ core: f.core, userDataDir: '/nonexistent', show: () => undefined })
      f.alertEvents.emit('alerts', [alert(7)])
      await vi.advanceTimersByTimeAsync(BATCH_WAIT_MS - 1)
      expect(shown).toEqual([])
      await vi.advanceTimersByTimeAsync(1)
      expect(shown).toEqual([expect.objectContaining({ title: 'T7' })])
      wiring.dispose()
    } finally {
      vi.useRealTimers()
    }
  })

  it('redraws the tray when alerts change and runs menu actions on the core', () => {
    const f = fakeCore()
    const wiring = wireGlance({ core: f.core, userDataDir: '/nonexistent', show: () => undefined })
    const tray = trays.at(-1)!
    expect(tray.tooltip).toBe('1 store')
    f.setUnread(2)
    f.alertEvents.emit('changed', undefined)
    expect(tray.tooltip).toBe('1 store · 2 alerts')
    for (const label of ['Refresh now', 'Mute for 1 hour', 'Mute until tomorrow 08:00']) tray.menu.find((m) => m.label === label)!.click!()
    expect(f.calls[0]).toBe('refresh')
    expect(f.calls.slice(1).sort()).toEqual(['mute long', 'mute short'].sort())
    wiring.dispose()
  })

  it('says once that the app keeps running in the tray', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storeglance-hint-'))
    dirs.push(dir)
    shown.length = 0
    await sayKeepsRunningOnce(dir)
    await sayKeepsRunningOnce(dir)
    expect(shown.map((n) => n.title)).toEqual(['Storeglance keeps running'])
  })
})
