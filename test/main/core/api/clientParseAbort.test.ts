/**
 * The request's time limit and abort signal still count once the body is read: a parse that never
 * ends (a real worker thread stuck on purpose) is given up at the limit or on abort, and the
 * stuck worker is replaced.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_SIZES } from '../../../../src/shared/model'
import { fetchDashboard } from '../../../../src/main/core/api/client'
import { TimeoutError } from '../../../../src/main/core/api/errors'
import { createOffThreadParser, type OffThreadParser } from '../../../../src/main/core/api/offThread'
import { startDemoServer, type DemoServer } from '../../../../src/main/core/demo'
import { bundleForNode } from '../../../helpers/bundle'
import { STALL } from '../../../helpers/stallingParseWorker'

let bundle: { file: string; cleanup: () => Promise<void> }
let server: DemoServer
let parser: OffThreadParser

beforeAll(async () => {
  bundle = await bundleForNode('test/helpers/stallingParseWorker.ts', 'stallingParseWorker.cjs')
  server = await startDemoServer({ stores: 1, seed: 2 })
  parser = createOffThreadParser(bundle.file, { minChars: 0, jobLimitMs: 10 * 60_000 })
  server.setFault('*', { kind: 'apiError', message: STALL })
}, 30_000)
afterAll(async () => {
  await parser?.close()
  await server?.close()
  await bundle?.cleanup()
})

const request = (extra: { timeoutMs?: number; signal?: AbortSignal }) => {
  const st = server.stores[0]
  return fetchDashboard({
    endpoint: server.url,
    userId: st.userId,
    accountId: st.accountId,
    key: st.key,
    format: 'xml',
    sizes: { ...DEFAULT_SIZES },
    parse: parser.parse,
    ...extra,
  })
}

describe('a parse that never ends', () => {
  it('is cut off by the request time limit', async () => {
    const before = parser.workersStarted()
    const err = await request({ timeoutMs: 3_000 }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(TimeoutError)
    // The next parse needs a fresh worker: the stuck one was stopped.
    server.setFault('*', null)
    expect((await request({})).accountId).toBe(server.stores[0].accountId)
    expect(parser.workersStarted()).toBe(before + 2)
    server.setFault('*', { kind: 'apiError', message: STALL })
  })

  it('is given up when the caller aborts', async () => {
    const ctrl = new AbortController()
    const reason = new Error('store removed')
    const pending = request({ signal: ctrl.signal }).catch((e: unknown) => e)
    for (let i = 0; i < 400 && parser.jobsPending() === 0; i++) await new Promise((r) => setTimeout(r, 25))
    expect(parser.jobsPending()).toBe(1)
    ctrl.abort(reason)
    expect(await pending).toBe(reason)
    expect(parser.jobsPending()).toBe(0)
  })
})
