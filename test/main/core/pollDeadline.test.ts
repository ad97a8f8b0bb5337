/**
 * The poll deadline end to end: the app core, the real client over the demo server, and a parse
 * worker that never finishes. Removing that store must not wait forever (it used to wait inside
 * the account queue, so every later add or edit hung too); at the deadline the stuck worker is
 * replaced and the slot freed.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppCore } from '../../../src/main/core/app'
import { MemorySecretStore } from '../../../src/main/core/accounts'
import { createOffThreadParser } from '../../../src/main/core/api/offThread'
import { demoAccountInput, startDemoServer, type DemoServer } from '../../../src/main/core/demo'
import type { AccountInput } from '../../../src/shared/model'
import { bundleForNode } from '../../helpers/bundle'
import { FakeClock } from '../../helpers/fakeClock'
import { STALL } from '../../helpers/stallingParseWorker'

let bundle: { file: string; cleanup: () => Promise<void> }
beforeAll(async () => {
  bundle = await bundleForNode('test/helpers/stallingParseWorker.ts', 'stallingParseWorker.cjs')
}, 30_000)
afterAll(async () => bundle?.cleanup())

const inputFor = (s: DemoServer, i: number): AccountInput =>
  demoAccountInput(s.url, { ...s.stores[i]!, label: `Store ${i}`, timeZone: 'Europe/London' })

const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25))
  expect(cond(), what).toBe(true)
}

it('a store whose parse never ends can be removed, and later changes do not hang', async () => {
  const clock = new FakeClock('2026-11-18T10:00:00Z')
  const server = await startDemoServer({ stores: 2, seed: 4, now: () => new Date(clock.now()) })
  // Every body goes to the worker; the per-job limit is far away, so only the poll deadline can end the stall.
  const parser = createOffThreadParser(bundle.file, { minChars: 0, jobLimitMs: 10 * 60_000 })
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-deadline-'))
  const core = createAppCore({
    userDataDir: dir,
    version: '1.0.0',
    secrets: new MemorySecretStore(),
    clock,
    parse: parser.parse,
    demo: 'off',
    monitor: { spreadMs: () => 0, refreshDebounceMs: 0, pollDeadlineMs: 30_000 },
  })
  try {
    await core.start()
    const a = await core.handlers['accounts:add']({ input: inputFor(server, 0), key: server.stores[0]!.key })
    expect(parser.workersStarted()).toBe(1)
    // From now on store 0's answers carry a body the worker never finishes parsing.
    server.setFault(server.stores[0]!.accountId, { kind: 'apiError', message: STALL })
    await clock.advance(0)
    // The exchange is over and the parse is what is stuck.
    await until(() => parser.jobsPending() === 1, 'the parse is in the worker')
    expect(core.monitor.statuses()[0]?.state).toBe('refreshing')

    // At the deadline the poll fails as a timeout, its slot is freed and the stuck worker replaced.
    await clock.advance(30_000)
    await until(() => core.monitor.status(a.id)?.state === 'error', 'the stuck poll ended at its deadline')
    expect(core.monitor.status(a.id)?.error?.kind).toBe('timeout')
    expect(core.monitor.status(a.id)?.needsAttention).toBe(false)
    expect(core.monitor.statuses().filter((x) => x.state === 'refreshing')).toEqual([])

    // The retry stalls again; removing the store now must not wait for it, nor must a later add.
    await clock.advance(Date.parse(core.monitor.status(a.id)!.nextAttemptAt!) - clock.now())
    await until(() => parser.jobsPending() === 1, 'the retry’s parse is in the worker')
    await core.handlers['accounts:remove']({ id: a.id })
    await core.handlers['accounts:add']({ input: inputFor(server, 1), key: server.stores[1]!.key })
    // Each stall cost one worker: the first at the deadline, the second at the removal.
    expect(parser.workersStarted()).toBe(3)
    expect(core.accounts.list().map((x) => x.label)).toEqual(['Store 1'])
    await clock.advance(0)
    await until(() => core.monitor.status(core.accounts.list()[0]!.id)?.state === 'ok', 'the other store is polled')
  } finally {
    await core.stop()
    await parser.close()
    await server.close()
    await rm(dir, { recursive: true, force: true })
  }
})
