/**
 * fetchDashboard over real HTTP, against a tiny node:http server on 127.0.0.1 written here (the
 * product demo server is built separately; these tests must not depend on it).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_SIZES } from '../../../../src/shared/model'
import { fetchDashboard, type FetchDashboardOptions } from '../../../../src/main/core/api/client'
import { ApiError, DashboardError, HttpError, NetworkError, ResponseError, TimeoutError } from '../../../../src/main/core/api/errors'
import { fixture } from './fixtures'

type Handler = (req: IncomingMessage, res: ServerResponse) => void
interface Seen {
  url: string
  headers: IncomingHttpHeaders
  rawHeaders: string[]
  body: string
}

const KEY = 'SGKEY-7f3a9c1e5b2d4680-distinctive'
let server: Server
let base: string
let handler: Handler
let seen: Seen[]

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, rawHeaders: req.rawHeaders, body: Buffer.concat(chunks).toString() })
      handler(req, res)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api.php`
})

afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

beforeEach(() => {
  seen = []
  handler = (_req, res) => res.end('unset')
})

const options = (patch: Partial<FetchDashboardOptions> = {}): FetchDashboardOptions => ({
  endpoint: base,
  userId: 'john1970',
  accountId: 'greatwidgets',
  key: KEY,
  format: 'xml',
  sizes: { ...DEFAULT_SIZES },
  now: () => new Date('2024-05-01T12:00:00Z'),
  ...patch,
})

const reply =
  (status: number, body: string | Buffer, headers: Record<string, string> = {}): Handler =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8', ...headers })
    res.end(body)
  }

async function failure(opts: FetchDashboardOptions): Promise<unknown> {
  try {
    await fetchDashboard(opts)
  } catch (err) {
    return err
  }
  throw new Error('expected fetchDashboard to fail')
}

/** A port nothing listens on: bound by us, then released. */
async function closedPort(): Promise<number> {
  const s = createServer()
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve))
  const { port } = s.address() as AddressInfo
  await new Promise((resolve) => s.close(resolve))
  return port
}

describe('fetchDashboard succeeds', () => {
  it('posts the form with the key in the header and parses the seed response', async () => {
    handler = reply(200, fixture('dashboard-seed-example.xml'))
    const snap = await fetchDashboard(options())
    expect(snap.accountId).toBe('greatwidgets')
    expect(snap.fetchedAt).toBe('2024-05-01T12:00:00.000Z')
    expect(snap.mostActive[0].code).toBe('12345678900123456')
    expect(seen).toHaveLength(1)
    expect(seen[0].headers['content-type']).toMatch(/application\/x-www-form-urlencoded/)
    expect(new URLSearchParams(seen[0].body).get('type')).toBe('dashboard')
  })

  it('reads JSON, a BOM and a declared Latin-1 charset', async () => {
    handler = reply(200, '\uFEFF' + fixture('dashboard-canonical.json'), { 'content-type': 'application/json' })
    expect((await fetchDashboard(options({ format: 'json' }))).activeCampaigns).toBe(5)
    const latin1 = Buffer.from(fixture('dashboard-seed-example.xml').replace('John', 'Zoë'), 'latin1')
    handler = reply(200, latin1, { 'content-type': 'text/xml; charset=ISO-8859-1' })
    expect((await fetchDashboard(options())).mostActive[0].firstName).toBe('Zoë')
  })

  it('uses an injected transport, with a signal and redirects refused', async () => {
    let init: Record<string, unknown> = {}
    const transport = async (_url: string, i: object): Promise<Response> => {
      init = i as Record<string, unknown>
      return new Response(fixture('dashboard-seed-example.xml'), { status: 200 })
    }
    expect((await fetchDashboard(options({ transport }))).activeCampaigns).toBe(5)
    expect(init.signal).toBeInstanceOf(AbortSignal)
    expect(init.redirect).toBe('error')
    expect(seen).toHaveLength(0)
  })
})

