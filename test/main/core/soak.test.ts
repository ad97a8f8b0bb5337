/**
 * The soak test: hours of simulated polling on a fake clock, the app core over the demo server on
 * real loopback HTTP, the real keychain and the built off-thread parser, with random faults and
 * hostile bodies per store, store edits through the core's handlers and real `storeglance accounts
 * add/remove` processes writing the same folder at random points. After every round: no store,
 * key or snapshot lost (settings.json, secret-tool and the files on disk cross-checked), no poll
 * slot leaked, the alert file reads back. The longest event-loop block while large bodies were
 * parsed is measured and printed, never asserted.
 *
 * Seeded: SOAK_SEED=<n> replays a run (the seed is printed); SOAK_ROUNDS=<n> makes it longer.
 * Run: bash scripts/with-keyring.sh npx vitest run test/main/core/soak.test.ts (after npm run build).
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { expect, it, onTestFinished } from 'vitest'
import { createAppCore, type AppCore } from '../../../src/main/core/app'
import { KeytarSecretStore } from '../../../src/main/core/accounts'
import { createOffThreadParser } from '../../../src/main/core/api/offThread'
import { demoAccountInput, type DemoFault, type DemoStore } from '../../../src/main/core/demo'
import type { AccountInput } from '../../../src/shared/model'
import { mulberry32 } from '../../../src/main/core/demo/rand'
import { FakeClock } from '../../helpers/fakeClock'
import {
  advanceSettled,
  checkInvariants,
  isLarge,
  randomFault,
  savedStores,
  settle,
  stopCore,
  type SoakMemory,
} from '../../helpers/soakRig'
import { addArgs, cli, requireKeychain, skipKeychain } from '../cli/helpers'
import { startRemoteDemoServer, type RemoteDemoServer } from '../../helpers/remoteDemoServer'

const SEED = Number(process.env.SOAK_SEED ?? 20261201)
const ROUNDS = Number(process.env.SOAK_ROUNDS ?? 24)
const DEADLINE_MS = 30_000
const WORKER = resolve(__dirname, '../../../out/main/parseWorker.js')

type Cli = { kind: 'add' | 'remove'; store: DemoStore; run: Promise<{ code: number | null; stderr: string }> }

/** The CLI rounds: three adds and two removes, at random rounds. */
function cliPlan(r: () => number): Map<number, 'add' | 'remove'> {
  const plan = new Map<number, 'add' | 'remove'>()
  const kinds: ('add' | 'remove')[] = ['add', 'add', 'add', 'remove', 'remove']
  while (kinds.length) {
    const round = 1 + Math.floor(r() * (ROUNDS - 2))
    if (!plan.has(round)) plan.set(round, kinds.shift()!)
  }
  return plan
}

