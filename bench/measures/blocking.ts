/**
 * Measure 2, main-thread blocking: the app path (the real client over loopback HTTP, with the
 * off-thread parser the app uses, out/main/parseWorker.js) fetches a 2 MB and a 5 MB answer while
 * perf_hooks.monitorEventLoopDelay watches the main thread (the server runs on a worker thread). The longest stall is compared with
 * one frame (16.7 ms); the in-process parse of the same body is printed alongside for scale.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { monitorEventLoopDelay, performance } from 'node:perf_hooks'
import { Worker } from 'node:worker_threads'
import { fetchDashboard } from '../../src/main/core/api/client'
import { createOffThreadParser } from '../../src/main/core/api/offThread'
import { parseDashboard } from '../../src/main/core/api/parseDashboard'
import { DEFAULT_SIZES } from '../../src/shared/model'
import { xmlOfSize } from '../bodies'
import { notMeasured, row, type Row } from '../report'

const FRAME_MS = 1000 / 60
const RUNS = 3

/**
 * Serves `body` as XML to every request, on loopback, from a worker thread: a remote server's
 * work must not be counted as the app's main-thread work.
 */
async function serve(body: string): Promise<{ url: string; close: () => Promise<void> }> {
  const code = `
    const { parentPort, workerData } = require('node:worker_threads')
    const server = require('node:http').createServer((req, res) => {
      req.resume()
      req.on('end', () => {
        res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' })
        res.end(workerData)
      })
    })
    server.listen(0, '127.0.0.1', () => parentPort.postMessage(server.address().port))`
  const worker = new Worker(code, { eval: true, workerData: body })
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', resolve)
    worker.once('error', reject)
  })
  return { url: `http://127.0.0.1:${port}/api.php`, close: async () => void (await worker.terminate()) }
}

/** Longest event-loop stall (ms) while `work` runs `RUNS` times. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  await work() // warm-up: worker start, JIT
  await new Promise((r) => setTimeout(r, 50))
  const h = monitorEventLoopDelay({ resolution: 1 })
  h.enable()
  for (let i = 0; i < RUNS; i++) {
    await work()
    await new Promise((r) => setTimeout(r, 10))
  }
  h.disable()
  return h.max / 1e6
}

/** Measure 2: the longest main-thread stall per answer size, against one frame. */
export async function measureBlocking(root: string): Promise<Row[]> {
  const workerPath = join(root, 'out', 'main', 'parseWorker.js')
  if (!existsSync(workerPath))
    return [notMeasured(2, 'blocking', 'main-thread stall', 'out/main/parseWorker.js is missing (run npm run build)')]
  const parser = createOffThreadParser(workerPath)
  const rows: Row[] = []
  // What the machine itself does to an idle event loop over a few seconds (other processes, GC).
  const idle = await longestStall(() => new Promise((r) => setTimeout(r, 500)))
  try {
    for (const mb of [2, 5]) {
      // The 5 MB answer stays just under the client's 5 MiB cap.
      const body = xmlOfSize(mb === 5 ? 5_000_000 : 2 * 1024 * 1024)
      const server = await serve(body)
      const input = {
        endpoint: server.url,
        userId: 'bench',
        accountId: 'bench',
        key: 'bench-key-0000000000',
        format: 'xml' as const,
        sizes: { ...DEFAULT_SIZES },
      }
      const stall = await longestStall(() => fetchDashboard({ ...input, parse: parser.parse }))
      await server.close()
      const t = performance.now()
      parseDashboard(body, 'xml', { accountId: 'bench', fetchedAt: new Date().toISOString() })
      const inProcess = performance.now() - t
      rows.push(
        row(
          2,
          `blocking.${mb}MB`,
          `main-thread stall, ${mb} MB answer (in-process parse would take ${inProcess.toFixed(0)} ms)`,
          stall,
          'ms',
          {
            figure: FRAME_MS,
            unit: 'ms',
            what: 'one frame',
          },
          { goal: '≤ 1', note: `idle loop's longest stall ${idle.toFixed(0)} ms` },
        ),
      )
    }
  } finally {
    await parser.close()
  }
  return rows
}
