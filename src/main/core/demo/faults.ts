/**
 * Faults the demo server can inject per account, to show how the app copes with a broken server or
 * proxy: slow answers, HTTP errors, HTML where XML was expected, cut or endless bodies, resets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { HostileBody } from './hostile'

/** One way for a request to go wrong. */
export type DemoFault =
  | { kind: 'latency'; ms: number }
  | { kind: 'http'; status: 500 | 502 | 503 }
  | { kind: 'html200' }
  | { kind: 'truncated' }
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'huge'; bytes?: number }
  | { kind: 'apiError'; message: string }
  /** A hostile body (hostile.ts): `size` scales the bodies that have a size. */
  | { kind: 'hostile'; body: HostileBody; size?: number }

/** Default size of a 'huge' body: 20 MB. */
export const HUGE_DEFAULT_BYTES = 20 * 1024 * 1024

const REASONS: Record<number, string> = { 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' }

/** Answers with an HTTP error status and the kind of HTML page a proxy would send. */
export function sendHttpError(res: ServerResponse, status: 500 | 502 | 503): void {
  const reason = REASONS[status] ?? 'Error'
  const body = `<!DOCTYPE html>\n<html><head><title>${status} ${reason}</title></head>\n<body><h1>${reason}</h1><p>nginx</p></body></html>\n`
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/** Answers 200 with an HTML page (a captive portal or maintenance page) instead of the API's XML. */
export function sendHtml200(res: ServerResponse): void {
  const body =
    '<!DOCTYPE html>\n<html><head><title>Scheduled maintenance</title></head>\n' +
    '<body><h1>We&rsquo;ll be back soon</h1><p>The control panel is being upgraded.</p></body></html>\n'
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(body) })
  res.end(body)
}

/**
 * Sends the first part of a correct body and ends the response cleanly (no Content-Length), as a
 * proxy that gave up would: the client gets a 200 whose document stops mid-way.
 */
export function sendTruncated(res: ServerResponse, contentType: string, body: string): void {
  res.writeHead(200, { 'content-type': contentType })
  res.end(body.slice(0, Math.floor(body.length * 0.6)))
}

/** Drops the connection without a response (a TCP reset where the platform allows it). */
export function sendReset(req: IncomingMessage): void {
  const socket = req.socket
  if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy()
  else socket.destroy()
}

/** Sends headers and the start of a document, then nothing: the response never ends. */
export function sendHang(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' })
  res.write('<response status="success">\n  <most_active>\n')
}

const HUGE_HEAD = '<response status="success">\n  <most_active>\n'
const HUGE_TAIL = '  </most_active>\n</response>\n'
const HUGE_UNIT =
  '    <customer>\n      <code>12345678900123456</code>\n      <card_number>0016846</card_number>\n' +
  '      <first_name>John</first_name>\n      <last_name>Smith</last_name>\n      <transactions>124</transactions>\n    </customer>\n'
const HUGE_CHUNK = HUGE_UNIT.repeat(Math.ceil(65536 / HUGE_UNIT.length))

/**
 * Streams a well-formed but enormous document of at least `bytes` bytes, chunk by chunk with
 * back-pressure (never built in memory); stops if the client goes away.
 */
export function sendHuge(res: ServerResponse, bytes: number = HUGE_DEFAULT_BYTES): void {
  res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' })
  let sent = HUGE_HEAD.length
  res.write(HUGE_HEAD)
  const pump = (): void => {
    while (sent + HUGE_TAIL.length < bytes) {
      if (res.destroyed) return
      sent += HUGE_CHUNK.length
      if (!res.write(HUGE_CHUNK)) {
        res.once('drain', pump)
        return
      }
    }
    res.end(HUGE_TAIL)
  }
  pump()
}
