/**
 * Hiding, showing and moving stores over real parts (settings.json in a temp dir): main applies
 * each operation to the settings it holds at its turn, so quick clicks in a row, or another
 * process's change in between, are all kept; an unknown store or a bad payload changes nothing.
 */
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAccountService, MemorySecretStore, openSettingsFile } from '../../../../src/main/core/accounts'
import { createDataLock } from '../../../../src/main/core/dataLock'
import { createHandlers, storeListHandlers } from '../../../../src/main/core/handlers'
import { createDispatcher } from '../../../../src/main/core/ipcDispatch'
import type { Settings } from '../../../../src/shared/model'
import { handlerRigPerTest, type HandlerRig } from '../../../helpers/handlerRig'
import { KEY, storeInput, tempDir } from '../accounts/fixtures'

const start = handlerRigPerTest()

const fileOf = (dir: string) => join(dir, 'settings.json')
const saved = async (dir: string): Promise<Settings> => JSON.parse(await readFile(fileOf(dir), 'utf8')).settings
const settingsSent = (h: HandlerRig) => h.sent.filter((e) => e.channel === 'event:settings').map((e) => e.payload)
const ids = (h: HandlerRig) => h.rig.accounts.list().map((a) => a.id)

describe('stores:hide and stores:unhide', () => {
  it('two hides sent together both survive, in the file and in the answers', async () => {
    const h = await start(3)
    const [a, b] = ids(h)
    const list = storeListHandlers(h.ctx)
    const [first, second] = await Promise.all([list['stores:hide']({ id: a! }), list['stores:hide']({ id: b! })])
    expect(first.hiddenStores).toEqual([a])
    expect(second.hiddenStores).toEqual([a, b])
    expect((await saved(h.rig.dir)).hiddenStores).toEqual([a, b])
    expect(h.rig.accounts.settings().hiddenStores).toEqual([a, b])
    expect(settingsSent(h)).toEqual([first, second])
  })

  it('a hide and an unhide sent together apply in turn; hiding twice lists a store once', async () => {
    const h = await start(3)
    const [a, b] = ids(h)
    const list = storeListHandlers(h.ctx)
    await list['stores:hide']({ id: a! })
    const [, , shown] = await Promise.all([
      list['stores:hide']({ id: b! }),
      list['stores:hide']({ id: b! }),
      list['stores:unhide']({ id: a! }),
    ])
    expect(shown.hiddenStores).toEqual([b])
    expect((await saved(h.rig.dir)).hiddenStores).toEqual([b])
  })

  it('refuses to hide an unknown store, leaving the file as it was and telling the window nothing', async () => {
    const h = await start(2)
    const [a] = ids(h)
    const list = storeListHandlers(h.ctx)
    await list['stores:hide']({ id: a! })
    const before = await readFile(fileOf(h.rig.dir), 'utf8')
    const sentBefore = h.sent.length
    for (const refused of [list['stores:hide']({ id: 'no-such-store' }), list['stores:unhide']({ id: 'no-such-store' })]) {
      await expect(refused).rejects.toMatchObject({ kind: 'not-found', message: 'That store no longer exists.' })
    }
    expect(await readFile(fileOf(h.rig.dir), 'utf8')).toBe(before)
    expect(h.sent.length).toBe(sentBefore)
  })
})

describe('stores:move', () => {
  it('two moves up sent together move the store two places: no click is lost', async () => {
    const h = await start(3)
    const [a, b, c] = ids(h)
    const move = storeListHandlers(h.ctx)['stores:move']
    const [first, second] = await Promise.all([move({ id: c!, delta: -1 }), move({ id: c!, delta: -1 })])
    expect(first.storeOrder).toEqual([a, c, b])
    expect(second.storeOrder).toEqual([c, a, b])
    expect((await saved(h.rig.dir)).storeOrder).toEqual([c, a, b])
  })

  it('a move up and a move down sent together leave a consistent order: the one they started from', async () => {
    const h = await start(3)
    const [a, b, c] = ids(h)
    const move = storeListHandlers(h.ctx)['stores:move']
    const answers = await Promise.all([move({ id: b!, delta: -1 }), move({ id: b!, delta: 1 })])
    expect(answers.map((s) => s.storeOrder)).toEqual([
      [b, a, c],
      [a, b, c],
    ])
    expect((await saved(h.rig.dir)).storeOrder).toEqual([a, b, c])
  })

  it('follows the order as the window shows it, stores missing from the saved order after the rest', async () => {
    const h = await start(3)
    const [a, b, c] = ids(h)
    await h.rig.accounts.updateSettings({ storeOrder: [c, 'gone-store'] })
    // Shown as c, a, b: b goes above a, and the whole order is saved, without the store that is gone.
    const moved = await storeListHandlers(h.ctx)['stores:move']({ id: b!, delta: -1 })
    expect(moved.storeOrder).toEqual([c, b, a])
  })

  it('at either end changes nothing and writes nothing; an unknown store is refused', async () => {
    const h = await start(2)
    const [a, b] = ids(h)
    const move = storeListHandlers(h.ctx)['stores:move']
    expect((await move({ id: a!, delta: -1 })).storeOrder).toEqual([])
    expect((await move({ id: b!, delta: 1 })).storeOrder).toEqual([])
    await expect(stat(fileOf(h.rig.dir))).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(move({ id: 'no-such-store', delta: 1 })).rejects.toMatchObject({ kind: 'not-found' })
    await expect(stat(fileOf(h.rig.dir))).rejects.toMatchObject({ code: 'ENOENT' })
  })
})