it.skipIf(skipKeychain)(
  `soak: hours of polling with random faults and concurrent writers lose nothing (seed ${SEED})`,
  async () => {
    requireKeychain()
    if (!existsSync(WORKER)) throw new Error(`${WORKER} is missing: run npm run build first`)
    console.log(`soak: seed ${SEED} (replay with SOAK_SEED=${SEED}), ${ROUNDS} rounds`)
    const r = mulberry32(SEED)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!
    const clock = new FakeClock('2026-11-18T07:00:00Z')
    // In a process of its own: building a 30 MB hostile body there does not block this event loop.
    const server: RemoteDemoServer = await startRemoteDemoServer({ stores: 10, seed: SEED, now: clock.now() })
    const demoInput = (s: DemoStore): AccountInput => demoAccountInput(server.url, s)
    const byAccount = new Map(server.stores.map((s) => [s.accountId, s]))
    const keyOf = new Map(server.stores.map((s) => [s.accountId, s.key]))
    const parser = createOffThreadParser(WORKER)
    const home = await mkdtemp(join(tmpdir(), 'storeglance-soak-'))
    onTestFinished(() => rm(home, { recursive: true, force: true }))
    const options = {
      userDataDir: home,
      version: '1.0.0',
      secrets: new KeytarSecretStore(),
      clock,
      parse: parser.parse,
      demo: 'off' as const,
      monitor: { random: mulberry32(SEED ^ 0x5bd1e995), spreadMs: () => 0, refreshDebounceMs: 0, pollDeadlineMs: DEADLINE_MS },
    }
    const core: AppCore = createAppCore(options)
    const memory: SoakMemory = { lastEmitted: new Map(), lastOnDisk: new Map(), diskAhead: 0 }
    core.events.on('event:snapshot', (p) => memory.lastEmitted.set(p.id, p.current.fetchedAt))
    const counts = { ok: 0, failed: 0, cli: 0, edits: 0, largeRounds: 0, largeParsed: 0, maxInFlight: 0 }
    // One histogram, reset every round: a re-enabled one would count its idle gap as a block.
    const delay = monitorEventLoopDelay({ resolution: 5 })
    const block = { all: 0, large: 0 }
    const started = Date.now()
    const expected = new Map<string, string | null>()
    const faults = new Map<string, DemoFault | null>()
    const label = (round: number | string) => `seed ${SEED}, round ${round}`
    /** Stores a CLI process or a core add/remove is working on this round: nothing else touches them. */
    const busy = new Set<string>()
    const editErrors: string[] = []
    const faultOf = (id: string) => faults.get(core.accounts.list().find((a) => a.id === id)?.accountId ?? '') ?? null
    const hanging = (id: string) => faultOf(id)?.kind === 'hang'
    try {
      await core.start()
      core.monitor.events.on('outcome', (o) => {
        if (!('snapshot' in o)) return void counts.failed++
        counts.ok++
        if (faultOf(o.id)?.kind === 'huge') counts.largeParsed++
      })
      core.events.on('event:status', () => (counts.maxInFlight = Math.max(counts.maxInFlight, core.monitor.inFlight())))
      for (const s of server.stores.slice(0, 4)) {
        const view = await core.handlers['accounts:add']({ input: demoInput(s), key: s.key })
        expected.set(s.accountId, view.id)
      }
      delay.enable()
      const plan = cliPlan(r)
      const simStart = clock.now()
      for (let round = 0; round < ROUNDS; round++) {
        busy.clear()
        const pending: Promise<unknown>[] = []
        const inSettings = () => [...expected.keys()].filter((a) => !busy.has(a))
        const notInSettings = () => server.stores.filter((s) => !expected.has(s.accountId) && !busy.has(s.accountId))
        // A real CLI process writes the folder while the core polls and edits.
        let run: Cli | null = null
        const cliKind = plan.get(round)
        if (cliKind === 'add' && notInSettings().length) {
          const s = pick(notInSettings())
          busy.add(s.accountId)
          await server.setFault(s.accountId, null)
          faults.delete(s.accountId)
          const args = addArgs(server, s)
          run = { kind: 'add', store: s, run: cli(args, { home, input: `${s.key}\n`, timeoutMs: 60_000 }) }
        } else if (cliKind === 'remove' && inSettings().length > 1) {
          const s = byAccount.get(pick(inSettings()))!
          busy.add(s.accountId)
          const id = (await savedStores(home)).find((a) => a.accountId === s.accountId)!.id
          run = { kind: 'remove', store: s, run: cli(['accounts', 'remove', id], { home, timeoutMs: 60_000 }) }
        }
        if (run) counts.cli++
        // New faults for some stores (never for one a CLI process is adding: its key test must pass).
        for (const a of inSettings()) if (r() < 0.4) faults.set(a, randomFault(r))
        await Promise.all([...faults].map(([a, f]) => server.setFault(a, busy.has(a) ? null : f)))
        const large = [...faults.values()].some(isLarge)
        if (large) counts.largeRounds++
        delay.reset()
        // Store edits through the core's handlers, not awaited: they race the polls and the CLI.
        pending.push(...coreEdits(round))
        // Simulated time: 5 to 20 minutes in a few steps.
        for (let step = 0, n = 1 + Math.floor(r() * 3); step < n; step++)
          await advanceSettled(core, clock, Math.floor(((5 + r() * 15) * 60_000) / n), DEADLINE_MS, hanging, server.setNow)
        if (run) pending.push(run.run)
        await settle(core, clock, DEADLINE_MS, pending, hanging)
        expect(editErrors).toEqual([])
        if (process.env.SOAK_VERBOSE)
          console.log(
            `soak: round ${round}: longest block ${(delay.max / 1e6).toFixed(1)} ms; faults ${[...faults.values()].map((f) => (f?.kind === 'hostile' ? f.body : (f?.kind ?? '-'))).join(' ')}`,
          )
        block.all = Math.max(block.all, delay.max)
        if (large) block.large = Math.max(block.large, delay.max)
        if (run) {
          const res = await run.run
          expect(res.code, `${label(round)}: storeglance accounts ${run.kind}: ${res.stderr}`).toBe(0)
          if (run.kind === 'add') expected.set(run.store.accountId, null)
          else expected.delete(run.store.accountId)
          await server.setFault(run.store.accountId, null)
          faults.delete(run.store.accountId)
        }
        await checkInvariants({ home, core, expected, keyOf, memory, label: label(round) })
      }

      // Faults over: within the longest back-off every enabled store is polled again, so no slot is held.
      await Promise.all(server.stores.map((s) => server.setFault(s.accountId, null)))
      for (let i = 0; i < 3; i++) {
        await advanceSettled(core, clock, 31 * 60_000, DEADLINE_MS, hanging, server.setNow)
      }
      const enabledIds = core.accounts
        .list()
        .filter((a) => a.enabled)
        .map((a) => a.id)
      expect(
        core.monitor
          .statuses()
          .filter((s) => enabledIds.includes(s.id) && s.state !== 'ok')
          .map((s) => [s.id, s.state, s.error?.message]),
        label('final'),
      ).toEqual([])
      await checkInvariants({ home, core, expected, keyOf, memory, label: label('final') })
      delay.disable()
      const ms = (ns: number) => (Number.isFinite(ns) ? (ns / 1e6).toFixed(1) : 'n/a')
      console.log(
        `soak: seed ${SEED}: ${ROUNDS} rounds, ${((clock.now() - simStart) / 3_600_000).toFixed(1)} h simulated in ${((Date.now() - started) / 1000).toFixed(1)} s; ` +
          `polls ${counts.ok} ok / ${counts.failed} failed, ${counts.edits} core edits, ${counts.cli} CLI writers, disk ahead of the window ${memory.diskAhead}×, max ${counts.maxInFlight} in flight; ` +
          `longest event-loop block ${ms(block.all)} ms overall, ${ms(block.large)} ms in ${counts.largeRounds} rounds with large bodies (${counts.largeParsed} bodies of 1-4 MB parsed, ${parser.workersStarted()} parse worker(s))`,
      )
    } finally {
      await stopCore(core, clock)
      await parser.close()
      await server.close()
    }

    // After a restart, the core shows every store's newest good snapshot, read back from disk.
    const again = createAppCore({ ...options, secrets: new KeytarSecretStore() })
    await again.start()
    try {
      await again.monitor.stop()
      const shown = new Map(again.monitor.snapshots().map((p) => [p.id, p.current.fetchedAt]))
      for (const a of again.accounts.list()) {
        const before = memory.lastEmitted.get(a.id)
        // stop() may have written a newer age of the same figures: never older than the last check saw.
        if (before)
          expect((shown.get(a.id) ?? '') >= memory.lastOnDisk.get(a.id)!, `${label('restart')}: ${a.label} after a restart`).toBe(true)
      }
    } finally {
      await stopCore(again, clock)
    }

    /** Zero to two edits through the core's handlers: add, remove, rename, enable/disable, interval. */
    function coreEdits(round: number): Promise<unknown>[] {
      const out: Promise<unknown>[] = []
      for (let i = 0, n = Math.floor(r() * 3); i < n; i++) {
        const choice = r()
        const free = [...expected.entries()].filter(([a, id]) => id && !busy.has(a))
        const fresh = server.stores.filter((s) => !expected.has(s.accountId) && !busy.has(s.accountId))
        counts.edits++
        if (choice < 0.2 && fresh.length) {
          const s = pick(fresh)
          busy.add(s.accountId)
          faults.delete(s.accountId)
          const add = server.setFault(s.accountId, null).then(() => core.handlers['accounts:add']({ input: demoInput(s), key: s.key }))
          out.push(add.then((v) => expected.set(s.accountId, v.id)))
        } else if (choice < 0.35 && free.length > 2) {
          const [a, id] = pick(free)
          busy.add(a)
          expected.delete(a)
          faults.delete(a)
          void server.setFault(a, null)
          out.push(core.handlers['accounts:remove']({ id: id! }))
        } else if (choice < 0.8 && free.length) {
          const [a, id] = pick(free)
          const patch = r() < 0.5 ? { label: `${byAccount.get(a)!.label} r${round}` } : { enabled: r() < 0.7 }
          out.push(core.handlers['accounts:update']({ id: id!, patch }))
        } else {
          out.push(core.handlers['settings:update']({ intervalSec: pick([300, 600, 900]) }))
        }
      }
      return out.map((p) => p.catch((err: unknown) => editErrors.push(`${label(round)}: a core edit failed: ${(err as Error).message}`)))
    }
  },
  180_000,
)
