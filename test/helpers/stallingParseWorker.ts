/**
 * A parse worker for tests of the worker's supervision: it parses like the real one
 * (src/main/core/api/parseWorker.ts), except that a body containing STALL-FOREVER makes it spin
 * without end (a parse that never finishes) and one containing CRASH-NOW makes the thread exit.
 */
import { parentPort } from 'node:worker_threads'
import { replyTo } from '../../src/main/core/api/workerReply'
import type { WorkerRequest } from '../../src/main/core/api/offThread'

/** Marker of a body the worker never finishes. */
export const STALL = 'STALL-FOREVER'
/** Marker of a body that makes the worker exit. */
export const CRASH = 'CRASH-NOW'

parentPort?.on('message', (req: WorkerRequest) => {
  if (req.body.includes(STALL)) for (;;) Math.random()
  if (req.body.includes(CRASH)) process.exit(3)
  parentPort!.postMessage(replyTo(req))
})
