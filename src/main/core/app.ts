/**
 * The app's core service: everything the window asks for and everything it is told, with no
 * Electron in it. The handlers live in handlers/, one module per domain; this file starts the
 * services they share and composes them. The Electron composition root and the browser tests'
 * bridge both drive this. It starts the built-in demo stores when no store is set up, so the app
 * shows something real on its very first start.
 */
import type { AppInfo, AppWarning, EventContract } from '../../shared/ipc'
import { STORE_COLOURS } from '../../shared/model'
import type { DashboardParser } from './api'
import { KeytarSecretStore, type AccountService } from './accounts'
import { openUserData } from './userData'
import { demoAccountInput, demoLeftoverIds, startDemoServer, type DemoServer, type DemoServerOptions } from './demo'
import { TypedEvents } from './events'
import { accountViews, createHandlers, type GlanceControl } from './handlers'
import type { IpcHandlers } from './ipcDispatch'
import { createMonitor, type Monitor, type MonitorDeps } from './monitor'
import { createAlertService, openAlertBook, type AlertService } from './alerts'
import { systemClock, type Clock, type SecretStore, type Transport } from './ports'
import type { HistoryStore } from './snapshots'
import type { SaveFile } from './exportComparison'
import { createWarningList } from './warnings'
import { createDiskSync, watchSettingsFile } from './diskSync'
import { nullLogger, type Logger } from './log/logger'
import { buildDiagnostics } from './log/diagnostics'

/** The support log as the app core sees it: lines, and (for diagnostics) its end and where it is. */
export type AppLog = Logger & { readonly path?: string; tail?(maxBytes?: number): Promise<string> }

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
  /** The support log (a rotating file in the app); nothing is logged without one. */
  log?: AppLog
  /** Shows a save dialog and writes the file (the comparison's CSV export); none = export unavailable. */
  saveFile?: SaveFile
  /** Writes text to the system clipboard (Copy diagnostics); none = copying unavailable. */
  copyText?: (text: string) => void
  /** The tray's glance window (hidden on request from its page); none = `glance:hide` does nothing. */
  glance?: GlanceControl
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
  /** The alert engine over every poll outcome; available after start(). */
  readonly alerts: AlertService
  /** The running demo server, when in demo mode. */
  readonly demoServer: DemoServer | null
}