describe('fetchDashboard fails with typed errors', () => {
  it('TimeoutError when the server never finishes the body', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml' })
      res.write('<response status="success">')
    }
    const err = await failure(options({ timeoutMs: 200 }))
    expect(err).toBeInstanceOf(TimeoutError)
    expect((err as TimeoutError).timeoutMs).toBe(200)
  })

  it('TimeoutError when the server never answers at all', async () => {
    handler = () => undefined
    expect(await failure(options({ timeoutMs: 200 }))).toBeInstanceOf(TimeoutError)
  })

  it('ResponseError and an aborted connection when the body passes the cap while streaming', async () => {
    let closed!: Promise<{ finished: boolean; sent: number }>
    handler = (_req, res) => {
      let sent = 0
      closed = new Promise((resolve) => res.on('close', () => resolve({ finished: res.writableFinished, sent })))
      res.writeHead(200, { 'content-type': 'text/xml' })
      const chunk = Buffer.alloc(64 * 1024, 'a')
      const pump = (): void => {
        while (sent < 20 * 1024 * 1024 && !res.destroyed) {
          sent += chunk.length
          if (!res.write(chunk)) return void res.once('drain', pump)
        }
        if (!res.destroyed) res.end()
      }
      pump()
    }
    const err = await failure(options())
    expect(err).toBeInstanceOf(ResponseError)
    expect((err as ResponseError).problem).toBe('too-large')
    const { finished, sent } = await closed
    expect(finished).toBe(false)
    expect(sent).toBeLessThan(20 * 1024 * 1024)
  })

  it('ResponseError without reading when content-length announces too much', async () => {
    handler = reply(200, 'x'.repeat(2000), { 'content-length': '2000' })
    const err = await failure(options({ maxBytes: 1000 }))
    expect((err as ResponseError).problem).toBe('too-large')
  })

  it('NetworkError (reset) when the server resets the connection', async () => {
    handler = (req) => req.socket.resetAndDestroy()
    const err = await failure(options())
    expect(err).toBeInstanceOf(NetworkError)
    expect((err as NetworkError).reason).toBe('reset')
  })

  it('NetworkError (refused) when nothing listens on the port', async () => {
    const port = await closedPort()
    const err = await failure(options({ endpoint: `http://127.0.0.1:${port}/api.php` }))
    expect(err).toBeInstanceOf(NetworkError)
    expect((err as NetworkError).reason).toBe('refused')
    expect((err as NetworkError).code).toBe('ECONNREFUSED')
  })

  it('ResponseError for an HTML page with status 200', async () => {
    handler = reply(200, fixture('not-dashboard-error-page.html'), { 'content-type': 'text/html' })
    const err = await failure(options())
    expect(err).toBeInstanceOf(ResponseError)
    expect((err as ResponseError).problem).toBe('not-dashboard')
    expect((err as ResponseError).excerpt).toMatch(/502 Bad Gateway/)
  })

  it('HttpError for a 500 with an HTML page', async () => {
    handler = reply(500, '<html><body>Internal Server Error</body></html>', { 'content-type': 'text/html' })
    const err = await failure(options())
    expect(err).toBeInstanceOf(HttpError)
    expect((err as HttpError).status).toBe(500)
  })

  it('ApiError rather than HttpError when a 4xx body is a dashboard error', async () => {
    handler = reply(403, fixture('dashboard-error-custom.xml'))
    const err = await failure(options())
    expect(err).toBeInstanceOf(ApiError)
    expect((err as ApiError).serverMessage).toBe('Invalid API key & user combination')
  })

  it('ResponseError (truncated) for a cut-off document', async () => {
    handler = reply(200, fixture('dashboard-truncated.xml'))
    expect((await failure(options())) as ResponseError).toMatchObject({ kind: 'response', problem: 'truncated' })
  })

  it('ResponseError (truncated) when the connection closes before content-length is reached', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/xml', 'content-length': '5000' })
      res.write('<response status="success"><most_active>', () => res.destroy())
    }
    expect((await failure(options())) as ResponseError).toMatchObject({ kind: 'response', problem: 'truncated' })
  })

  it('NetworkError (redirect) for a redirect, and the target never sees the key', async () => {
    handler = (req, res) => {
      if (req.url === '/elsewhere') return void res.end('<response status="error"><error>moved</error></response>')
      res.writeHead(307, { location: '/elsewhere' })
      res.end()
    }
    const err = await failure(options())
    expect(err).toBeInstanceOf(NetworkError)
    expect((err as NetworkError).reason).toBe('redirect')
    expect(seen.map((s) => s.url)).toEqual(['/api.php'])
  })

  it('rejects with the reason of an external abort', async () => {
    handler = () => undefined
    const ctrl = new AbortController()
    const pending = failure(options({ signal: ctrl.signal }))
    ctrl.abort(new Error('app quitting'))
    const err = await pending
    expect(err).not.toBeInstanceOf(DashboardError)
    expect((err as Error).message).toBe('app quitting')
  })
})

describe('the API key', () => {
  const scenarios: [string, () => Promise<FetchDashboardOptions>][] = [
    [
      'api error echoing the key',
      async () => ((handler = reply(200, `<response status="error"><error>bad key ${KEY}</error></response>`)), options()),
    ],
    ['html echoing the key', async () => ((handler = reply(200, `<html>${KEY}</html>`)), options())],
    ['broken xml echoing the key', async () => ((handler = reply(200, `<response status="success"><${KEY}>`)), options())],
    ['json echoing the key', async () => ((handler = reply(200, `{"status":"${KEY}"}`)), options({ format: 'json' }))],
    [
      '403 error echoing the key',
      async () => ((handler = reply(403, `<response status="error"><error>${encodeURIComponent(KEY)}</error></response>`)), options()),
    ],
    ['500', async () => ((handler = reply(500, KEY)), options())],
    ['timeout', async () => ((handler = () => undefined), options({ timeoutMs: 200 }))],
    ['reset', async () => ((handler = (req) => req.socket.resetAndDestroy()), options())],
    ['refused', async () => options({ endpoint: `http://127.0.0.1:${await closedPort()}/` })],
    ['too large', async () => ((handler = reply(200, KEY.repeat(100))), options({ maxBytes: 1000 }))],
  ]

  it.each(scenarios)('appears in no error: %s', async (_name, setup) => {
    const err = await failure(await setup())
    expect(err).toBeInstanceOf(DashboardError)
    const e = err as DashboardError
    for (const text of [e.message, String(e.stack), JSON.stringify(e), JSON.stringify(Object.entries(e))]) {
      expect(text).not.toContain(KEY)
      expect(text).not.toContain(encodeURIComponent(KEY))
    }
  })

  it('is sent only in the api_access_key header', async () => {
    handler = reply(200, fixture('dashboard-seed-example.xml'))
    await fetchDashboard(options())
    const req = seen[0]
    expect(req.headers.api_access_key).toBe(KEY)
    expect(req.url).not.toContain(KEY)
    expect(req.body).not.toContain(KEY)
    const headerValues = req.rawHeaders.filter((_v, i) => i % 2 === 1)
    expect(headerValues.filter((v) => v.includes(KEY))).toEqual([KEY])
  })

  it('never reaches the snapshot, even when the server echoes it', async () => {
    handler = reply(200, fixture('dashboard-seed-example.xml').replace('cashier123', KEY))
    const snap = await fetchDashboard(options())
    expect(JSON.stringify(snap)).not.toContain(KEY)
    expect(snap.lastTransactions[0].user).toBe('[redacted]')
  })
})
