/**
 * The dashboard client: one POST per store, a time limit on the whole exchange (headers and body),
 * a size cap enforced while the body streams in, and every failure mapped to a typed, key-free
 * DashboardError. Plain Node: the transport is injected (global fetch by default, Electron's
 * net.fetch in the app).
 */
import type { ResponseFormat, StoreSnapshot } from '../../../shared/model'
import type { Transport } from '../ports'
import { ApiError, ConfigError, DashboardError, HttpError, NetworkError, ResponseError, TimeoutError, redact, redactError } from './errors'
import { parseDashboard, type ParseMeta } from './parseDashboard'
import { boundSnapshot } from './bounds'
import { redactStrings } from '../redact'
import type { DashboardParser } from './offThread'
import { classifyNetworkError } from './networkErrors'
import { buildDashboardRequest, type DashboardRequest, type DashboardRequestInput } from './request'

/** The request's own fields (the key goes in the `api_access_key` header only), plus how to send it. */
export interface FetchDashboardOptions extends DashboardRequestInput {
  /** Defaults to the global fetch. */
  transport?: Transport
  /** Limit for the whole exchange, body included. */
  timeoutMs?: number
  /** Largest body accepted, in bytes, checked while streaming. */
  maxBytes?: number
  /** Cancels the request (app quitting, account removed): rejects with that signal's reason. */
  signal?: AbortSignal
  /** When the response was received (injected clock). */
  now?: () => Date
  /** Body → snapshot; the in-process parser by default, an off-thread one in the app. */
  parse?: DashboardParser
  /** Told what was dropped from an over-long or malformed answer (the snapshot is still good). */
  onWarning?: (message: string) => void
}

/** Largest body of a non-2xx answer that is parsed for a dashboard error message. */
export const NON_2XX_MAX_CHARS = 64 * 1024

export const DEFAULT_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024

const defaultTransport: Transport = (url, init) => fetch(url, init)
const inProcess: DashboardParser = (body, format, meta) => parseDashboard(body, format, meta)

interface Exchange {
  status: number
  body: string
}

/**
 * Fetches and parses one store's dashboard. Resolves with a complete snapshot or rejects with an
 * ApiError, HttpError, TimeoutError, NetworkError or ResponseError (ConfigError/RangeError for
 * unusable settings; the external signal's reason when cancelled). Nothing it throws contains the key.
 */
export async function fetchDashboard(opts: FetchDashboardOptions): Promise<StoreSnapshot> {
  const request = buildDashboardRequest(opts)
  const key = request.headers.api_access_key
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const external = opts.signal
  if (external?.aborted) throw abortReason(external)
  const ctrl = new AbortController()
  let timedOut = false
  const timer = setTimeout(() => {
    timedOut = true
    ctrl.abort(new TimeoutError(timeoutMs))
  }, timeoutMs)
  const onAbort = (): void => ctrl.abort(external?.reason)
  external?.addEventListener('abort', onAbort, { once: true })
  try {
    const res = await exchange(opts.transport ?? defaultTransport, request, ctrl, opts.maxBytes ?? DEFAULT_MAX_BYTES)
    const fetchedAt = (opts.now ?? (() => new Date()))().toISOString()
    const meta = { accountId: opts.accountId, fetchedAt, secret: key }
    const parsed = await interpret(res, opts.format, meta, key, opts.parse ?? inProcess, ctrl.signal)
    const { snapshot, notes } = boundSnapshot(parsed, opts.sizes)
    for (const note of notes) opts.onWarning?.(`The answer was trimmed: ${note}.`)
    // After entity and escape decoding: a key the server sent disguised is caught here.
    return redactStrings(snapshot, key)
  } catch (err) {
    if (timedOut) throw new TimeoutError(timeoutMs)
    if (external?.aborted) throw abortReason(external)
    throw redactError(toDashboardError(err), key)
  } finally {
    clearTimeout(timer)
    external?.removeEventListener('abort', onAbort)
  }
}

