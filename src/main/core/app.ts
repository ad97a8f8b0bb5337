/**
 * The app's core service: everything the window asks for and everything it is told, with no
 * Electron in it. The handlers live in handlers/, one module per domain; this file starts the
 * services they share and composes them. The Electron composition root and the browser tests' bridge both drive this.
 * It starts the built-in demo stores when no store is set up, so the app shows something real
 * on its very first start.
 */
import type { AppInfo, AppWarning, EventContract } from '../../shared/ipc'
import { DEFAULT_SIZES, STORE_COLOURS, type AccountInput } from '../../shared/model'
import type { DashboardParser } from './api'
import { KeytarSecretStore, type AccountService } from './accounts'
import { openUserData } from './userData'
import { startDemoServer, type DemoServer, type DemoServerOptions } from './demo'
import { TypedEvents } from './events'
import { createHandlers } from './handlers'
import type { IpcHandlers } from './ipcDispatch'
import { createMonitor, type Monitor, type MonitorDeps } from './monitor'
import { systemClock, type Clock, type SecretStore, type Transport } from './ports'

export interface AppCoreOptions {
  userDataDir: string
  version: string
  /** The OS keychain; keytar by default. */
  secrets?: SecretStore
  transport?: Transport
  /** Body → snapshot; the app passes an off-thread parser for large bodies. */
  parse?: DashboardParser
  clock?: Clock
  /** 'auto' (default): demo stores when no store is set up; 'on': always; 'off': never. */
  demo?: 'auto' | 'on' | 'off'
  demoOptions?: DemoServerOptions
  /** Poller tuning, for tests. */
  monitor?: Pick<MonitorDeps, 'random' | 'spreadMs' | 'maxInFlight' | 'refreshDebounceMs' | 'pollDeadlineMs'>
}

export interface AppCore {
  handlers: IpcHandlers
  events: TypedEvents<EventContract>
  start(): Promise<void>
  stop(): Promise<void>
  /** Available after start(). */
  readonly monitor: Monitor
  readonly accounts: AccountService
  /** The running demo server, when in demo mode. */
  readonly demoServer: DemoServer | null
}

/** Creates the core. Call `start()` before the first request. */
export function createAppCore(options: AppCoreOptions): AppCore {
  const clock = options.clock ?? systemClock
  const events = new TypedEvents<EventContract>()
  const warnings: AppWarning[] = []
  const warn = (message: string) => {
    const w = { message, at: new Date(clock.now()).toISOString() }
    warnings.push(w)
    events.emit('event:warning', w)
  }
  const transportOptions = {
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.parse ? { parse: options.parse } : {}),
  }
  let accounts: AccountService | null = null
  let monitor: Monitor | null = null
  let demoServer: DemoServer | null = null

  const need = <T>(v: T | null): T => {
    if (v === null) throw new Error('Storeglance is still starting.')
    return v
  }
  const info = (): AppInfo => ({
    version: options.version,
    userDataDir: options.userDataDir,
  })
  async function startDemo(): Promise<void> {
    demoServer = await startDemoServer({ ...options.demoOptions, now: options.demoOptions?.now ?? (() => new Date(clock.now())) })
    const url = demoServer.url
    await need(accounts).addDemo(
      demoServer.stores.map((s, i) => ({
        input: demoInput(s.label, url, s.userId, s.accountId, s.timeZone, STORE_COLOURS[i % STORE_COLOURS.length]!),
        key: s.key,
      })),
    )
  }
  async function leaveDemo(): Promise<void> {
    const server = demoServer
    if (!server) return
    // Cleared before any await: a second store added meanwhile must not leave demo mode twice.
    demoServer = null
    await need(accounts).clearDemo()
    await server.close()
  }

  const handlers = createHandlers({
    accounts: () => need(accounts),
    monitor: () => need(monitor),
    events,
    info,
    warnings: () => warnings,
    warn,
    leaveDemo,
  })

  return {
    handlers,
    events,
    get monitor() {
      return need(monitor)
    },
    get accounts() {
      return need(accounts)
    },
    get demoServer() {
      return demoServer
    },
    async start() {
      const data = await openUserData({
        dir: options.userDataDir,
        secrets: options.secrets ?? new KeytarSecretStore(),
        clock,
        warn,
        ...transportOptions,
        // Its request must settle first, or an answer landing now would save the files again.
        beforeRemove: async (id) => monitor?.forget(id),
      })
      accounts = data.accounts
      const mode = options.demo ?? 'auto'
      if (mode === 'on' || (mode === 'auto' && accounts.list().length === 0)) await startDemo()
      monitor = createMonitor({ ...data, clock, onWarning: warn, ...transportOptions, ...options.monitor })
      monitor.events.on('snapshot', (p) => events.emit('event:snapshot', p))
      monitor.events.on('status', (s) => events.emit('event:status', s))
      await monitor.start()
    },
    async stop() {
      await monitor?.stop()
      await demoServer?.close()
    },
  }
}

function demoInput(label: string, endpoint: string, userId: string, accountId: string, timeZone: string, colour: string): AccountInput {
  return { label, endpoint, userId, accountId, timeZone, colour, enabled: true, format: 'xml', sizes: { ...DEFAULT_SIZES } }
}
