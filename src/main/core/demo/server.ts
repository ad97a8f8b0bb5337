/**
 * The demo server: a real HTTP server on loopback that speaks the dashboard protocol (API.md §1-2)
 * for simulated stores. Demo mode, the tests and the benchmarks all talk to it exactly as the app
 * talks to the platform, so nothing in the client is special-cased for it.
 */
import { timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'
import { dashboardFor } from './data'
import { sendHang, sendHtml200, sendHttpError, sendHuge, sendReset, sendTruncated, type DemoFault } from './faults'
import { sendHostile } from './hostile'
import { renderErrorJson, renderErrorXml, renderJson, renderXml } from './render'
import { readRequest, type InvalidRequest, type OutputFormat, type ValidRequest } from './request'
import { generateStores, type DemoStore, type SimStore } from './stores'

/** Options of the demo server; every one has a default so `startDemoServer()` just works. */
export interface DemoServerOptions {
  /** Number of simulated stores (1..500), default DEFAULT_DEMO_STORES. */
  stores?: number
  /** Seed of all simulated data, default 1. */
  seed?: number
  /** The server's clock; a function so tests can advance a fake one. */
  now?: () => Date
  /** Delay added to every answer, in ms. */
  latencyMs?: number
  host?: string
  /** 0 (default) picks a free port. */
  port?: number
}

/** A running demo server. */
export interface DemoServer {
  /** Base URL, e.g. http://127.0.0.1:51234 (the endpoint; /api.php works too). */
  url: string
  stores: DemoStore[]
  /** Injects a fault for one account or for all ('*'); null clears it. A per-account fault wins over '*'. */
  setFault(accountId: string | '*', fault: DemoFault | null): void
  /** Stops listening and destroys every open connection, hanging ones included. */
  close(): Promise<void>
}

/** Largest request body accepted (the dashboard request is a few hundred bytes). */
export const MAX_REQUEST_BYTES = 64 * 1024

/** How many stores the demo server simulates unless told otherwise. */
export const DEFAULT_DEMO_STORES = 4

interface Context {
  byAccount: Map<string, SimStore>
  faults: Map<string, DemoFault>
  now: () => Date
  latencyMs: number
  timers: Set<ReturnType<typeof setTimeout>>
}

interface Body {
  contentType: string
  body: string
}

/**
 * Starts a demo server on loopback with `stores` simulated stores. Resolves once it listens; the
 * returned `stores` hold the credentials to add them to the app.
 */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const { stores = DEFAULT_DEMO_STORES, seed = 1, now = () => new Date(), latencyMs = 0, host = '127.0.0.1', port = 0 } = options
  const sims = generateStores(stores, seed)
  const ctx: Context = { byAccount: new Map(sims.map((s) => [s.accountId, s])), faults: new Map(), now, latencyMs, timers: new Set() }
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    handle(ctx, req, res).catch(() => fail(res))
  })
  server.on('connection', (socket) => {
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  await listen(server, port, host)
  const address = server.address() as AddressInfo
  let closed: Promise<void> | null = null
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`,
    stores: sims.map(({ label, userId, accountId, key, timeZone }) => ({ label, userId, accountId, key, timeZone })),
    setFault(accountId, fault) {
      if (fault === null) ctx.faults.delete(accountId)
      else ctx.faults.set(accountId, { ...fault })
    },
    close() {
      closed ??= new Promise<void>((resolve) => {
        for (const t of ctx.timers) clearTimeout(t)
        ctx.timers.clear()
        server.close(() => resolve())
        for (const s of sockets) s.destroy()
      })
      return closed
    },
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

function fail(res: ServerResponse): void {
  if (res.headersSent) res.destroy()
  else sendPlain(res, 500, 'Internal demo server error')
}

function sendPlain(res: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers })
  res.end(text)
}

function send(res: ServerResponse, { contentType, body }: Body): void {
  res.writeHead(200, { 'content-type': contentType, 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/**
 * Reads a body up to `limit` bytes: the text, 'tooLarge', or 'aborted' if the client went away.
 * A body somewhat over the limit is drained (discarded) so the client can read our 413 instead of
 * seeing its upload reset; a far larger one is cut short.
 */
function readBody(req: IncomingMessage, limit: number): Promise<string | 'tooLarge' | 'aborted'> {
  const drainLimit = 16 * limit
  if (Number(req.headers['content-length'] ?? 0) > drainLimit) return Promise.resolve('tooLarge')
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
      else if (size > drainLimit) resolve('tooLarge')
    })
    req.on('end', () => resolve(size > limit ? 'tooLarge' : Buffer.concat(chunks).toString('utf8')))
    req.on('error', () => resolve('aborted'))
    req.on('close', () => resolve('aborted')) // no-op once resolved
  })
}

function wait(ctx: Context, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      ctx.timers.delete(t)
      resolve()
    }, ms)
    ctx.timers.add(t)
  })
}

const FORM = 'application/x-www-form-urlencoded'

/** Gathers the request's fields: the query string, then the form body (body fields win). */
async function readFields(req: IncomingMessage, url: URL, res: ServerResponse): Promise<URLSearchParams | string | null> {
  const fields = new URLSearchParams(url.search)
  if (req.method !== 'POST') return fields
  const body = await readBody(req, MAX_REQUEST_BYTES)
  if (body === 'aborted') return null
  if (body === 'tooLarge') {
    sendPlain(res, 413, 'Request body too large', { connection: 'close' })
    return null
  }
  const type = (req.headers['content-type'] ?? FORM).split(';')[0].trim().toLowerCase()
  if (body.trim() !== '' && type !== FORM && type !== 'text/plain') {
    return 'Unsupported content type: send the fields as application/x-www-form-urlencoded'
  }
  for (const [k, v] of new URLSearchParams(body)) fields.set(k, v)
  return fields
}

async function handle(ctx: Context, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://demo.invalid')
  if (url.pathname !== '/' && url.pathname !== '/api.php') return sendPlain(res, 404, 'Not found')
  if (req.method !== 'GET' && req.method !== 'POST') return sendPlain(res, 405, 'Method not allowed', { allow: 'GET, POST' })
  const fields = await readFields(req, url, res)
  if (fields === null) return
  if (typeof fields === 'string') return send(res, errorBody({ json: false, callback: null, condensed: false }, fields))
  const header = req.headers['api_access_key']
  const parsed = readRequest(fields, Array.isArray(header) ? header[0] : header)
  const fault = (parsed.accountId !== null ? ctx.faults.get(parsed.accountId) : undefined) ?? ctx.faults.get('*')
  const delay = ctx.latencyMs + (fault?.kind === 'latency' ? fault.ms : 0)
  if (delay > 0) await wait(ctx, delay)
  if (res.destroyed) return
  respond(ctx, req, res, parsed, fault)
}

function respond(
  ctx: Context,
  req: IncomingMessage,
  res: ServerResponse,
  parsed: ValidRequest | InvalidRequest,
  fault: DemoFault | undefined,
): void {
  switch (fault?.kind) {
    case 'http':
      return sendHttpError(res, fault.status)
    case 'html200':
      return sendHtml200(res)
    case 'reset':
      return sendReset(req)
    case 'hang':
      return sendHang(res)
    case 'huge':
      return sendHuge(res, fault.bytes)
    case 'apiError':
      return send(res, errorBody(parsed.format, fault.message))
    case 'hostile':
      return sendHostile(res, fault.body, { json: parsed.format.json, key: parsed.ok ? parsed.key : '' }, fault.size)
  }
  const answer = answerFor(ctx, parsed)
  if (fault?.kind === 'truncated') sendTruncated(res, answer.contentType, answer.body)
  else send(res, answer)
}

function keysMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The platform's answer to a request: the dashboard, or an error naming what is wrong (never the key). */
function answerFor(ctx: Context, parsed: ValidRequest | InvalidRequest): Body {
  if (!parsed.ok) return errorBody(parsed.format, parsed.message)
  const store = ctx.byAccount.get(parsed.accountId)
  if (!store) return errorBody(parsed.format, 'Unknown account_id: no such store')
  if (store.userId !== parsed.userId) return errorBody(parsed.format, 'Access denied: this user_id has no access to this account')
  if (!keysMatch(store.key, parsed.key)) return errorBody(parsed.format, 'Invalid API key for this user')
  const data = dashboardFor(store, parsed.request, ctx.now())
  return formatted(
    parsed.format,
    () => renderXml(data),
    () => renderJson(data, { condensed: parsed.format.condensed }),
  )
}

function errorBody(format: OutputFormat, message: string): Body {
  return formatted(
    format,
    () => renderErrorXml(message),
    () => renderErrorJson(message, { condensed: format.condensed }),
  )
}

function formatted(format: OutputFormat, xml: () => string, json: () => string): Body {
  if (!format.json) return { contentType: 'text/xml; charset=utf-8', body: xml() }
  if (format.callback) return { contentType: 'application/javascript; charset=utf-8', body: `${format.callback}(${json()});` }
  return { contentType: 'application/json; charset=utf-8', body: json() }
}
