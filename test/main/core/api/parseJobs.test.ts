/**
 * Supervision of the parse worker (real worker threads): a per-job limit, cancellation that
 * replaces a worker stuck in a parse, and events of a replaced worker ignored.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOffThreadParser } from '../../../../src/main/core/api/offThread'
import { ResponseError } from '../../../../src/main/core/api/errors'
import { bundleForNode } from '../../../helpers/bundle'
import { CRASH, STALL } from '../../../helpers/stallingParseWorker'
import { bigJson } from './bigDashboard'

const META = { accountId: 'big', fetchedAt: '2026-11-29T12:00:00.000Z' }
let bundle: { file: string; cleanup: () => Promise<void> }
const stalling = `<response status="success"><!-- ${STALL} --></response>`
const crashing = `<response status="success"><!-- ${CRASH} --></response>`

beforeAll(async () => {
  bundle = await bundleForNode('test/helpers/stallingParseWorker.ts', 'stallingParseWorker.cjs')
}, 30_000)
afterAll(async () => bundle?.cleanup())

/** Every body goes to the worker (minChars 0). */
function parser(jobLimitMs = 60_000) {
  return createOffThreadParser(bundle.file, { minChars: 0, jobLimitMs })
}

describe('parse worker supervision', () => {
  it('a parse past the per-job limit fails, the worker is replaced, and the next job is parsed', async () => {
    // Long enough for a fresh worker to start and parse a small body on a busy machine.
    const p = parser(3_000)
    try {
      const good = bigJson({ mostActive: 2, campaigns: 1, days: 2, txs: 2, customers: 2 })
      const stuck = Promise.resolve(p.parse(stalling, 'xml', META)).catch((e: unknown) => e)
      const after = Promise.resolve(p.parse(good, 'json', META))
      const err = await stuck
      expect(err).toBeInstanceOf(ResponseError)
      expect((err as Error).message).toMatch(/took longer than/)
      // The job queued behind the stuck one is parsed by a fresh worker, and the old worker's
      // exit (which arrives meanwhile) does not fail it.
      expect((await after).accountId).toBe('big')
      expect(p.workersStarted()).toBe(2)
    } finally {
      await p.close()
    }
  })

  it('cancelling a running parse replaces the stuck worker; the next parse works', async () => {
    const p = parser()
    try {
      const ctrl = new AbortController()
      const stuck = Promise.resolve(p.parse(stalling, 'xml', META, ctrl.signal)).catch((e: unknown) => e)
      expect(p.jobsPending()).toBe(1)
      const reason = new Error('poll deadline')
      ctrl.abort(reason)
      expect(await stuck).toBe(reason)
      expect((await p.parse(bigJson(), 'json', META)).accountId).toBe('big')
      expect(p.workersStarted()).toBe(2)
    } finally {
      await p.close()
    }
  })

  it('a job cancelled while queued never reaches the worker', async () => {
    const p = parser(300)
    try {
      const stuck = Promise.resolve(p.parse(stalling, 'xml', META)).catch((e: unknown) => e)
      const ctrl = new AbortController()
      const queued = Promise.resolve(p.parse(stalling, 'xml', META, ctrl.signal)).catch((e: unknown) => e)
      ctrl.abort(new Error('removed'))
      expect(((await queued) as Error).message).toBe('removed')
      await stuck
      // The stuck worker was stopped and a fresh one started, ready for the next job.
      expect(p.workersStarted()).toBe(2)
    } finally {
      await p.close()
    }
  })

  it('a worker that dies fails only its own job; the next job gets a new worker', async () => {
    const p = parser()
    try {
      const crashed = Promise.resolve(p.parse(crashing, 'xml', META)).catch((e: unknown) => e)
      const next = Promise.resolve(p.parse(bigJson(), 'json', META))
      expect(await crashed).toBeInstanceOf(ResponseError)
      expect((await next).accountId).toBe('big')
      expect(p.workersStarted()).toBe(2)
    } finally {
      await p.close()
    }
  })
})
