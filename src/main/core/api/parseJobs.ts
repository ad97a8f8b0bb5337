/**
 * The worker side of off-thread parsing, seen from the main thread: one job in the worker at a
 * time (so a job's time limit measures its own parse, not its wait), a per-job limit, and
 * cancellation. A job that overruns its limit or is cancelled while running cannot be stopped
 * inside the worker (a parse is synchronous there), so the worker is terminated and a fresh one
 * started for the next job. Events from a worker already replaced are ignored.
 */
import { Worker } from 'node:worker_threads'
import type { ResponseFormat, StoreSnapshot } from '../../../shared/model'
import { ApiError, ResponseError, type ResponseProblem } from './errors'
import type { ParseMeta } from './parseDashboard'

export interface WorkerRequest {
  id: number
  body: string
  format: ResponseFormat
  meta: ParseMeta
}

/**
 * The worker's answer. A snapshot comes back as JSON text: the main thread reads that several
 * times faster than a structured clone of the same objects, which keeps a 5 MB answer's
 * hand-over near one frame.
 */
export type WorkerReply = { id: number; ok: true; json: string } | { id: number; ok: false; error: Record<string, unknown> }

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
  /** Jobs queued or running. */
  readonly pending: number
}

/** The parse took longer than the per-job limit (the worker was replaced). */
function overrun(limitMs: number): ResponseError {
  return new ResponseError('malformed', '', `reading it took longer than ${Math.round(limitMs / 1000)} s`)
}

/** Creates a runner for `workerPath` with a per-job limit of `limitMs`. */
export function createJobRunner(workerPath: string, limitMs: number): JobRunner {
  return new ParseJobRunner(workerPath, limitMs)
}

class ParseJobRunner implements JobRunner {
  private worker: Worker | null = null
  private current: Job | null = null
  private timer: ReturnType<typeof setTimeout> | null = null
  private seq = 0
  private closed = false
  private readonly queue: Job[] = []
  started = 0

  constructor(
    private readonly workerPath: string,
    private readonly limitMs: number,
  ) {}

  run({ body, format, meta }: { body: string; format: ResponseFormat; meta: ParseMeta }, signal?: AbortSignal): Promise<StoreSnapshot> {
    if (this.closed) return Promise.reject(new ResponseError('malformed', '', 'the parser is closed'))
    signal?.throwIfAborted()
    return new Promise<StoreSnapshot>((resolve, reject) => {
      const job: Job = { id: ++this.seq, body, format, meta, resolve, reject, signal }
      if (signal) {
        job.onAbort = () => this.cancel(job)
        signal.addEventListener('abort', job.onAbort, { once: true })
      }
      this.queue.push(job)
      this.next()
    })
  }

  get pending(): number {
    return this.queue.length + (this.current ? 1 : 0)
  }

  async close(): Promise<void> {
    this.closed = true
    const stopped = new ResponseError('malformed', '', 'the parser was closed')
    for (const job of this.queue.splice(0)) this.fail(job, stopped)
    if (this.current) this.fail(this.current, stopped)
    const w = this.worker
    this.worker = null
    if (w) await w.terminate()
  }

  /** Sends the next queued job to the worker, with its time limit, when none is running. */
  private next(): void {
    if (this.current || this.closed) return
    const job = this.queue.shift()
    if (!job) return
    this.current = job
    this.timer = setTimeout(() => {
      if (this.current !== job) return
      this.replaceWorker()
      this.fail(job, overrun(this.limitMs))
      this.next()
    }, this.limitMs)
    this.ensureWorker().postMessage({ id: job.id, body: job.body, format: job.format, meta: job.meta } satisfies WorkerRequest)
  }

  /** A cancelled job leaves the queue, or, if it is running, takes its (stuck) worker with it. */
  private cancel(job: Job): void {
    const waiting = this.queue.indexOf(job)
    if (waiting !== -1) this.queue.splice(waiting, 1)
    else if (this.current === job) this.replaceWorker()
    else return
    this.fail(job, job.signal?.reason)
    this.next()
  }

  private settle(job: Job): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort)
    if (this.current !== job) return
    this.current = null
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private fail(job: Job, err: unknown): void {
    this.settle(job)
    job.reject(err)
  }

  /**
   * Stops the worker (it may be stuck in a parse) and starts a fresh one for the next job. Only a
   * worker we stopped is restarted at once: one that died by itself is replaced when a job needs
   * it, so a worker that cannot start does not restart in a loop.
   */
  private replaceWorker(): void {
    const w = this.worker
    this.worker = null
    if (w) void w.terminate().catch(() => undefined)
    if (!this.closed) this.ensureWorker()
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker
    const w = new Worker(this.workerPath)
    this.started++
    w.unref()
    w.on('message', (reply: WorkerReply) => this.onReply(w, reply))
    w.on('error', () => this.onDeath(w, 'the parser stopped unexpectedly'))
    w.on('exit', () => this.onDeath(w, 'the parser stopped'))
    this.worker = w
    return w
  }

  private onReply(w: Worker, reply: WorkerReply): void {
    const job = this.current
    if (w !== this.worker || !job || reply.id !== job.id) return
    this.settle(job)
    if (reply.ok) job.resolve(JSON.parse(reply.json) as StoreSnapshot)
    else job.reject(reviveParseError(reply.error))
    this.next()
  }

  private onDeath(w: Worker, why: string): void {
    if (w !== this.worker) return // a worker already replaced: its death is expected
    this.worker = null
    if (this.current) this.fail(this.current, new ResponseError('malformed', '', why))
    this.next()
  }
}
