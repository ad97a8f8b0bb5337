/**
 * The soak test's rig: random faults for the demo server, waiting for the app core to settle on a
 * fake clock, and the invariant checks run after every round (stores, keys, snapshots, poll
 * slots, the alert file), each reading what is on disk and in the keychain, not what the core says.
 */
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import type { AppCore } from '../../src/main/core/app'
import type { DemoFault } from '../../src/main/core/demo'
import type { HostileBody } from '../../src/main/core/demo/hostile'
import { openAlertBook, ALERT_FILE_NAME } from '../../src/main/core/alerts'
import { snapshotDataKey, snapshotEnvelopeSchema } from '../../src/main/core/snapshots/schema'
import type { FakeClock } from './fakeClock'
import { entriesWithKeys } from './keychainEntries'

const HOSTILE: HostileBody[] = ['jsonpWhitespace', 'keyEcho', 'keyEchoError', 'keyEchoCut', 'longLists', 'badDates', 'hugeError']

/** One random fault (or none, half the time) for a store's next answers. */
export function randomFault(r: () => number): DemoFault | null {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
  if (r() < 0.5) return null
  const faults: (() => DemoFault)[] = [
    () => ({ kind: 'latency', ms: 1 + Math.floor(r() * 30) }),
    () => ({ kind: 'http', status: pick([500, 502, 503] as const) }),
    () => ({ kind: 'html200' }),
    () => ({ kind: 'truncated' }),
    () => ({ kind: 'reset' }),
    () => ({ kind: 'hang' }),
    () => ({ kind: 'huge', bytes: 1_000_000 + Math.floor(r() * 3_000_000) }),
    () => ({ kind: 'apiError', message: 'Too many requests, try later' }),
    () => ({ kind: 'hostile', body: pick(HOSTILE) }),
  ]
  return pick(faults)()
}

/** True for faults whose body is large enough to be parsed off the main thread. */
export const isLarge = (f: DemoFault | null): boolean =>
  f !== null && (f.kind === 'huge' || (f.kind === 'hostile' && ['longLists', 'hugeError', 'jsonpWhitespace'].includes(f.body)))

const sleep = (ms: number) => new Promise<'slept'>((r) => setTimeout(() => r('slept'), ms))

/**
 * Waits (in real time) for every poll and every given promise to settle. A poll whose answer hangs
 * on purpose (`hangs(store id)`) is pushed on by moving the fake clock past the poll deadline once
 * every poll still running is such a one; other polls get ample real time (large bodies parse
 * slowly on a busy machine).
 */
export async function settle(
  core: AppCore,
  clock: FakeClock,
  deadlineMs: number,
  pending: Promise<unknown>[] = [],
  hangs: (id: string) => boolean = () => false,
): Promise<void> {
  let settled = false
  void Promise.allSettled(pending).then(() => (settled = true))
  const startedAt = Date.now()
  let forced = 0
  let orphanSince = 0
  while (Date.now() - startedAt < 30_000) {
    await sleep(20)
    if (settled && core.monitor.inFlight() === 0) return
    const running = core.monitor.statuses().filter((s) => s.state === 'refreshing')
    // A slot held while no store is being polled: a leaked slot (give it a moment to be released).
    if (running.length === 0 && core.monitor.inFlight() > 0) orphanSince ||= Date.now()
    else orphanSince = 0
    if (orphanSince && Date.now() - orphanSince > 5_000)
      throw new Error(`a poll slot leaked: ${core.monitor.inFlight()} held while no store is polled`)
    if (running.length > 0 && running.every((s) => hangs(s.id)) && forced < 20) {
      forced++
      await clock.advance(deadlineMs + 1)
    }
  }
  throw new Error(`the core did not settle: ${core.monitor.inFlight()} poll(s) still in flight`)
}

/**
 * Moves the fake clock forward by `ms` one due timer at a time, letting the polls each timer starts
 * finish in real time before simulated time moves on (else every poll would meet its deadline).
 */
export async function advanceSettled(
  core: AppCore,
  clock: FakeClock,
  ms: number,
  deadlineMs: number,
  hangs: (id: string) => boolean,
  onTime: (now: number) => void = () => {},
): Promise<void> {
  const end = clock.now() + ms
  for (let i = 0; i < 5_000; i++) {
    const next = clock.nextAt()
    if (next === null || next > end) break
    onTime(next)
    await clock.advance(Math.max(0, next - clock.now()))
    await settle(core, clock, deadlineMs, [], hangs)
  }
  if (clock.now() < end) await clock.advance(end - clock.now())
}

/** Polls a condition in real time (the settings file watcher runs on real time). */
export async function until(cond: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400 && !(await cond()); i++) await sleep(25)
  expect(await cond(), what).toBe(true)
}

/** The stores in settings.json as the file holds them now. */
export async function savedStores(home: string): Promise<{ id: string; accountId: string; enabled: boolean }[]> {
  return (
    JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as { accounts: { id: string; accountId: string; enabled: boolean }[] }
  ).accounts
}

