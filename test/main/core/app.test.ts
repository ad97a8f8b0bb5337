import { afterEach, describe, expect, it } from 'vitest'
import { existsSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppCore } from '../../../src/main/core/app'
import { MemorySecretStore } from '../../../src/main/core/accounts'
import { demoAccountInput, startDemoServer, type DemoServer } from '../../../src/main/core/demo'
import type { AccountInput } from '../../../src/shared/model'
import type { EventContract } from '../../../src/shared/ipc'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

async function start(opts: Partial<Parameters<typeof createAppCore>[0]> = {}) {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-app-'))
  const core = createAppCore({
    userDataDir: dir,
    version: '1.0.0',
    secrets: new MemorySecretStore(),
    monitor: { spreadMs: () => 0, refreshDebounceMs: 0 },
    ...opts,
  })
  const events: { channel: keyof EventContract; payload: unknown }[] = []
  for (const channel of ['event:snapshot', 'event:status', 'event:accounts', 'event:settings', 'event:warning'] as const) {
    core.events.on(channel, (payload) => events.push({ channel, payload }))
  }
  await core.start()
  cleanups.push(async () => {
    await core.stop()
    await rm(dir, { recursive: true, force: true })
  })
  return { core, dir, events }
}

async function server(stores = 2): Promise<DemoServer> {
  const s = await startDemoServer({ stores, seed: 9 })
  cleanups.push(() => s.close())
  return s
}

const inputFor = (s: DemoServer, i: number, label = `Store ${i}`): AccountInput =>
  demoAccountInput(s.url, { ...s.stores[i]!, label, timeZone: 'Europe/London' })

const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 25))
  expect(cond(), what).toBe(true)
}

describe('the app core', () => {
  it('starts in demo mode when no store is set up, and leaves it when the first real store is added', async () => {
    const { core, events } = await start({ demoOptions: { stores: 3 } })
    expect(core.demoServer).not.toBeNull()
    expect(core.accounts.list().map((a) => a.demo)).toEqual([true, true, true])
    await until(() => core.monitor.snapshots().length === 3, 'demo figures arrive')
    const real = await server(1)
    const added = await core.handlers['accounts:add']({ input: inputFor(real, 0, 'Mine'), key: real.stores[0]!.key })
    expect(added).toMatchObject({ label: 'Mine', hasKey: true })
    expect(core.demoServer).toBeNull()
    const state = await core.handlers['state:get'](null)
    expect(state.accounts.some((a) => a.demo)).toBe(false)
    expect(state.accounts.map((a) => a.label)).toEqual(['Mine'])
    const lastAccounts = events.filter((e) => e.channel === 'event:accounts').at(-1)!.payload as { label: string }[]
    expect(lastAccounts.map((a) => a.label)).toEqual(['Mine'])
  })

  it('removes a store whose request is in flight without its answer coming back to disk or screen', async () => {
    const s = await server(1)
    const { core, dir, events } = await start({ demo: 'off' })
    const a = await core.handlers['accounts:add']({ input: inputFor(s, 0), key: s.stores[0]!.key })
    await until(() => core.monitor.snapshots().length === 1, 'first figures')
    s.setFault('*', { kind: 'latency', ms: 400 })
    await core.handlers['stores:refresh']({ id: a.id })
    await until(() => core.monitor.status(a.id)?.state === 'refreshing', 'request in flight')
    const eventsBefore = events.length
    await core.handlers['accounts:remove']({ id: a.id })
    await new Promise((r) => setTimeout(r, 600))
    await core.monitor.whenIdle()
    expect(events.slice(eventsBefore).some((e) => e.channel === 'event:snapshot')).toBe(false)
    expect(readdirSync(join(dir, 'snapshots')).filter((f) => f.startsWith(a.id))).toEqual([])
    expect(existsSync(join(dir, 'history', `${a.id}.json`))).toBe(false)
    const state = await core.handlers['state:get'](null)
    expect(state.snapshots).toEqual([])
    expect(state.accounts).toEqual([])
  })

  it('applies a new interval and tells the window', async () => {
    const s = await server(1)
    const { core, events } = await start({ demo: 'off' })
    const a = await core.handlers['accounts:add']({ input: inputFor(s, 0), key: s.stores[0]!.key })
    await until(() => core.monitor.status(a.id)?.state === 'ok', 'first poll done')
    const next = () => Date.parse(core.monitor.status(a.id)!.nextAttemptAt!) - Date.parse(core.monitor.status(a.id)!.lastSuccessAt!)
    expect(next()).toBeGreaterThan(4 * 60_000)
    const settings = await core.handlers['settings:update']({ intervalSec: 60 })
    expect(settings.intervalSec).toBe(60)
    expect(next()).toBeLessThanOrEqual(66_000)
    expect(events.some((e) => e.channel === 'event:settings' && (e.payload as { intervalSec: number }).intervalSec === 60)).toBe(true)
  })

  it('polls at once after the key of a refused store is fixed', async () => {
    const s = await server(1)
    const { core } = await start({ demo: 'off' })
    const a = await core.handlers['accounts:add']({ input: inputFor(s, 0), key: s.stores[0]!.key })
    await until(() => core.monitor.status(a.id)?.state === 'ok', 'first poll done')
    s.setFault('*', { kind: 'apiError', message: 'Invalid API key' })
    await core.handlers['stores:refresh']({ id: a.id })
    await until(() => core.monitor.status(a.id)?.needsAttention === true, 'refused')
    s.setFault('*', null)
    await core.handlers['accounts:update']({ id: a.id, patch: {}, key: s.stores[0]!.key })
    await until(() => core.monitor.status(a.id)?.state === 'ok', 'polled again without waiting an interval')
  })
})
