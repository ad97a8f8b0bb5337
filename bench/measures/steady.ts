/**
 * Measure 4, steady state: 10,000 polls, 20 demo stores polled 500 times each through the real
 * monitor (real HTTP on loopback, the real parser, snapshot and history files in a temp dir), a
 * fake clock advancing one interval per round. Heap after a forced GC at round 50 and at the end;
 * CPU (user + system, process.cpuUsage) per poll over rounds 51..500. The demo server runs in the
 * same process, so its work is in the CPU figure; the reference is the parse of one answer alone.
 */
import { performance } from 'node:perf_hooks'
import { parseDashboard } from '../../src/main/core/api/parseDashboard'
import { startRig, run } from '../../test/helpers/monitorRig'
import { defaultXml } from '../bodies'
import { median } from './parse'
import { row, type Row } from '../report'

const STORES = 20
const ROUNDS = 500
const WARM = 50
const INTERVAL_MS = 300_000

/** Heap used after a full collection, in MB (the runner has --expose-gc). */
export function heapMb(): number {
  const gc = (globalThis as { gc?: () => void }).gc
  gc?.()
  gc?.()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

/** CPU ms of parsing one default answer in-process (median of 200). */
function parseMs(): number {
  const body = defaultXml()
  const meta = { accountId: 'bench', fetchedAt: '2024-05-01T12:00:00.000Z' }
  const times: number[] = []
  for (let i = 0; i < 250; i++) {
    const t = performance.now()
    parseDashboard(body, 'xml', meta)
    if (i >= 50) times.push(performance.now() - t)
  }
  return median(times)
}

/** Measure 4: heap growth and CPU per poll over 10,000 polls. */
export async function measureSteady(): Promise<Row[]> {
  const rig = await startRig({ stores: STORES, monitor: { spreadMs: () => 0 } })
  let polls = 0
  let warmHeap = 0
  let cpu = process.cpuUsage()
  const wall = performance.now()
  try {
    await rig.monitor.start()
    await run(rig, 1_000, 1_000)
    rig.monitor.events.on('snapshot', () => polls++)
    for (let round = 1; round <= ROUNDS; round++) {
      await run(rig, INTERVAL_MS, INTERVAL_MS)
      if (round === WARM) {
        warmHeap = heapMb()
        polls = 0
        cpu = process.cpuUsage()
      }
      // The rig records every event for tests; a long run must not count that against the monitor.
      rig.snapshotEvents.length = 0
      rig.statusEvents.length = 0
    }
  } finally {
    await rig.close()
  }
  const used = process.cpuUsage(cpu)
  const endHeap = heapMb()
  const cpuPerPoll = (used.user + used.system) / 1000 / Math.max(1, polls)
  const seconds = (performance.now() - wall) / 1000
  const note = `${polls.toLocaleString('en-US')} polls measured after warm-up, ${seconds.toFixed(0)} s in all`
  return [
    row(
      4,
      'steady.heap',
      `heap growth over ${(ROUNDS - WARM) * STORES} polls (after forced GC)`,
      endHeap - warmHeap,
      'MB',
      {
        figure: warmHeap,
        unit: 'MB',
        what: `heap after warm-up, round ${WARM}`,
      },
      { note },
    ),
    row(4, 'steady.cpu', 'CPU per poll (client, files, demo server)', cpuPerPoll, 'ms', {
      figure: parseMs(),
      unit: 'ms',
      what: 'parse of one answer alone',
    }),
  ]
}