/** What the run has seen so far: the newest good snapshot of each store, in memory and on disk. */
export interface SoakMemory {
  /** id → fetchedAt of the newest snapshot the core emitted. */
  lastEmitted: Map<string, string>
  /** id → fetchedAt of current.json at the previous check. */
  lastOnDisk: Map<string, string>
  /** Checks that found the disk holding a newer good snapshot than the core shows. */
  diskAhead: number
}

/**
 * Checks every invariant after a round. `expected` is accountId → store id (null: id not known
 * yet, added from the CLI); `keyOf` is accountId → key for every store the run may use.
 */
export async function checkInvariants(o: {
  home: string
  core: AppCore
  expected: Map<string, string | null>
  keyOf: Map<string, string>
  memory: SoakMemory
  label: string
}): Promise<void> {
  const { home, core, expected, keyOf, memory, label } = o
  const saved = await savedStores(home)
  // No store lost, none come back: settings.json holds exactly the stores added and not removed.
  expect(saved.map((a) => a.accountId).sort(), `${label}: stores in settings.json`).toEqual([...expected.keys()].sort())
  for (const a of saved) {
    const want = expected.get(a.accountId)
    if (want) expect(a.id, `${label}: id of ${a.accountId}`).toBe(want)
    else expected.set(a.accountId, a.id)
  }
  // The window shows what is on disk (the app follows the CLI's changes).
  const ids = saved.map((a) => a.id).sort()
  await until(
    () =>
      core.accounts
        .list()
        .map((a) => a.id)
        .sort()
        .join() === ids.join(),
    `${label}: the core's stores = settings.json`,
  )
  // Exactly one keychain entry per store, holding its key: no orphan key, no store without its key.
  const entries = await entriesWithKeys(keyOf.values())
  expect([...entries.keys()].sort(), `${label}: keychain entries = stores`).toEqual(ids)
  for (const a of saved) expect(entries.get(a.id), `${label}: key of ${a.accountId}`).toBe(keyOf.get(a.accountId))
  // No poll slot leaked.
  expect(core.monitor.inFlight(), `${label}: polls in flight after settling`).toBe(0)
  expect(
    core.monitor
      .statuses()
      .filter((s) => s.state === 'refreshing')
      .map((s) => s.id),
    `${label}: refreshing after settling`,
  ).toEqual([])
  await checkSnapshots(
    home,
    core,
    saved.map((a) => a.id),
    memory,
    label,
  )
  await checkAlertFile(home, label)
}

/** Every store that ever had a good snapshot still has its newest one, in memory and on disk; none got older. */
async function checkSnapshots(home: string, core: AppCore, ids: string[], memory: SoakMemory, label: string): Promise<void> {
  const pairs = new Map(core.monitor.snapshots().map((p) => [p.id, p]))
  for (const id of ids) {
    const emitted = memory.lastEmitted.get(id)
    if (!emitted) continue
    const pair = pairs.get(id)
    expect(pair?.current.fetchedAt, `${label}: ${id} shows its newest good snapshot`).toBe(emitted)
    const file = join(home, 'snapshots', `${id}.current.json`)
    const text = await readFile(file, 'utf8').catch(() => null)
    expect(text, `${label}: ${id} had a good snapshot: its file is lost`).not.toBeNull()
    const envelope = snapshotEnvelopeSchema.parse(JSON.parse(text!))
    const disk = envelope.snapshot
    if (disk.fetchedAt > pair!.current.fetchedAt) {
      // A poll saved its answer, then was dropped (store edited or disabled meanwhile): the disk is
      // ahead of the window, which the next poll catches up. Newer, never lost.
      memory.diskAhead++
    } else {
      expect(snapshotDataKey(disk), `${label}: ${id} on disk = the newest good snapshot`).toBe(snapshotDataKey(pair!.current))
    }
    const before = memory.lastOnDisk.get(id)
    if (before) expect(envelope.snapshot.fetchedAt >= before, `${label}: ${id} on disk never gets older`).toBe(true)
    memory.lastOnDisk.set(id, envelope.snapshot.fetchedAt)
  }
}

/** The alert file (when written) passes the app's own reading: opened from a copy, no warning. */
async function checkAlertFile(home: string, label: string): Promise<void> {
  const path = join(home, ALERT_FILE_NAME)
  if (!existsSync(path)) return
  const scratch = await mkdtemp(join(tmpdir(), 'storeglance-soak-alerts-'))
  try {
    await copyFile(path, join(scratch, ALERT_FILE_NAME))
    const warnings: string[] = []
    await openAlertBook({ dir: scratch, warn: (m) => warnings.push(m) })
    expect(warnings, `${label}: the alert file reads back`).toEqual([])
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** Stops the core on a fake clock (its stop waits a bounded time for stuck polls, on that clock). */
export async function stopCore(core: AppCore, clock: FakeClock): Promise<void> {
  let stopped = false
  const stopping = core.stop().finally(() => (stopped = true))
  for (let i = 0; i < 10 && !stopped; i++) {
    await sleep(100)
    await clock.advance(6_000)
  }
  await stopping
}
