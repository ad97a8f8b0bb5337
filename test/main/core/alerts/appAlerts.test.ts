/**
 * The engine wired into the app core: poll outcomes of a real demo server over loopback (with
 * faults) become alerts in the log, saved across a restart of the core.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createAppCore, type AppCore } from '../../../../src/main/core/app'
import { MemorySecretStore } from '../../../../src/main/core/accounts'
import { demoAccountInput, startDemoServer } from '../../../../src/main/core/demo'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function core(dir: string, secrets: MemorySecretStore): Promise<AppCore> {
  const c = createAppCore({
    userDataDir: dir,
    version: '1.0.0',
    secrets,
    demo: 'off',
    monitor: { spreadMs: () => 0, refreshDebounceMs: 0 },
  })
  await c.start()
  cleanups.push(() => c.stop())
  return c
}

/** Polls `id` now and waits until the poll and its alerts are saved. */
async function pollNow(c: AppCore, id: string): Promise<void> {
  await c.monitor.whenIdle()
  c.monitor.refreshNow(id)
  await c.monitor.whenIdle()
  await c.alerts.settled()
}

describe('alerts in the app core', () => {
  it('turns a refused key and its recovery into logged alerts that survive a restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storeglance-app-alerts-'))
    cleanups.push(() => rm(dir, { recursive: true, force: true }))
    const server = await startDemoServer({ stores: 1, seed: 3 })
    cleanups.push(() => server.close())
    const secrets = new MemorySecretStore()
    const app = await core(dir, secrets)
    const st = server.stores[0]!
    const added = await app.handlers['accounts:add']({
      input: demoAccountInput(server.url, { ...st, label: 'Harbour Café', timeZone: 'UTC' }),
      key: st.key,
    })
    await pollNow(app, added.id)
    const quietKinds = new Set(['behindPace', 'quietStore', 'recordDay', 'target', 'bigTransaction'])
    expect(app.alerts.list().filter((a) => !quietKinds.has(a.kind))).toEqual([])

    server.setFault('*', { kind: 'apiError', message: 'Invalid API key' })
    await pollNow(app, added.id)
    const refused = app.alerts.list()[0]!
    expect(refused).toMatchObject({ kind: 'keyRejected', store: added.id, urgent: true, delivered: true })
    expect(refused.title).toContain('Harbour Café')
    expect(refused.body).toContain('Invalid API key')

    server.setFault('*', null)
    await pollNow(app, added.id)
    expect(app.alerts.list()[0]).toMatchObject({ kind: 'recovered', store: added.id })
    const before = app.alerts.list()
    await app.stop()

    const again = await core(dir, secrets)
    const pushed: number[] = []
    again.events.on('event:alerts', (log) => pushed.push(log.unread))
    const log = await again.handlers['alerts:list'](null)
    expect(log).toEqual({ alerts: before, unread: before.length, mutedUntil: null })
    expect(await again.handlers['alerts:markAllRead'](null)).toMatchObject({ unread: 0 })
    expect(pushed).toEqual([0])
    const until = new Date(Date.now() + 3_600_000).toISOString()
    expect(await again.handlers['alerts:mute']({ until })).toMatchObject({ mutedUntil: until })
    expect(await again.handlers['alerts:unmute'](null)).toMatchObject({ mutedUntil: null })
    await expect(again.handlers['alerts:mute']({ until: new Date(Date.now() + 8 * 86_400_000).toISOString() })).rejects.toThrow(
      /at most a week/,
    )
  })
})
