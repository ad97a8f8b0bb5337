/**
 * A demo run's saved figures do not outlive it: when the first real store was added while the app
 * was closed (from the command line), the next start deletes the demo stores' files and keeps the
 * real store's.
 */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCoreOptions } from '../../../src/main/core/app'
import { MemorySecretStore } from '../../../src/main/core/accounts'
import { demoAccountInput, demoLeftoverIds, startDemoServer } from '../../../src/main/core/demo'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

describe('demo leftovers', () => {
  it('are deleted at the first start without demo mode; the real store keeps its files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storeglance-demo-leftovers-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    const secrets = new MemorySecretStore()
    const base: AppCoreOptions = { userDataDir: dir, version: '1.0.0', secrets, monitor: { spreadMs: () => 0, refreshDebounceMs: 0 } }

    // A demo run: its stores poll and save figures.
    const demo = createAppCore({ ...base, demo: 'auto', demoOptions: { stores: 2, seed: 4 } })
    await demo.start()
    await demo.monitor.whenIdle()
    const demoIds = demo.accounts.list().map((a) => a.id)
    expect(demoIds.every((id) => id.startsWith('demo-'))).toBe(true)
    await demo.stop()
    expect(await demoLeftoverIds(dir)).toEqual([...demoIds].sort())

    // The first real store arrives while the app is closed (as `storeglance accounts add` does).
    const server = await startDemoServer({ stores: 1, seed: 9 })
    cleanups.push(() => server.close())
    const cli = createAppCore({ ...base, demo: 'off' })
    await cli.start()
    const real = await cli.handlers['accounts:add']({ input: demoAccountInput(server.url, server.stores[0]!), key: server.stores[0]!.key })
    await cli.monitor.whenIdle()
    cli.monitor.refreshNow(real.id)
    await cli.monitor.whenIdle()
    await cli.stop()
    // A file that only looks like a demo store's is not touched.
    await writeFile(join(dir, 'snapshots', 'demo-x.current.json.corrupt-2025'), 'kept')

    const app = createAppCore({ ...base, demo: 'auto' })
    await app.start()
    cleanups.push(() => app.stop())
    expect(app.accounts.list().map((a) => a.id)).toEqual([real.id])
    expect(await demoLeftoverIds(dir)).toEqual([])
    const files = [...(await readdir(join(dir, 'snapshots'))), ...(await readdir(join(dir, 'history')))]
    expect(files.filter((f) => f.startsWith('demo-'))).toEqual(['demo-x.current.json.corrupt-2025'])
    expect(files.some((f) => f.startsWith(real.id))).toBe(true)
  })
})
