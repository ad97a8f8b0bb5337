/**
 * An alerts.json that cannot be read (here a folder stands in its place: EISDIR, which even root
 * gets) no longer stops the app: it starts and says why, raises alerts in memory without raising
 * them twice, and never replaces what it could not read.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppCore } from '../../../../src/main/core/app'
import { MemorySecretStore } from '../../../../src/main/core/accounts'
import { demoAccountInput, startDemoServer } from '../../../../src/main/core/demo'
import { emptyEngineState } from '../../../../src/main/core/alerts/state'

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
        /^The alert file .*alerts\.json could not be read \(EISDIR.*\); alerts are kept in memory and saved once it can be read\.$/,
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

    // The file becomes readable again, holding an alert another program (`watch`) logged meanwhile.
    const elsewhere = { ...log.alerts[0]!, id: 1, store: 'other-store', kind: 'recordDay' as const, urgent: false }
    await rm(join(dir, 'alerts.json'), { recursive: true })
    const file = { version: 1, state: emptyEngineState(), log: [elsewhere], nextId: 2, readUpTo: 0 }
    await writeFile(join(dir, 'alerts.json'), JSON.stringify(file))
    // The key is accepted again: the recovery is logged after both, and the refusal is not raised again.
    server.setFault('*', null)
    core.monitor.refreshNow(store.id)
    await core.monitor.whenIdle()
    await core.alerts.settled()
    const after = await core.handlers['alerts:list'](null)
    const onDisk = JSON.parse(await readFile(join(dir, 'alerts.json'), 'utf8')) as { log: { id: number; kind: string }[] }
    expect(onDisk.log.map((a) => [a.id, a.kind])).toEqual([
      [1, 'recordDay'],
      [2, 'keyRejected'],
      [3, 'recovered'],
    ])
    expect(after.alerts.map((a) => a.kind).sort()).toEqual(['keyRejected', 'recordDay', 'recovered'])
  })
})
