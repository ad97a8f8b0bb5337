/**
 * An alerts.json that cannot be read (here a folder stands in its place: EISDIR, which even root
 * gets) no longer stops the app: it starts and says why, raises alerts in memory without raising
 * them twice, and never replaces what it could not read.
 */
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppCore } from '../../../../src/main/core/app'
import { MemorySecretStore } from '../../../../src/main/core/accounts'
import { demoAccountInput, startDemoServer } from '../../../../src/main/core/demo'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

describe('an alert file that cannot be read', () => {
  it('lets the app start, keeps alerts in memory once each, and leaves the file alone', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storeglance-unreadable-alerts-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    await mkdir(join(dir, 'alerts.json'))
    await writeFile(join(dir, 'alerts.json', 'kept.txt'), 'kept')
    const server = await startDemoServer({ stores: 1, seed: 5 })
    cleanups.push(() => server.close())
    const core = createAppCore({
      userDataDir: dir,
      version: '1.0.0',
      secrets: new MemorySecretStore(),
      demo: 'off',
      monitor: { spreadMs: () => 0, refreshDebounceMs: 0 },
    })
    await core.start()
    cleanups.push(() => core.stop())
    const warnings = () => core.handlers['state:get'](null).then((s) => s.warnings.map((w) => w.message))
    expect(await warnings()).toContainEqual(
      expect.stringMatching(
        /^The alert file .*alerts\.json could not be read \(EISDIR.*\); alerts are shown but not saved until it can be\.$/,
      ),
    )

    const st = server.stores[0]!
    const store = await core.handlers['accounts:add']({ input: demoAccountInput(server.url, st), key: st.key })
    await core.monitor.whenIdle()
    // The server now refuses the key: one urgent alert, not one per poll.
    server.setFault('*', { kind: 'apiError', message: 'Invalid API key' })
    for (let i = 0; i < 3; i++) {
      core.monitor.refreshNow(store.id)
      await core.monitor.whenIdle()
      await core.alerts.settled()
    }
    const log = await core.handlers['alerts:list'](null)
    expect(log.alerts.map((a) => [a.store, a.kind])).toEqual([[store.id, 'keyRejected']])
    expect(await warnings()).toContainEqual(expect.stringMatching(/^The alert log could not be saved: EISDIR/))
    // What could not be read is still there, as it was.
    expect((await stat(join(dir, 'alerts.json'))).isDirectory()).toBe(true)
    expect(await readdir(join(dir, 'alerts.json'))).toEqual(['kept.txt'])
  })
})
