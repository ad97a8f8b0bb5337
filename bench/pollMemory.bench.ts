/**
 * Heap growth over 10,000 polls: 20 demo stores polled 500 times each through the real monitor
 * (real HTTP on loopback, the real parser, snapshot and history files in a temp dir), with a fake
 * clock advancing one interval per round. Heap is measured after a forced GC once warmed up
 * (round 50) and at the end; a flat figure means nothing accumulates per poll.
 * Run: npm run bench
 */
import { bench, describe } from 'vitest'
import { setFlagsFromString } from 'node:v8'
import { runInNewContext } from 'node:vm'
import { startRig, run } from '../test/helpers/monitorRig'

setFlagsFromString('--expose-gc')
const gc = runInNewContext('gc') as () => void

const STORES = 20
const ROUNDS = 500
const INTERVAL_MS = 300_000

/** Heap used after a full collection, in MB. */
function heapMb(): number {
  gc()
  gc()
  return process.memoryUsage().heapUsed / 1024 / 1024
}

describe('monitor memory', () => {
  bench(
    `10,000 polls over ${STORES} demo stores`,
    async () => {
      const rig = await startRig({ stores: STORES, monitor: { spreadMs: () => 0 } })
      await rig.monitor.start()
      await run(rig, 1_000, 1_000)
      let warm = 0
      const started = Date.now()
      let snapshotsSeen = 0
      rig.monitor.events.on('snapshot', () => snapshotsSeen++)
      for (let round = 1; round <= ROUNDS; round++) {
        await run(rig, INTERVAL_MS, INTERVAL_MS)
        if (round === 50) warm = heapMb()
        // The rig records every event for tests; a long run must not count that against the monitor.
        rig.snapshotEvents.length = 0
        rig.statusEvents.length = 0
      }
      const end = heapMb()
      const elapsed = (Date.now() - started) / 1000
      console.log(
        [
          `polls answered: ${snapshotsSeen} in ${elapsed.toFixed(1)} s (${((snapshotsSeen / elapsed) | 0)} per s)`,
          `heap after warm-up (round 50): ${warm.toFixed(1)} MB`,
          `heap at the end (round ${ROUNDS}): ${end.toFixed(1)} MB`,
          `growth: ${(end - warm).toFixed(2)} MB over ${((ROUNDS - 50) * STORES).toLocaleString('en-US')} polls (${(((end - warm) * 1024) / ((ROUNDS - 50) * STORES / 1000)).toFixed(1)} KB per 1,000 polls)`,
        ].join('\n'),
      )
      await rig.close()
    },
    { iterations: 1, warmupIterations: 0, warmupTime: 0, time: 0 },
  )
})
