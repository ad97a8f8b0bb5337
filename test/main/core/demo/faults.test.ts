/** Every fault kind, observed over real HTTP, and close() with connections still open. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { HUGE_DEFAULT_BYTES, startDemoServer, type DemoServer, type DemoStore } from '../../../../src/main/core/demo'
import { ALL_SECTIONS, baseFields, parseXml, post } from './kit'

let server: DemoServer
let a: DemoStore
let b: DemoStore

beforeAll(async () => {
  server = await startDemoServer({ stores: 3, seed: 3, now: () => new Date('2025-09-09T09:09:09Z') })
  ;[a, b] = server.stores
})
afterEach(() => {
  server.setFault('*', null)
  for (const s of server.stores) server.setFault(s.accountId, null)
})
afterAll(() => server.close())

const ask = (store: DemoStore, extra: Record<string, string> = {}, signal?: AbortSignal) =>
  post(server, baseFields(store, { ...ALL_SECTIONS, ...extra }), { key: store.key, signal })

async function status(store: DemoStore): Promise<string> {
  return parseXml(await (await ask(store)).text())['@status']
}

describe('faults', () => {
  it('latency: the answer still comes, complete', async () => {
    server.setFault(a.accountId, { kind: 'latency', ms: 150 })
    expect(await status(a)).toBe('success')
  })

  for (const code of [500, 502, 503] as const) {
    it(`http ${code}: that status with an HTML page`, async () => {
      server.setFault(a.accountId, { kind: 'http', status: code })
      const res = await ask(a)
      expect(res.status).toBe(code)
      expect(res.headers.get('content-type')).toMatch(/html/)
      expect(await res.text()).toMatch(/^<!DOCTYPE html>/)
    })
  }

  it('html200: status 200 but an HTML page', async () => {
    server.setFault(a.accountId, { kind: 'html200' })
    const res = await ask(a)
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/html/)
    const body = await res.text()
    expect(body).toMatch(/<html>/)
    expect(body).not.toContain('<response')
  })

  it('truncated: a 200 whose document stops before </response>', async () => {
    server.setFault(a.accountId, { kind: 'truncated' })
    const body = await (await ask(a)).text()
    expect(body.startsWith('<response status="success">')).toBe(true)
    expect(body).not.toContain('</response>')
    const json = await (await ask(a, { output: 'JSON' })).text()
    expect(() => JSON.parse(json)).toThrow()
  })

  it('reset: the request fails at the network level', async () => {
    server.setFault(a.accountId, { kind: 'reset' })
    await expect(ask(a)).rejects.toThrow()
  })

  it('hang: headers arrive, the body never ends, an abort timeout fires', async () => {
    server.setFault(a.accountId, { kind: 'hang' })
    const res = await ask(a, {}, AbortSignal.timeout(300))
    expect(res.status).toBe(200)
    await expect(res.text()).rejects.toThrow(/abort/i)
  })

  it('huge: a body over 20 MB, streamed to the end', async () => {
    server.setFault(a.accountId, { kind: 'huge' })
    const res = await ask(a)
    const reader = res.body!.getReader()
    let bytes = 0
    let chunks = 0
    let last = new Uint8Array()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      bytes += value.length
      chunks++
      last = value
    }
    expect(bytes).toBeGreaterThan(HUGE_DEFAULT_BYTES)
    expect(chunks).toBeGreaterThan(10)
    expect(new TextDecoder().decode(last.slice(-12))).toBe('</response>\n')
  })

  it('huge with a size; the client may stop reading early', async () => {
    server.setFault(a.accountId, { kind: 'huge', bytes: 1_000_000 })
    expect((await (await ask(a)).arrayBuffer()).byteLength).toBeGreaterThanOrEqual(1_000_000)
    server.setFault(a.accountId, { kind: 'huge' })
    const ctrl = new AbortController()
    const res = await ask(a, {}, ctrl.signal)
    await res.body!.getReader().read()
    ctrl.abort()
    expect(await status(b)).toBe('success')
  })

  it('apiError: the platform error shape with the given message, in the asked format', async () => {
    server.setFault(a.accountId, { kind: 'apiError', message: 'Account suspended & locked' })
    const xml = parseXml(await (await ask(a)).text())
    expect(xml).toMatchObject({ '@status': 'error', error: 'Account suspended & locked' })
    const json = await (await ask(a, { output: 'JSON' })).json()
    expect(json).toEqual({ status: 'error', error: 'Account suspended & locked' })
  })
})

describe('fault targeting', () => {
  it('applies to one account only, or to all with *; the account-specific one wins; null clears', async () => {
    server.setFault(a.accountId, { kind: 'apiError', message: 'only a' })
    expect(await status(a)).toBe('error')
    expect(await status(b)).toBe('success')
    server.setFault('*', { kind: 'http', status: 503 })
    expect((await ask(b)).status).toBe(503)
    expect(await status(a)).toBe('error')
    server.setFault('*', null)
    server.setFault(a.accountId, null)
    expect(await status(a)).toBe('success')
  })

  it('* also hits requests for unknown accounts', async () => {
    server.setFault('*', { kind: 'html200' })
    const res = await post(server, { ...baseFields(a), account_id: 'nosuch' }, { key: a.key })
    expect(res.headers.get('content-type')).toMatch(/html/)
    await res.text()
  })
})

describe('close()', () => {
  it('resolves with a hanging response and a delayed one still open', async () => {
    const s = await startDemoServer({ stores: 2 })
    const [x, y] = s.stores
    s.setFault(x.accountId, { kind: 'hang' })
    s.setFault(y.accountId, { kind: 'latency', ms: 60_000 })
    const hanging = await post(s, baseFields(x), { key: x.key })
    const body = hanging.text()
    const delayed = post(s, baseFields(y), { key: y.key })
    const [bodyResult, delayedResult] = [body.catch((e: unknown) => e), delayed.catch((e: unknown) => e)]
    await s.close()
    expect(await bodyResult).toBeInstanceOf(Error)
    expect(await delayedResult).toBeInstanceOf(Error)
    await expect(fetch(s.url)).rejects.toThrow()
    await s.close() // idempotent
  })
})
