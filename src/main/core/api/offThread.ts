/**
 * Parsing large dashboard bodies on a worker thread. Small bodies (the default request sizes give
 * ~20 KB) parse in a few milliseconds in-process; past `minChars` the body goes to one long-lived
 * worker so the main process stays responsive. Errors come back as data and are rebuilt into the
 * same typed errors the in-process parser throws.
 */
import { Worker } from 'node:worker_threads'
import type { ResponseFormat, StoreSnapshot } from '../../../shared/model'
import { ApiError, ResponseError, type ResponseProblem } from './errors'
import { parseDashboard, type ParseMeta } from './parseDashboard'

/** Turns a response body into a snapshot, possibly asynchronously. */
export type DashboardParser = (body: string, format: ResponseFormat, meta: ParseMeta) => StoreSnapshot | Promise<StoreSnapshot>

export interface WorkerRequest {
  id: number
  body: string
  format: ResponseFormat
  meta: ParseMeta
}

export type WorkerReply = { id: number; ok: true; snapshot: StoreSnapshot } | { id: number; ok: false; error: Record<string, unknown> }

/** Bodies at least this long are parsed off the main thread. */
export const OFF_THREAD_MIN_CHARS = 256 * 1024

export interface OffThreadParser {
  parse: DashboardParser
  /** Stops the worker (at quit); pending parses reject. */
  close(): Promise<void>
}

/** Rebuilds a typed parse error from the worker's plain data. */
export function reviveParseError(data: Record<string, unknown>): Error {
  const message = typeof data['message'] === 'string' ? data['message'] : 'The server’s answer could not be read.'
  let err: Error
  if (data['kind'] === 'api') err = new ApiError(String(data['serverMessage'] ?? ''))
  else if (data['kind'] === 'response') {
    err = new ResponseError((data['problem'] as ResponseProblem) ?? 'malformed')
    Object.defineProperty(err, 'excerpt', { value: String(data['excerpt'] ?? '') })
  } else err = new ResponseError('malformed')
  err.message = message
  return err
}

/** Creates the parser; the worker script is `workerPath` (out/main/parseWorker.js in the built app). */
export function createOffThreadParser(workerPath: string, minChars = OFF_THREAD_MIN_CHARS): OffThreadParser {
  let worker: Worker | null = null
  let seq = 0
  const pending = new Map<number, { resolve: (s: StoreSnapshot) => void; reject: (e: Error) => void }>()

  function failAll(err: Error): void {
    for (const p of pending.values()) p.reject(err)
    pending.clear()
    worker = null
  }
  function ensureWorker(): Worker {
    if (worker) return worker
    const w = new Worker(workerPath)
    w.unref()
    w.on('message', (reply: WorkerReply) => {
      const p = pending.get(reply.id)
      if (!p) return
      pending.delete(reply.id)
      if (reply.ok) p.resolve(reply.snapshot)
      else p.reject(reviveParseError(reply.error))
    })
    w.on('error', () => failAll(new ResponseError('malformed', '', 'the parser stopped unexpectedly')))
    w.on('exit', () => failAll(new ResponseError('malformed', '', 'the parser stopped')))
    worker = w
    return w
  }

  return {
    parse(body, format, meta) {
      if (body.length < minChars) return parseDashboard(body, format, meta)
      return new Promise<StoreSnapshot>((resolve, reject) => {
        const id = ++seq
        pending.set(id, { resolve, reject })
        ensureWorker().postMessage({ id, body, format, meta } satisfies WorkerRequest)
      })
    },
    async close() {
      const w = worker
      worker = null
      if (w) await w.terminate()
    },
  }
}
