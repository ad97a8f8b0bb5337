/**
 * Measure 3, a full refresh of 50 demo stores answering after 100 ms, through the real monitor
 * (real HTTP on loopback, the real client and parser, snapshot and history files in a temp dir,
 * the real clock) with the app's default concurrency. The concurrency is observed on the wire,
 * so the ideal ceil(50 / concurrency) × latency needs no knowledge of the poller's settings. The
 * same refresh with one request at a time is the "one after another" reference.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { openUserData } from '../../src/main/core/userData'
import { MemorySecretStore } from '../../src/main/core/accounts'
import { demoAccountInput, startDemoServer, type DemoServer } from '../../src/main/core/demo'
import { createMonitor } from '../../src/main/core/monitor'
import { systemClock, type Transport } from '../../src/main/core/ports'
import { row, type Row } from '../report'

const STORES = 50
const LATENCY_MS = 100

/** Opens a user data dir in `dir` holding the demo server's stores (keys in memory). */
export async function demoUserData(dir: string, server: DemoServer, secrets = new MemorySecretStore()) {
  const data = await openUserData({ dir, secrets, warn: () => {}, clock: systemClock })
  await data.accounts.addDemo(
    server.stores.map((s) => ({
      input: demoAccountInput(server.url, s),
      key: s.key,
    })),
  )
  return data
}

/** One full refresh; resolves with its wall time (ms), the most requests seen at once and the snapshots received. */
async function refreshOnce(server: DemoServer, maxInFlight?: number): Promise<{ ms: number; peak: number; snapshots: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-bench-'))
  let inFlight = 0
  let peak = 0
  const transport: Transport = async (url, init) => {
    peak = Math.max(peak, ++inFlight)
    try {
      return await fetch(url, init)
    } finally {
      inFlight--
    }
  }
  try {
    const data = await demoUserData(dir, server)
    const monitor = createMonitor({
      ...data,
      clock: systemClock,
      transport,
      spreadMs: () => 0,
      refreshDebounceMs: 0,
      ...(maxInFlight ? { maxInFlight } : {}),
    })
    await monitor.pollAllOnce() // warm-up: first files written, connections and JIT warm
    let snapshots = 0
    monitor.events.on('snapshot', () => snapshots++)
    peak = 0
    const t = performance.now()
    await monitor.pollAllOnce()
    const ms = performance.now() - t
    await monitor.stop()
    return { ms, peak, snapshots }
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/** Measure 3: wall time of a full refresh against the ideal and against one-by-one polling. */
export async function measureRefresh(): Promise<Row[]> {
  const server = await startDemoServer({ stores: STORES, seed: 3, latencyMs: LATENCY_MS })
  try {
    const app = await refreshOnce(server)
    const serial = await refreshOnce(server, 1)
    const ideal = Math.ceil(STORES / app.peak) * LATENCY_MS
    const note = app.snapshots === STORES ? undefined : `only ${app.snapshots} of ${STORES} stores answered`
    return [
      row(
        3,
        'refresh.ideal',
        `full refresh, ${STORES} stores, ${LATENCY_MS} ms latency, ${app.peak} at once`,
        app.ms,
        'ms',
        {
          figure: ideal,
          unit: 'ms',
          what: `ideal ceil(${STORES}/${app.peak})×${LATENCY_MS}`,
        },
        note ? { note } : {},
      ),
      row(3, 'refresh.serial', 'full refresh against one after another', app.ms, 'ms', {
        figure: serial.ms,
        unit: 'ms',
        what: 'one store at a time',
      }),
    ]
  } finally {
    await server.close()
  }
}
