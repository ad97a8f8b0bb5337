import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppCore, type AppCoreOptions } from '../../../src/main/core/app'
import { createDispatcher } from '../../../src/main/core/ipcDispatch'
import { MemorySecretStore } from '../../../src/main/core/accounts'
import { generateStores } from '../../../src/main/core/demo'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function start(opts: Partial<AppCoreOptions> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-channels-'))
  const core = createAppCore({
    userDataDir: dir,
    version: '1.0.0',
    secrets: new MemorySecretStore(),
    demo: 'on',
    demoOptions: { stores: 2, seed: 7 },
    monitor: { spreadMs: () => 0, refreshDebounceMs: 0 },
    ...opts,
  })
  await core.start()
  cleanups.push(async () => {
    await core.stop()
    await rm(dir, { recursive: true, force: true })
  })
  const until = async (cond: () => boolean) => {
    for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25))
    expect(cond()).toBe(true)
  }
  await until(() => core.monitor.snapshots().length === 2)
  return { core, dir, dispatch: createDispatcher(core.handlers) }
}

describe('history:get', () => {
  it("summarizes a store's history from the file the monitor writes, and refuses a bad id", async () => {
    const { dispatch } = await start()
    const id = `demo-${generateStores(2, 7)[0]!.accountId}`
    const result = await dispatch('history:get', { id })
    expect(result.ok).toBe(true)
    const h = (result as { ok: true; value: { since: string; recordedDays: number; months: unknown[]; daily: unknown[] } }).value
    expect(h.recordedDays).toBe(1)
    expect(h.months).toHaveLength(1)
    expect(h.daily.length).toBeGreaterThanOrEqual(28)
    expect(await dispatch('history:get', { id: '../settings' })).toMatchObject({ ok: false, error: { kind: 'invalid' } })
  })
})

describe('comparison:exportCsv', () => {
  it('writes the comparison CSV through the save port, or says the user cancelled', async () => {
    const saved: { name: string; content: string }[] = []
    let cancel = false
    const { dispatch, core } = await start({
      saveFile: async (name, content) => (cancel ? null : (saved.push({ name, content }), `/chosen/${name}`)),
    })
    const result = await dispatch('comparison:exportCsv', null)
    expect(result).toMatchObject({ ok: true, value: { path: expect.stringMatching(/^\/chosen\/storeglance-\d{4}-\d{2}-\d{2}\.csv$/) } })
    const lines = saved[0]!.content.trim().split('\n')
    expect(lines[0]).toBe(
      `key,figure,${core.accounts
        .list()
        .map((a) => a.label)
        .join(',')},Total,Stores in total`,
    )
    expect(lines.map((l) => l.split(',')[0])).toContain('pace')
    cancel = true
    expect(await dispatch('comparison:exportCsv', null)).toEqual({ ok: true, value: { path: null } })
  })

  it('says clearly when saving is not available', async () => {
    const { dispatch } = await start()
    expect(await dispatch('comparison:exportCsv', null)).toMatchObject({
      ok: false,
      error: { message: 'Saving files is not available here.' },
    })
  })
})
