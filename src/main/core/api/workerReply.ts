/**
 * What the parse worker answers to one request: the snapshot as JSON text (cheaper to hand over
 * than a structured clone), or the error as data that `reviveParseError` turns back into its class.
 * Shared by the worker (parseWorker.ts) and the tests' stalling worker.
 */
import { parseDashboard } from './parseDashboard'
import type { WorkerReply, WorkerRequest } from './parseJobs'

/** Parses `req.body` and returns the reply to post back. */
export function replyTo(req: WorkerRequest): WorkerReply {
  try {
    return { id: req.id, ok: true, json: JSON.stringify(parseDashboard(req.body, req.format, req.meta)) }
  } catch (err) {
    const e = err as Error & { toJSON?: () => Record<string, unknown> }
    return { id: req.id, ok: false, error: e.toJSON ? e.toJSON() : { name: e.name, message: e.message } }
  }
}
