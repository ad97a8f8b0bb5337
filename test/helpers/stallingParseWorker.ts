/**
 * A parse worker for tests of the worker's supervision: it parses like the real one
 * (src/main/core/api/parseWorker.ts), except that a body containing STALL-FOREVER makes it spin
 * without end (a parse that never finishes) and one containing CRASH-NOW makes the thread exit.
 */
import { parentPort } from 'node:worker_threads'
import { parseDashboard } from '../../src/main/core/api/parseDashboard'
import type { WorkerReply, WorkerRequest } from '../../src/main/core/api/offThread'

/** Marker of a body the worker never finishes. */
export const STALL = 'STALL-FOREVER'
/** Marker of a body that makes the worker exit. */
export const CRASH = 'CRASH-NOW'

parentPort?.on('message', (req: WorkerRequest) => {
  if (req.body.includes(STALL)) for (;;) Math.random()
  if (req.body.includes(CRASH)) process.exit(3)
  let reply: WorkerReply
  try {
    reply = { id: req.id, ok: true, json: JSON.stringify(parseDashboard(req.body, req.format, req.meta)) }
  } catch (err) {
    const e = err as Error & { toJSON?: () => Record<string, unknown> }
    reply = { id: req.id, ok: false, error: e.toJSON ? e.toJSON() : { name: e.name, message: e.message } }
  }
  parentPort!.postMessage(reply)
})