/** Sends the request and reads the whole body under the cap. */
async function exchange(transport: Transport, req: DashboardRequest, ctrl: AbortController, maxBytes: number): Promise<Exchange> {
  // `redirect: 'error'`: a redirect would carry the key header to another URL.
  const res = await transport(req.url, { method: req.method, headers: req.headers, body: req.body, signal: ctrl.signal, redirect: 'error' })
  const bytes = await readCapped(res, maxBytes, ctrl)
  return { status: res.status, body: decode(bytes, res.headers.get('content-type')) }
}

/**
 * Reads a response body chunk by chunk, aborting the connection as soon as it passes `maxBytes`
 * (or when content-length already announces more).
 */
export async function readCapped(res: Response, maxBytes: number, ctrl: AbortController): Promise<Uint8Array> {
  const announced = Number(res.headers.get('content-length') ?? NaN)
  if (announced > maxBytes) {
    ctrl.abort()
    res.body?.cancel().catch(() => undefined)
    throw new ResponseError('too-large')
  }
  if (!res.body) return new Uint8Array(0)
  const reader = res.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    let step: ReadableStreamReadResult<Uint8Array>
    try {
      step = await reader.read()
    } catch (err) {
      if (ctrl.signal.aborted) throw err
      throw new ResponseError('truncated', '', 'the connection closed before the end of the answer')
    }
    if (step.done) break
    total += step.value.byteLength
    if (total > maxBytes) {
      ctrl.abort()
      reader.cancel().catch(() => undefined)
      throw new ResponseError('too-large')
    }
    chunks.push(step.value)
  }
  return concat(chunks, total)
}

function concat(chunks: Uint8Array[], total: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]
  const out = new Uint8Array(total)
  let offset = 0
  for (const c of chunks) {
    out.set(c, offset)
    offset += c.byteLength
  }
  return out
}

/** Bytes → text, in the charset the server declared (UTF-8 otherwise); never throws, BOM dropped. */
function decode(bytes: Uint8Array, contentType: string | null): string {
  const label = charsetOf(contentType)
  let decoder: TextDecoder
  try {
    decoder = new TextDecoder(label, { fatal: false })
  } catch {
    decoder = new TextDecoder('utf-8', { fatal: false })
  }
  const text = decoder.decode(bytes)
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * The charset a Content-Type header declares, 'utf-8' when none. The header is server text: only
 * its first 512 characters are read, and the pattern has no nested or overlapping repetition.
 */
export function charsetOf(contentType: string | null): string {
  return /charset[ \t]*=[ \t]*"?([\w.:-]{1,40})/i.exec((contentType ?? '').slice(0, 512))?.[1] ?? 'utf-8'
}

/**
 * Status + body → snapshot or typed error. A non-2xx answer whose body is a dashboard error
 * becomes that ApiError (the server's message says more than the status).
 */
async function interpret(
  res: Exchange,
  format: ResponseFormat,
  meta: ParseMeta,
  key: string,
  parse: DashboardParser,
  signal: AbortSignal,
): Promise<StoreSnapshot> {
  signal.throwIfAborted()
  // Safety net: should the server echo the key, plain or encoded, it goes no further than this line.
  const body = redact(res.body, key)
  if (res.status >= 200 && res.status < 300) return untilAborted(parse(body, format, meta, signal), signal)
  // A non-2xx body is read only for the platform's error message, which is short.
  try {
    parseDashboard(body, format, meta, NON_2XX_MAX_CHARS)
  } catch (err) {
    if (err instanceof ApiError) throw err
  }
  throw new HttpError(res.status)
}

/** `work`, or the signal's reason as soon as it is aborted (the parse is then abandoned). */
function untilAborted<T>(work: T | Promise<T>, signal: AbortSignal): Promise<T> {
  if (!(work instanceof Promise)) return Promise.resolve(work)
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(signal.reason)
    signal.addEventListener('abort', onAbort, { once: true })
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort))
  })
}

function toDashboardError(err: unknown): Error {
  if (err instanceof DashboardError) return err
  if (err instanceof ConfigError || err instanceof RangeError) return err
  const { reason, code } = classifyNetworkError(err)
  return new NetworkError(reason, code)
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The request was cancelled.', 'AbortError')
}
