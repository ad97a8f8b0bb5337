/**
 * Worker-thread entry: parses dashboard bodies off the main thread (a 2 MB XML body takes a few
 * hundred milliseconds, which would freeze the app's main process). Built to out/main/parseWorker.js.
 */
import { parentPort } from 'node:worker_threads'
import { parseDashboard } from './parseDashboard'
import type { WorkerRequest, WorkerReply } from './offThread'

parentPort?.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply
  try {
    reply = { id: req.id, ok: true, json: JSON.stringify(parseDashboard(req.body, req.format, req.meta)) }
  } catch (err) {
    const e = err as Error & { toJSON?: () => Record<string, unknown> }
    reply = { id: req.id, ok: false, error: e.toJSON ? e.toJSON() : { name: e.name, message: e.message } }
  }
  parentPort!.postMessage(reply)
})
