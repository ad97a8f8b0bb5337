/**
 * Parsing large dashboard bodies on a worker thread. Small bodies (the default request sizes give
 * ~20 KB) parse in a few milliseconds in-process; past `minChars` the body goes to one long-lived
 * worker so the main process stays responsive. Errors come back as data and are rebuilt into the
 * same typed errors the in-process parser throws.
 */
import type { ResponseFormat, StoreSnapshot } from '../../../shared/model'
import { parseDashboard, type ParseMeta } from './parseDashboard'
import { createJobRunner } from './parseJobs'

export { reviveParseError, type WorkerReply, type WorkerRequest } from './parseJobs'

/** Turns a response body into a snapshot, possibly asynchronously. */
export type DashboardParser = (
  body: string,
  format: ResponseFormat,
  meta: ParseMeta,
  signal?: AbortSignal,
) => StoreSnapshot | Promise<StoreSnapshot>

/** Bodies at least this long are parsed off the main thread. */
export const OFF_THREAD_MIN_CHARS = 256 * 1024

/** Longest one parse may run in the worker: a 5 MB body takes well under a second. */
export const DEFAULT_JOB_LIMIT_MS = 30_000

export interface OffThreadParser {
  parse: DashboardParser
  /** Stops the worker (at quit); pending parses reject. */
  close(): Promise<void>
  /** How many workers were started so far: more than one means a stuck one was replaced. */
  workersStarted(): number
  /** Parses waiting for or running in the worker. */
  jobsPending(): number
}

export interface OffThreadOptions {
  /** Bodies shorter than this parse in-process. */
  minChars?: number
  /** Per-job limit: a parse running longer is stopped (the worker is replaced) and fails. */
  jobLimitMs?: number
}

/**
 * Creates the parser; the worker script is `workerPath` (out/main/parseWorker.js in the built app).
 * `options` may be a number: the old `minChars` argument.
 */
export function createOffThreadParser(workerPath: string, options: OffThreadOptions | number = {}): OffThreadParser {
  const opts = typeof options === 'number' ? { minChars: options } : options
  const minChars = opts.minChars ?? OFF_THREAD_MIN_CHARS
  const jobs = createJobRunner(workerPath, opts.jobLimitMs ?? DEFAULT_JOB_LIMIT_MS)
  return {
    parse(body, format, meta, signal) {
      if (body.length < minChars) return parseDashboard(body, format, meta)
      return jobs.run({ body, format, meta }, signal)
    },
    close: () => jobs.close(),
    workersStarted: () => jobs.started,
    jobsPending: () => jobs.pending,
  }
}
