/**
 * The worker side of off-thread parsing, seen from the main thread: one job in the worker at a
 * time (so a job's time limit measures its own parse, not its wait), a per-job limit, and
 * cancellation. A job that overruns its limit or is cancelled while running cannot be stopped
 * inside the worker (a parse is synchronous there), so the worker is terminated and a fresh one
 * takes the next job. Events from a worker already replaced are ignored.
 */
import { Worker } from 'node:worker_threads'
import type { ResponseFormat, StoreSnapshot } from '../../../shared/model'
import { ResponseError } from './errors'
import type { ParseMeta } from './parseDashboard'
import { reviveParseError, type WorkerReply, type WorkerRequest } from './offThread'

interface Job {
  id: number
  body: string
  format: ResponseFormat
  meta: ParseMeta
  resolve: (s: StoreSnapshot) => void
  reject: (e: unknown) => void
  signal?: AbortSignal
  onAbort?: () => void
}

/** Runs parse jobs on a replaceable worker. */
export interface JobRunner {
  run(job: { body: string; format: ResponseFormat; meta: ParseMeta }, signal?: AbortSignal): Promise<StoreSnapshot>
  close(): Promise<void>
  /** How many workers were started so far (for diagnostics and tests). */
  readonly started: number
}

/** The parse took longer than the per-job limit (the worker was replaced). */
function overrun(limitMs: number): ResponseError {
  return new ResponseError('malformed', '', `reading it took longer than ${Math.round(limitMs / 1000)} s`)
}

/** Creates a runner for `workerPath` with a per-job limit of `limitMs`. */
export function createJobRunner(workerPath: string, limitMs: number): JobRunner {
  let worker: Worker | null = null
  let current: Job | null = null
  let timer: ReturnType<typeof setTimeout> | null = null
  let seq = 0
  let started = 0
  let closed = false
  const queue: Job[] = []

  function settle(job: Job): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort)
    if (current === job) {
      current = null
      if (timer) clearTimeout(timer)
      timer = null
    }
  }

  /** Stops the worker (it may be stuck in a parse); the next job gets a new one. */
  function replaceWorker(): void {
    const w = worker
    worker = null
    if (w) void w.terminate().catch(() => undefined)
  }

  function fail(job: Job, err: unknown): void {
    settle(job)
    job.reject(err)
  }

  function ensureWorker(): Worker {
    if (worker) return worker
    const w = new Worker(workerPath)
    started++
    w.unref()
    w.on('message', (reply: WorkerReply) => {
      if (w !== worker || !current || reply.id !== current.id) return
      const job = current
      settle(job)
      if (reply.ok) job.resolve(reply.snapshot)
      else job.reject(reviveParseError(reply.error))
      next()
    })
    const crashed = (why: string) => () => {
      if (w !== worker) return // a worker we already replaced: its death is expected
      worker = null
      if (current) fail(current, new ResponseError('malformed', '', why))
      next()
    }
    w.on('error', crashed('the parser stopped unexpectedly'))
    w.on('exit', crashed('the parser stopped'))
    worker = w
    return w
  }

  function next(): void {
    if (current || closed) return
    const job = queue.shift()
    if (!job) return
    current = job
    timer = setTimeout(() => {
      if (current !== job) return
      replaceWorker()
      fail(job, overrun(limitMs))
      next()
    }, limitMs)
    ensureWorker().postMessage({ id: job.id, body: job.body, format: job.format, meta: job.meta } satisfies WorkerRequest)
  }

  function cancel(job: Job): void {
    const waiting = queue.indexOf(job)
    if (waiting !== -1) queue.splice(waiting, 1)
    else if (current === job) replaceWorker()
    else return
    fail(job, job.signal?.reason)
    next()
  }

  return {
    run({ body, format, meta }, signal) {
      if (closed) return Promise.reject(new ResponseError('malformed', '', 'the parser is closed'))
      signal?.throwIfAborted()
      return new Promise<StoreSnapshot>((resolve, reject) => {
        const job: Job = { id: ++seq, body, format, meta, resolve, reject, signal }
        if (signal) {
          job.onAbort = () => cancel(job)
          signal.addEventListener('abort', job.onAbort, { once: true })
        }
        queue.push(job)
        next()
      })
    },
    async close() {
      closed = true
      const stopped = new ResponseError('malformed', '', 'the parser was closed')
      for (const job of queue.splice(0)) fail(job, stopped)
      if (current) fail(current, stopped)
      const w = worker
      worker = null
      if (w) await w.terminate()
    },
    get started() {
      return started
    },
  }
}
