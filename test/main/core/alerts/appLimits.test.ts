/**
 * The app core over user data that outgrew its bounds: a 600 MB alerts.json (a sparse file) no
 * longer stops the start; it is set aside whole, the user is told, and the stores, their keys and
 * their saved figures are all still there. An alert past the 90 days is neither listed nor unread.
 */
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../../src/main/core/app'
import { MemorySecretStore } from '../../../../src/main/core/accounts'
import { demoAccountInput, startDemoServer } from '../../../../src/main/core/demo'
import { emptyEngineState } from '../../../../src/main/core/alerts/state'
import { FakeClock } from '../../../helpers/fakeClock'

const MB = 1024 * 1024
const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-app-limits-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

async function core(dir: string, secrets: MemorySecretStore, clock?: FakeClock): Promise<AppCore> {
  const c = createAppCore({
    userDataDir: dir,
    version: '1.0.0',
    secrets,
    demo: 'off',
    monitor: { spreadMs: () => 0, refreshDebounceMs: 0 },
    ...(clock ? { clock } : {}),
  })
  await c.start()
  cleanups.push(() => c.stop())
  return c
}

describe('the app core over oversized or aged alert data', () => {
  it('starts with a 600 MB alerts.json: set aside, the user told, stores and figures kept', async () => {
    const dir = await tempDir()
    const server = await startDemoServer({ stores: 1, seed: 3 })
    cleanups.push(() => server.close())
    const secrets = new MemorySecretStore()
    const first = await core(dir, secrets)
    const st = server.stores[0]!
    const added = await first.handlers['accounts:add']({
      input: demoAccountInput(server.url, { ...st, label: 'Harbour Café', timeZone: 'UTC' }),
      key: st.key,
    })
    await first.monitor.whenIdle()
    first.monitor.refreshNow(added.id)
    await first.monitor.whenIdle()
    const figures = first.monitor.snapshots()
    expect(figures).toHaveLength(1)
    await first.stop()

    await writeFile(join(dir, 'alerts.json'), '')
    await truncate(join(dir, 'alerts.json'), 600 * MB)
    server.setFault('*', { kind: 'latency', ms: 60_000 })
    const again = await core(dir, secrets)
    const state = await again.handlers['state:get'](null)
    expect(state.accounts.map((a) => [a.id, a.label, a.hasKey])).toEqual([[added.id, 'Harbour Café', true]])
    expect(state.snapshots).toEqual(figures)
    const aside = (await readdir(dir)).filter((f) => f.startsWith('alerts.json.corrupt-'))
    expect(aside).toHaveLength(1)
    expect((await stat(join(dir, aside[0]!))).size).toBe(600 * MB)
    expect(state.warnings.map((w) => w.message)).toContain(
      `The alert file is too large (600 MB; at most 16 MB is expected); it was moved to ${join(dir, aside[0]!)} and alerts start afresh.`,
    )
    expect(await again.handlers['alerts:list'](null)).toEqual({ alerts: [], unread: 0, mutedUntil: null })
  })

  it('never shows or counts an alert 200 days old, and starting does not rewrite the file', async () => {
    const dir = await tempDir()
    const clock = new FakeClock('2025-09-01T12:00:00Z')
    const alert = (id: number, days: number) => ({
      id,
      at: new Date(clock.now() - days * 86_400_000).toISOString(),
      store: 's1',
      kind: 'recovered',
      urgent: false,
      title: `Back ${days} days ago`,
      body: 'The store answers again.',
      delivered: true,
    })
    const text = `${JSON.stringify({ version: 1, state: emptyEngineState(), log: [alert(1, 200), alert(2, 10)], nextId: 3, readUpTo: 0 })}\n`
    await writeFile(join(dir, 'alerts.json'), text)
    const app = await core(dir, new MemorySecretStore(), clock)
    const log = await app.handlers['alerts:list'](null)
    expect(log.alerts.map((a) => a.title)).toEqual(['Back 10 days ago'])
    expect(log.unread).toBe(1)
    expect(app.alerts.unread()).toBe(1)
    expect(await readFile(join(dir, 'alerts.json'), 'utf8')).toBe(text)
  })
})