/** Creates the core. Call `start()` before the first request. */
export function createAppCore(options: AppCoreOptions): AppCore {
  const clock = options.clock ?? systemClock
  const events = new TypedEvents<EventContract>()
  const log = options.log ?? nullLogger
  const warnings = createWarningList()
  const warn = (message: string) => {
    const w: AppWarning | null = warnings.add(message, new Date(clock.now()).toISOString())
    if (!w) return // a repeat: already shown, already logged
    log.warn('warning', { message })
    events.emit('event:warning', w)
  }
  const transportOptions = {
    ...(options.transport ? { transport: options.transport } : {}),
    ...(options.parse ? { parse: options.parse } : {}),
  }
  let accounts: AccountService | null = null
  let monitor: Monitor | null = null
  let alerts: AlertService | null = null
  let demoServer: DemoServer | null = null
  let diskSync: ReturnType<typeof createDiskSync> | null = null
  let stopWatching = () => {}
  let history: HistoryStore | null = null

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
        input: demoAccountInput(url, s, STORE_COLOURS[i % STORE_COLOURS.length]!),
        key: s.key,
      })),
    )
  }
  /** Deletes the saved figures of demo stores an earlier demo run left (see demo/leftovers.ts). */
  async function forgetDemoLeftovers(data: { snapshots: { remove(id: string): Promise<void> }; history: HistoryStore }): Promise<void> {
    for (const id of await demoLeftoverIds(options.userDataDir)) {
      await data.snapshots.remove(id)
      await data.history.remove(id)
    }
  }
  async function leaveDemo(): Promise<void> {
    const server = demoServer
    if (!server) return
    // Cleared before any await: a second store added meanwhile must not leave demo mode twice.
    demoServer = null
    await need(accounts).clearDemo()
    await server.close()
  }
  /** Takes in what other processes changed; true when the store list or settings differ. */
  async function syncFromDisk(): Promise<boolean> {
    const diff = await need(diskSync).syncNow()
    // A real store added elsewhere ends demo mode here too.
    if (
      demoServer &&
      need(accounts)
        .list()
        .some((a) => !a.demo)
    )
      await leaveDemo()
    return diff.changed
  }

  const ctx = {
    accounts: () => need(accounts),
    monitor: () => need(monitor),
    events,
    info,
    warnings: () => warnings.list(),
    warn,
    leaveDemo,
    alerts: () => need(alerts),
    history: () => need(history),
    saveFile: options.saveFile ?? null,
    copyText: options.copyText ?? null,
    glance: options.glance ?? null,
    now: () => clock.now(),
    syncFromDisk: async () => {
      await syncFromDisk()
    },
    diagnostics: async () =>
      buildDiagnostics({
        info: info(),
        accounts: need(accounts).list(),
        statuses: need(monitor).statuses(),
        warnings: warnings.list(),
        logTail: (await options.log?.tail?.().catch(() => '')) ?? '',
        logPath: options.log?.path ?? null,
      }),
  }
  const handlers = createHandlers(ctx)

  /** settings.json changed on disk (perhaps by the CLI): re-read it and show the result. */
  async function changedOnDisk(): Promise<void> {
    if (!(await syncFromDisk())) return
    await need(monitor).accountsChanged()
    events.emit('event:accounts', await accountViews(ctx))
    events.emit('event:settings', need(accounts).settings())
  }

  return {
    handlers,
    events,
    get monitor() {
      return need(monitor)
    },
    get accounts() {
      return need(accounts)
    },
    get alerts() {
      return need(alerts)
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
      history = data.history
      const mode = options.demo ?? 'auto'
      if (mode === 'on' || (mode === 'auto' && accounts.list().length === 0)) await startDemo()
      else
        await forgetDemoLeftovers(data).catch((err: unknown) =>
          warn(`The saved figures of the demo stores could not be deleted: ${(err as Error).message}`),
        )
      monitor = createMonitor({ ...data, clock, onWarning: warn, log, ...transportOptions, ...options.monitor })
      monitor.events.on('snapshot', (p) => events.emit('event:snapshot', p))
      monitor.events.on('status', (s) => events.emit('event:status', s))
      diskSync = createDiskSync({
        accounts,
        forget: (id) => need(monitor).forget(id),
        removeFiles: async (id) => {
          await data.snapshots.remove(id)
          await data.history.remove(id)
        },
      })
      alerts = await startAlerts(options.userDataDir, data.accounts, clock, warn)
      const service = alerts
      service.events.on('changed', () => events.emit('event:alerts', service.view()))
      // Every poll outcome goes through the alert engine.
      monitor.events.on('outcome', (o) => void service.handle(o))
      await monitor.start()
      log.info('started', { version: options.version, stores: accounts.list().length, demo: demoServer !== null })
      stopWatching = watchSettingsFile(options.userDataDir, () => {
        changedOnDisk().catch((err: unknown) =>
          warn(`Changes made to the settings by another program could not be read: ${(err as Error).message}`),
        )
      })
    },
    async stop() {
      stopWatching()
      await monitor?.stop()
      await alerts?.settled()
      await demoServer?.close()
    },
  }
}

/** Opens the alert file and the alert service over the app's stores and settings. */
async function startAlerts(dir: string, accounts: AccountService, clock: Clock, warn: (m: string) => void): Promise<AlertService> {
  const now = () => new Date(clock.now())
  const book = await openAlertBook({ dir, now, warn })
  return createAlertService({
    book,
    accounts: () => accounts.list(),
    settings: () => accounts.settings().alerts,
    localTimeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
    now,
    onWarning: warn,
  })
}
