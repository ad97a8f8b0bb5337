import { afterEach, describe, expect, it } from 'vitest'
import { startRig, run, type Rig } from '../../helpers/monitorRig'
import { flush } from '../../helpers/fakeClock'
import { createSnapshotStore } from '../../../src/main/core/snapshots'
import { join } from 'node:path'
import type { DemoFault } from '../../../src/main/core/demo'

let rig: Rig | null = null
afterEach(async () => {
  await rig?.close()
  rig = null
})

const MIN = 60_000

describe('the monitor over the demo server', () => {
  it('fetches every store, saves each snapshot and tells the window', async () => {
    rig = await startRig({ stores: 3 })
    await rig.monitor.start()
    await run(rig, 20_000)
    const ids = rig.accounts.list().map((a) => a.id)
    expect(
      rig.monitor
        .snapshots()
        .map((p) => p.id)
        .sort(),
    ).toEqual([...ids].sort())
    for (const id of ids) {
      expect(rig.monitor.status(id)).toMatchObject({ state: 'ok', error: null })
      const stored = await createSnapshotStore({ dir: join(rig.dir, 'snapshots') }).load(id)
      expect(stored.current?.fetchedAt).toBe(rig.monitor.snapshots().find((p) => p.id === id)!.current.fetchedAt)
    }
    const demo = rig.server.stores[0]!
    const first = rig.monitor.snapshots().find((p) => p.current.accountId === demo.accountId)!
    expect(first.current.transactions.thisMonth).toBeGreaterThan(0)
    expect(first.current.campaignActivity.length).toBeGreaterThanOrEqual(2)
  })

  it('shows figures moving forward as time passes, keeping the one before', async () => {
    rig = await startRig({ stores: 1 })
    await rig.monitor.start()
    await run(rig, 10_000)
    const before = rig.monitor.snapshots()[0]!.current
    await run(rig, 6 * 60 * MIN, 60_000)
    const after = rig.monitor.snapshots()[0]!
    expect(after.current.transactions.thisMonth!).toBeGreaterThan(before.transactions.thisMonth!)
    expect(after.previous).not.toBeNull()
    expect(after.previous!.fetchedAt < after.current.fetchedAt).toBe(true)
  })

  it('marks a store refused by the server as needing attention, with the server message', async () => {
    rig = await startRig({ stores: 2 })
    const [bad] = rig.server.stores
    rig.server.setFault(bad!.accountId, { kind: 'apiError', message: 'User does not have permission' })
    await rig.monitor.start()
    await run(rig, 20_000)
    const badId = rig.accounts.list().find((a) => a.accountId === bad!.accountId)!.id
    expect(rig.monitor.status(badId)).toMatchObject({ state: 'error', needsAttention: true, error: { kind: 'api' } })
    expect(rig.monitor.status(badId)!.error!.message).toContain('User does not have permission')
    const other = rig.accounts.list().find((a) => a.id !== badId)!
    expect(rig.monitor.status(other.id)!.state).toBe('ok')
  })

  it('backs off from a failing server, growing, and returns to the interval once it recovers', async () => {
    const sent: number[] = []
    let clockRef: { now(): number } | null = null
    const transport: typeof fetch = (input, init) => {
      sent.push(clockRef!.now())
      return fetch(input, init)
    }
    rig = await startRig({ stores: 1, monitor: { transport, random: () => 1, spreadMs: () => 0 } })
    clockRef = rig.clock
    rig.server.setFault('*', { kind: 'http', status: 502 })
    await rig.monitor.start()
    // Each answer is handled within a second of fake time (one step), hence the rounding.
    const minutes = (ts: number[]) => ts.slice(1).map((t, i) => Math.round(((t - ts[i]!) / MIN) * 10) / 10)
    await run(rig, 16 * MIN, 1_000)
    const gaps = minutes(sent)
    expect(gaps).toEqual([1, 2, 4, 8])
    const id = rig.accounts.list()[0]!.id
    expect(rig.monitor.status(id)).toMatchObject({ state: 'error', needsAttention: false, error: { kind: 'http', consecutiveFailures: 5 } })
    rig.server.setFault('*', null)
    // The sixth attempt (16 min after the fifth) succeeds; from then on: the interval plus its
    // 10% jitter (random = 1), no more backoff.
    await run(rig, 40 * MIN, 1_000)
    expect(rig.monitor.status(id)).toMatchObject({ state: 'ok', error: null })
    expect(minutes(sent.slice(4, 6))).toEqual([16])
    const after = sent.slice(5)
    expect(after.length).toBeGreaterThanOrEqual(4)
    expect(new Set(minutes(after))).toEqual(new Set([5.5]))
  })

  it('restarts on the saved snapshots with their age when the server is gone', async () => {
    rig = await startRig({ stores: 2 })
    await rig.monitor.start()
    await run(rig, 20_000)
    const saved = rig.monitor.snapshots()
    await rig.monitor.stop()
    await rig.server.close()
    rig.snapshotEvents.length = 0
    await run(rig, 0)
    await rig.clock.advance(3 * 3600_000)
    const m = await rig.restart({ spreadMs: () => 0 })
    await m.start()
    // Stored snapshots are emitted before any request went out.
    expect(rig.snapshotEvents.map((p) => p.current.fetchedAt).sort()).toEqual(saved.map((p) => p.current.fetchedAt).sort())
    expect(m.statuses().every((s) => s.state === 'stale' || s.state === 'refreshing')).toBe(true)
    await run(rig, 1_000)
    await m.whenIdle()
    for (const s of m.statuses()) {
      expect(s.state).toBe('error')
      expect(s.error!.kind).toBe('network')
      expect(s.lastSuccessAt).not.toBeNull()
    }
    // The figures are still there, with the age they had.
    expect(
      m
        .snapshots()
        .map((p) => p.current.fetchedAt)
        .sort(),
    ).toEqual(saved.map((p) => p.current.fetchedAt).sort())
  })

  it('never loses or worsens the last good snapshot under random faults, and never overlaps requests per store', async () => {
    let seed = 42
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const inFlight = new Map<string, number>()
    let overlap = 0
    const transport: typeof fetch = async (input, init) => {
      const accountId = new URLSearchParams(String(init?.body)).get('account_id')!
      inFlight.set(accountId, (inFlight.get(accountId) ?? 0) + 1)
      if (inFlight.get(accountId)! > 1) overlap++
      try {
        return await fetch(input, init)
      } finally {
        inFlight.set(accountId, inFlight.get(accountId)! - 1)
      }
    }
    rig = await startRig({ stores: 4, monitor: { transport, timeoutMs: 300, random, spreadMs: () => 0 } })
    await rig.monitor.start()
    await run(rig, 10_000)
    const faults: (DemoFault | null)[] = [
      null,
      null,
      null,
      { kind: 'http', status: 502 },
      { kind: 'html200' },
      { kind: 'truncated' },
      { kind: 'reset' },
      { kind: 'hang' },
      { kind: 'apiError', message: 'Temporarily disabled' },
      { kind: 'http', status: 500 },
    ]
    const best = new Map<string, string>()
    for (const p of rig.monitor.snapshots()) best.set(p.id, p.current.fetchedAt)
    for (let round = 0; round < 40; round++) {
      for (const s of rig.server.stores) rig.server.setFault(s.accountId, faults[Math.floor(random() * faults.length)]!)
      if (random() < 0.3) rig.monitor.refresh()
      await run(rig, 5 * MIN, 30_000)
      const store = createSnapshotStore({ dir: join(rig.dir, 'snapshots') })
      for (const a of rig.accounts.list()) {
        const mem = rig.monitor.snapshots().find((p) => p.id === a.id)
        expect(mem, `round ${round}: ${a.label} lost its snapshot`).toBeDefined()
        expect(mem!.current.fetchedAt >= best.get(a.id)!, `round ${round}: older snapshot came back`).toBe(true)
        best.set(a.id, mem!.current.fetchedAt)
        const disk = await store.load(a.id)
        expect(disk.current, `round ${round}: nothing on disk for ${a.label}`).not.toBeNull()
        expect(disk.current!.transactions.thisMonth).not.toBeNull()
      }
    }
    expect(overlap).toBe(0)
    expect(rig.warnings).toEqual([])
    // The sequence really mixed failures with fresh successes.
    expect(new Set(rig.statusEvents.filter((s) => s.state === 'error').map((s) => s.error!.kind))).toEqual(
      new Set(['http', 'response', 'network', 'timeout', 'api']),
    )
    expect(rig.snapshotEvents.length).toBeGreaterThan(12)
  }, 120_000)
})