describe('another process in between', () => {
  /** The app's handlers and a command line on one folder, each with its own lock object and memory. */
  async function appAndCli(h: HandlerRig) {
    const dir = await tempDir()
    const secrets = new MemorySecretStore()
    const open = () =>
      createAccountService({
        settingsFile: openSettingsFile(dir),
        secrets,
        testConnection: async () => undefined,
        lock: createDataLock(dir),
      })
    const app = await open()
    const stores = []
    for (const n of [1, 2, 3]) stores.push((await app.add(storeInput({ label: `S${n}`, accountId: String(n) }), KEY)).id)
    const cli = await open()
    return { dir, app, cli, stores, list: storeListHandlers({ ...h.ctx, accounts: () => app }) }
  }

  it("keeps the other process's hide and order, and refuses a store it removed", async () => {
    const h = await start(1)
    const { dir, cli, stores, list } = await appAndCli(h)
    const [s1, s2, s3] = stores
    await cli.updateSettings({ hiddenStores: [s1], storeOrder: [s3, s1, s2] })
    expect((await list['stores:hide']({ id: s2! })).hiddenStores).toEqual([s1, s2])
    expect((await list['stores:move']({ id: s1!, delta: 1 })).storeOrder).toEqual([s3, s2, s1])
    expect(await saved(dir)).toMatchObject({ hiddenStores: [s1, s2], storeOrder: [s3, s2, s1] })
    await cli.remove(s3!)
    const before = await readFile(fileOf(dir), 'utf8')
    await expect(list['stores:hide']({ id: s3! })).rejects.toMatchObject({ kind: 'not-found' })
    expect(await readFile(fileOf(dir), 'utf8')).toBe(before)
  })
})

describe('the store list channels over the dispatcher', () => {
  it('refuses bad payloads before anything runs, and an unknown store as not-found; the file is unchanged', async () => {
    const h = await start(2)
    const [a] = ids(h)
    const dispatch = createDispatcher(createHandlers(h.ctx))
    expect(await dispatch('stores:hide', { id: a })).toMatchObject({ ok: true, value: { hiddenStores: [a] } })
    const before = await readFile(fileOf(h.rig.dir), 'utf8')
    const bad: [string, unknown][] = [
      ['stores:hide', null],
      ['stores:hide', {}],
      ['stores:hide', { id: 5 }],
      ['stores:hide', { id: '../settings' }],
      ['stores:hide', { id: a, extra: 1 }],
      ['stores:unhide', { id: '' }],
      ['stores:unhide', { ids: [a] }],
      ['stores:move', { id: a }],
      ['stores:move', { id: a, delta: 0 }],
      ['stores:move', { id: a, delta: 2 }],
      ['stores:move', { id: a, delta: -2 }],
      ['stores:move', { id: a, delta: '1' }],
      ['stores:move', { id: a, delta: 0.5 }],
      ['stores:move', { id: a, delta: 1, to: 0 }],
      ['stores:move', { id: 'x'.repeat(65), delta: 1 }],
    ]
    for (const [channel, payload] of bad) {
      const result = await dispatch(channel, payload)
      expect(result, `${channel} ${JSON.stringify(payload)}`).toMatchObject({ ok: false, error: { kind: 'invalid' } })
    }
    expect(await dispatch('stores:move', { id: 'no-such-store', delta: 1 })).toEqual({
      ok: false,
      error: { kind: 'not-found', message: 'That store no longer exists.' },
    })
    expect(await readFile(fileOf(h.rig.dir), 'utf8')).toBe(before)
    expect(h.rig.accounts.settings().hiddenStores).toEqual([a])
  })
})
