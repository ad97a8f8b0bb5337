/**
 * The dashboard client: one POST per store, a time limit on the whole exchange (headers and body),
 * a size cap enforced while the body streams in, and every failure mapped to a typed, key-free
 * DashboardError. Plain Node: the transport is injected (global fetch by default, Electron's
 * net.fetch in the app).
 */
import type { ResponseFormat, StoreSnapshot } from '../../../shared/model'
import type { Transport } from '../ports'
import {
  ApiError,
  ConfigError,
  DashboardError,
  HttpError,
  NetworkError,
  ResponseError,
  TimeoutError,
  redact,
  redactError,
} from './errors'
import { parseDashboard } from './parseDashboard'
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
}

export const DEFAULT_TIMEOUT_MS = 20_000
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024

const defaultTransport: Transport = (url, init) => fetch(url, init)

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
    return await interpret(res, opts.format, { accountId: opts.accountId, fetchedAt }, key, opts.parse ?? parseDashboard)
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
async function exchange(
  transport: Transport,
  req: DashboardRequest,
  ctrl: AbortController,
  maxBytes: number,
): Promise<Exchange> {
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
  const label = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType ?? '')?.[1] ?? 'utf-8'
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
 * Status + body → snapshot or typed error. A non-2xx answer whose body is a dashboard error
 * becomes that ApiError (the server's message says more than the status).
 */
async function interpret(
  res: Exchange,
  format: ResponseFormat,
  meta: { accountId: string; fetchedAt: string },
  key: string,
  parse: DashboardParser,
): Promise<StoreSnapshot> {
  // Safety net: should the server echo the key, it goes no further than this line.
  const body = redact(res.body, key)
  if (res.status >= 200 && res.status < 300) return parse(body, format, meta)
  try {
    parseDashboard(body, format, meta)
  } catch (err) {
    if (err instanceof ApiError) throw err
  }
  throw new HttpError(res.status)
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