describe('pollAllOnce (the CLI snapshot)', () => {
  it('fetches every enabled store once, even fresh ones, within the in-flight cap, then stops', async () => {
    rig = await startRig({ stores: 6, monitor: { maxInFlight: 2 } })
    await rig.monitor.pollAllOnce()
    expect(rig.monitor.snapshots().length).toBe(6)
    const first = rig.monitor.snapshots().map((p) => p.current.fetchedAt)
    await rig.clock.advance(60_000)
    await rig.monitor.pollAllOnce()
    expect(rig.monitor.snapshots().every((p, i) => p.current.fetchedAt > first[i]!)).toBe(true)
    // Stopped: time passing starts nothing.
    const n = rig.statusEvents.length
    await rig.clock.advance(3600_000)
    expect(rig.statusEvents.length).toBe(n)
  })

  it('stop waits for a request that ignores the abort only until stopTimeoutMs, on the injected clock', async () => {
    let started = 0
    let settle: (err: Error) => void = () => {}
    rig = await startRig({
      stores: 1,
      monitor: {
        spreadMs: () => 0,
        stopTimeoutMs: 7_000,
        fetcher: () => {
          started++
          return new Promise((_, reject) => {
            settle = reject
          })
        },
      },
    })
    await rig.monitor.start()
    await rig.clock.advance(0)
    expect(started).toBe(1)
    let stopped = false
    const stopping = rig.monitor.stop().then(() => {
      stopped = true
    })
    await rig.clock.advance(6_999)
    expect(stopped).toBe(false)
    await rig.clock.advance(1)
    await stopping
    expect(stopped).toBe(true)
    settle(new Error('gone'))
    await flush()
  })
})
