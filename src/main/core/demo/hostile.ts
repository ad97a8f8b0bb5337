/**
 * Hostile answers the demo server can give on demand, to show (and test) that no answer can
 * freeze the app, flood it, corrupt its history or carry the key out in disguise. Each body is
 * what a broken or malicious server could send; none is built from the simulated store's data.
 */
import type { ServerResponse } from 'node:http'

/** The hostile bodies on offer. */
export type HostileBody =
  /** JSONP-like text: `)`, a long run of whitespace, then one more character (no valid ending). */
  | 'jsonpWhitespace'
  /** A dashboard whose customer name is the request's key as XML references or JSON escapes. */
  | 'keyEcho'
  /** An error answer whose message is the key, encoded the same way. */
  | 'keyEchoError'
  /**
   * An error message whose key (split over two CDATA sections, so only a parser can join it)
   * straddles the point where a message is shortened for display.
   */
  | 'keyEchoCut'
  /** Far more list items and days than any request asks for. */
  | 'longLists'
  /** Per-day activity with dates that are not calendar days, among good ones. */
  | 'badDates'
  /** An HTTP 500 whose body is a dashboard error far larger than any message. */
  | 'hugeError'

/** What the hostile answer needs to know about the request. */
export interface HostileRequest {
  json: boolean
  /** The key the client sent ('' when none). */
  key: string
}

/** `text` with every character written as an XML decimal character reference. */
export function asXmlReferences(text: string): string {
  return [...text].map((ch) => `&#${ch.codePointAt(0)};`).join('')
}

/** `text` with every character written as a JSON `\u` escape. */
export function asJsonEscapes(text: string): string {
  return [...text].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
}

function customerXml(i: number, name: string): string {
  return `<customer><code>${i}</code><card_number>${i}</card_number><first_name>${name}</first_name><last_name>L</last_name><time_stamp>2026-01-01 10:00:00</time_stamp></customer>`
}

function transactionXml(i: number): string {
  return `<transaction><transaction_id>${i}</transaction_id><campaign_id>1</campaign_id><code>${i}</code><date>2026-01-01</date><amount>1.00</amount><redeemed>N</redeemed></transaction>`
}

function daysXml(dates: string[]): string {
  return dates.map((d, i) => `<day><date>${d}</date><quantity>${i + 1}</quantity></day>`).join('')
}

/** The last `n` calendar days up to 2026-01-31, oldest first. */
function lastDays(n: number): string[] {
  const end = Date.UTC(2026, 0, 31)
  return Array.from({ length: n }, (_, i) => new Date(end - (n - 1 - i) * 86_400_000).toISOString().slice(0, 10))
}

function dashboardXml(parts: { customers?: string; transactions?: string; days?: string; mostActive?: string }): string {
  return (
    '<response status="success"><total_customers><all_time>5</all_time></total_customers>' +
    `<most_active>${parts.mostActive ?? ''}</most_active>` +
    `<campaigns_per_day_activity><campaign><campaign_id>1</campaign_id><campaign_name>C</campaign_name><campaign_type>points</campaign_type>${parts.days ?? ''}</campaign></campaigns_per_day_activity>` +
    `<last_X_transactions>${parts.transactions ?? ''}</last_X_transactions>` +
    `<last_X_customers>${parts.customers ?? ''}</last_X_customers></response>`
  )
}

/** JSON twin of dashboardXml for the cases that need JSON (key escapes). */
function keyEchoJson(key: string): string {
  return `{"status":"success","total_customers":{"all_time":5},"last_X_customers":[{"code":"1","first_name":"${asJsonEscapes(key)}","last_name":"L"}]}`
}

/** The hostile answer's status, content type and body. */
export function hostileAnswer(
  kind: HostileBody,
  req: HostileRequest,
  size: number | undefined,
): { status: number; type: string; body: string } {
  const xml = (body: string, status = 200) => ({ status, type: 'text/xml; charset=utf-8', body })
  const json = (body: string, status = 200) => ({ status, type: 'application/json; charset=utf-8', body })
  switch (kind) {
    case 'jsonpWhitespace':
      return { status: 200, type: 'application/javascript', body: `cb({"status":"success"})${' '.repeat(size ?? 250_000)}x` }
    case 'keyEcho':
      return req.json ? json(keyEchoJson(req.key)) : xml(dashboardXml({ customers: customerXml(1, asXmlReferences(req.key)) }))
    case 'keyEchoError':
      return req.json
        ? json(`{"status":"error","error":{"message":"Invalid key ${asJsonEscapes(req.key)}"}}`)
        : xml(`<response status="error"><error>Invalid key ${asXmlReferences(req.key)}</error></response>`)
    case 'keyEchoCut': {
      const half = Math.ceil(req.key.length / 2)
      const cdata = `<![CDATA[${req.key.slice(0, half)}]]><![CDATA[${req.key.slice(half)}]]>`
      return xml(`<response status="error"><error>${'x'.repeat(195 - half)} ${cdata} end</error></response>`)
    }
    case 'longLists': {
      const n = size ?? 60_000
      const many = (f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join('')
      return xml(
        dashboardXml({
          transactions: many(transactionXml),
          customers: many((i) => customerXml(i, 'N')),
          mostActive: many((i) => customerXml(i, 'M')),
          days: daysXml(lastDays(Math.min(n, 2000))),
        }),
      )
    }
    case 'badDates':
      return xml(dashboardXml({ days: daysXml(['2026-01-30', '2026-13-45', 'yesterday', '2026-02-30', '30/01/2026', '2026-01-31']) }))
    case 'hugeError':
      return xml(
        `<response status="error"><error>${'Internal error. '.repeat(Math.ceil((size ?? 1_000_000) / 16))}</error></response>`,
        500,
      )
  }
}

/** Writes the hostile answer. */
export function sendHostile(res: ServerResponse, kind: HostileBody, req: HostileRequest, size?: number): void {
  const a = hostileAnswer(kind, req, size)
  res.writeHead(a.status, { 'content-type': a.type, 'content-length': Buffer.byteLength(a.body) })
  res.end(a.body)
}
