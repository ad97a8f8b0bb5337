/**
 * Helpers shared by the demo server's tests: a server with a controllable clock, the dashboard
 * request as the app sends it, and a plain XML reader (fast-xml-parser, not our own client).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { startDemoServer, type DemoServer, type DemoStore } from '../../../../src/main/core/demo'

/** A demo server whose clock the test sets by hand. */
export interface Clocked {
  server: DemoServer
  setNow(iso: string | number): void
}

/** Starts a demo server whose `now` is whatever the test last set. */
export async function startClocked(opts: { stores?: number; seed?: number; now: string | number }): Promise<Clocked> {
  let now = new Date(opts.now).getTime()
  const server = await startDemoServer({ stores: opts.stores ?? 4, seed: opts.seed ?? 1, now: () => new Date(now) })
  return { server, setNow: (t) => (now = new Date(t).getTime()) }
}

/** Every optional section, as the app asks for them by default. */
export const ALL_SECTIONS: Record<string, string> = {
  most_active: '10',
  customer_count: 'Yes',
  total_customers_this_month: 'Yes',
  total_transactions_this_month: 'Yes',
  active_campaigns_count: 'Yes',
  campaigns_per_day_activity: '30',
  last_X_transactions: '10',
  last_X_customers: '10',
}

/** The protocol fields of a dashboard request for a store (no key). */
export function baseFields(store: DemoStore, extra: Record<string, string> = {}): Record<string, string> {
  return { API: '1.5', user_id: store.userId, account_id: store.accountId, type: 'dashboard', ...extra }
}

/** POSTs a dashboard request with the key in the header (the app's way) and returns the response. */
export function post(
  server: DemoServer,
  fields: Record<string, string>,
  opts: { key?: string; headers?: Record<string, string>; path?: string; signal?: AbortSignal } = {},
): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded', ...opts.headers }
  if (opts.key !== undefined) headers.api_access_key = opts.key
  return fetch(server.url + (opts.path ?? ''), {
    method: 'POST',
    headers,
    body: new URLSearchParams(fields).toString(),
    signal: opts.signal,
  })
}

/** POSTs and returns the body text. */
export async function postText(server: DemoServer, fields: Record<string, string>, key?: string): Promise<string> {
  const res = await post(server, fields, { key })
  return res.text()
}

const LISTS = new Set(['customer', 'campaign', 'day', 'transaction'])
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  trimValues: true,
  isArray: (tag) => LISTS.has(tag),
})

/** Parses an XML body after checking it is well-formed. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function parseXml(xml: string): any {
  const valid = XMLValidator.validate(xml)
  if (valid !== true) throw new Error(`not well-formed: ${JSON.stringify(valid)}`)
  return parser.parse(xml).response
}

/** The three transaction figures and four customer figures of a dashboard, as numbers. */
export async function figures(server: DemoServer, store: DemoStore): Promise<{ tx: Record<string, number>; cu: Record<string, number> }> {
  const body = await postText(server, baseFields(store, { ...ALL_SECTIONS, output: 'JSON' }), store.key)
  const json = JSON.parse(body)
  return { tx: json.total_transactions, cu: json.total_customers }
}
