/**
 * A monitor over real parts for tests: the demo server on loopback, real files in a temp dir,
 * the real client, and a fake clock for the poller. Keys of demo stores live in memory (as in the
 * app's demo mode), so these tests need no keychain.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAccountService, MemorySecretStore, openSettingsFile, type AccountService } from '../../src/main/core/accounts'
import { demoAccountInput, startDemoServer, type DemoServer } from '../../src/main/core/demo'
import { createMonitor, type Monitor, type MonitorDeps } from '../../src/main/core/monitor'
import { createHistoryStore, createSnapshotStore } from '../../src/main/core/snapshots'
import type { StoreStatus } from '../../src/shared/model'
import type { SnapshotPair } from '../../src/shared/ipc'
import { FakeClock } from './fakeClock'

export interface Rig {
  clock: FakeClock
  dir: string
  server: DemoServer
  accounts: AccountService
  monitor: Monitor
  snapshotEvents: SnapshotPair[]
  statusEvents: StoreStatus[]
  warnings: string[]
  /** A new monitor on the same directory (for restart tests); the old one must be stopped first. */
  restart(overrides?: Partial<MonitorDeps>): Promise<Monitor>
  close(): Promise<void>
}

/** Starts a demo server with `stores` stores and a monitor over them (not started). */
export async function startRig(opts: { stores?: number; dir?: string; monitor?: Partial<MonitorDeps>; seed?: number } = {}): Promise<Rig> {
  const clock = new FakeClock('2026-11-18T10:00:00Z')
  const dir = opts.dir ?? (await mkdtemp(join(tmpdir(), 'storeglance-monitor-')))
  const server = await startDemoServer({ stores: opts.stores ?? 3, seed: opts.seed ?? 1, now: () => new Date(clock.now()) })
  const accounts = await createAccountService({
    settingsFile: openSettingsFile(dir),
    secrets: new MemorySecretStore(),
    testConnection: async () => {},
  })
  await accounts.addDemo(
    server.stores.map((s) => ({
      input: demoAccountInput(server.url, s),
      key: s.key,
    })),
  )
  const snapshotEvents: SnapshotPair[] = []
  const statusEvents: StoreStatus[] = []
  const warnings: string[] = []
  const make = (overrides: Partial<MonitorDeps> = {}) => {
    const m = createMonitor({
      accounts,
      snapshots: createSnapshotStore({ dir: join(dir, 'snapshots'), clock, onWarning: (w) => warnings.push(w) }),
      history: createHistoryStore({ dir: join(dir, 'history'), clock, onWarning: (w) => warnings.push(w) }),
      clock,
      random: () => 0.5,
      timeoutMs: 2_000,
      ...opts.monitor,
      ...overrides,
    })
    m.events.on('snapshot', (p) => snapshotEvents.push(p))
    m.events.on('status', (s) => statusEvents.push(s))
    return m
  }
  const rig: Rig = {
    clock,
    dir,
    server,
    accounts,
    monitor: make(),
    snapshotEvents,
    statusEvents,
    warnings,
    async restart(overrides) {
      rig.monitor = make(overrides)
      return rig.monitor
    },
    async close() {
      await rig.monitor.stop()
      await server.close()
      if (!opts.dir) await rm(dir, { recursive: true, force: true })
    },
  }
  return rig
}

/** Advances the fake clock and waits for every request it started to finish, repeatedly. */
export async function run(rig: Rig, ms: number, step = 1_000): Promise<void> {
  for (let t = 0; t < ms; t += step) {
    await rig.clock.advance(Math.min(step, ms - t))
    await rig.monitor.whenIdle()
  }
}
