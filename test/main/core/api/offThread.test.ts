import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createOffThreadParser, type OffThreadParser } from '../../../../src/main/core/api/offThread'
import { parseDashboard } from '../../../../src/main/core/api/parseDashboard'
import { ApiError, ResponseError } from '../../../../src/main/core/api/errors'
import { bundleForNode } from '../../../helpers/bundle'
import { bigJson, bigXml } from './bigDashboard'

const META = { accountId: 'big', fetchedAt: '2026-11-29T12:00:00.000Z' }
let bundle: { file: string; cleanup: () => Promise<void> }
let parser: OffThreadParser

beforeAll(async () => {
  bundle = await bundleForNode('src/main/core/api/parseWorker.ts', 'parseWorker.cjs')
  parser = createOffThreadParser(bundle.file)
}, 30_000)
afterAll(async () => {
  await parser?.close()
  await bundle?.cleanup()
})

describe('off-thread parsing of large bodies', () => {
  it('gives exactly the in-process snapshot for a 2 MB XML and JSON body', async () => {
    const xml = bigXml()
    const json = bigJson()
    expect(xml.length).toBeGreaterThan(1_500_000)
    expect(await parser.parse(xml, 'xml', META)).toEqual(parseDashboard(xml, 'xml', META))
    expect(await parser.parse(json, 'json', META)).toEqual(parseDashboard(json, 'json', META))
  })

  it('keeps the event loop free while a large body parses', async () => {
    const xml = bigXml()
    let ticks = 0
    const timer = setInterval(() => ticks++, 1)
    await parser.parse(xml, 'xml', META)
    clearInterval(timer)
    // In-process, the loop would not turn at all during the parse.
    expect(ticks).toBeGreaterThan(0)
  })

  it('rebuilds the same typed errors the in-process parser throws', async () => {
    const truncated = bigXml().slice(0, 400_000)
    const err = await Promise.resolve(parser.parse(truncated, 'xml', META)).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(ResponseError)
    let local: unknown
    try {
      parseDashboard(truncated, 'xml', META)
    } catch (e) {
      local = e
    }
    expect((err as ResponseError).message).toBe((local as ResponseError).message)
    expect((err as ResponseError).problem).toBe((local as ResponseError).problem)
    const refused = `<response status="error"><error>Invalid key</error></response>${' '.repeat(300_000)}`
    const apiErr = await Promise.resolve(parser.parse(refused, 'xml', META)).catch((e: unknown) => e)
    expect(apiErr).toBeInstanceOf(ApiError)
    expect((apiErr as ApiError).serverMessage).toBe('Invalid key')
  })

  it('parses small bodies in-process, without a worker', async () => {
    const noWorker = createOffThreadParser('/nonexistent/parseWorker.js')
    const small = bigXml({ mostActive: 2, campaigns: 1, days: 2, txs: 2, customers: 2 })
    expect(await noWorker.parse(small, 'xml', META)).toEqual(parseDashboard(small, 'xml', META))
    await noWorker.close()
  })
})
