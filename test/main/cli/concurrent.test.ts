/**
 * Two writers, one folder: several real `storeglance` processes (and the app core in this process)
 * change the same STOREGLANCE_HOME at once, with the real keychain (inside scripts/with-keyring.sh).
 * Afterwards nothing is lost: every store added is in settings.json, every store removed is gone
 * and stays gone, and the keychain (listed by secret-tool) holds exactly one key per store: no
 * orphan key, no store without its key.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppCore } from '../../../src/main/core/app'
import { KeytarSecretStore } from '../../../src/main/core/accounts'
import type { DemoServer, DemoStore } from '../../../src/main/core/demo'
import { addArgs, cli, demoInput, demoServer, requireKeychain, seedAccounts, skipKeychain, tempHome } from './helpers'
import { entriesWithKeys } from '../../helpers/keychainEntries'

/** The stores in settings.json, as the file holds them now. */
async function savedStores(home: string): Promise<{ id: string; accountId: string }[]> {
  const file = JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as { accounts: { id: string; accountId: string }[] }
  return file.accounts
}

/** Exactly one keychain entry per saved store, holding that store's key, and none for anything else of this test. */
async function expectKeysMatchStores(home: string, server: DemoServer): Promise<void> {
  const saved = await savedStores(home)
  const keyOf = new Map(server.stores.map((s) => [s.accountId, s.key]))
  const entries = await entriesWithKeys(keyOf.values())
  expect([...entries.keys()].sort(), 'keychain entries of this test = saved stores').toEqual(saved.map((a) => a.id).sort())
  for (const a of saved) expect(entries.get(a.id), `key of ${a.accountId}`).toBe(keyOf.get(a.accountId))
}

/** Demo keys follow the seed: a seed of its own keeps this test's keys apart from every other test's in the keyring. */
const uniqueSeed = () => 100_000 + Math.floor(Math.random() * 1_000_000_000)

const until = async (cond: () => boolean | Promise<boolean>, what: string) => {
  for (let i = 0; i < 400 && !(await cond()); i++) await new Promise((r) => setTimeout(r, 25))
  expect(await cond(), what).toBe(true)
}

describe(`several writers on one user data folder${skipKeychain ? ' (SKIPPED: no keychain)' : ''}`, () => {
  it.skipIf(skipKeychain)(
    'accounts add, remove and snapshot run at once: nothing lost, no orphan key, no store without its key',
    async () => {
      requireKeychain()
      const server = await demoServer({ stores: 8, seed: uniqueSeed() })
      const home = await tempHome()
      const stores = server.stores as DemoStore[]
      const seeded = await seedAccounts(home, server, stores.slice(0, 2))
      const toAdd = stores.slice(2, 7)
      const runs = await Promise.all([
        ...toAdd.map((s) => cli(addArgs(server, s), { home, input: `${s.key}\n`, timeoutMs: 60_000 })),
        cli(['accounts', 'remove', seeded[0]!.id], { home, timeoutMs: 60_000 }),
        cli(['snapshot', '--json'], { home, timeoutMs: 60_000 }),
        cli(['snapshot', '--json'], { home, timeoutMs: 60_000 }),
        // The same store twice at once: exactly one may win.
        cli(addArgs(server, stores[7]!), { home, input: stores[7]!.key, timeoutMs: 60_000 }),
        cli(addArgs(server, stores[7]!), { home, input: stores[7]!.key, timeoutMs: 60_000 }),
      ])
      for (const r of runs.slice(0, toAdd.length + 1)) expect(r.code, r.stderr).toBe(0)
      const twins = runs.slice(-2)
      expect(twins.filter((r) => r.code === 0).length, twins.map((r) => r.stderr).join('\n')).toBe(1)
      expect(
        twins
          .filter((r) => r.code !== 0)
          .map((r) => r.stderr)
          .join(''),
      ).toMatch(/already in Storeglance/)

      const saved = await savedStores(home)
      expect(saved.map((a) => a.accountId).sort()).toEqual([stores[1]!, ...toAdd, stores[7]!].map((s) => s.accountId).sort())
      await expectKeysMatchStores(home, server)
    },
    120_000,
  )

  it.skipIf(skipKeychain)(
    'the app core and the CLI at once: the window sees stores added and removed elsewhere, and never brings one back',
    async () => {
      requireKeychain()
      const server = await demoServer({ stores: 6, seed: uniqueSeed() })
      const home = await tempHome()
      const stores = server.stores as DemoStore[]
      const core = createAppCore({
        userDataDir: home,
        version: '1.0.0',
        secrets: new KeytarSecretStore(),
        demo: 'off',
        monitor: { spreadMs: () => 0, refreshDebounceMs: 0 },
      })
      await core.start()
      try {
        const inApp = core.handlers['accounts:add']({ input: demoInput(server, stores[0]!), key: stores[0]!.key })
        const [fromCli] = await Promise.all([
          cli(addArgs(server, stores[1]!), { home, input: stores[1]!.key, timeoutMs: 60_000 }),
          cli(addArgs(server, stores[2]!), { home, input: stores[2]!.key, timeoutMs: 60_000 }),
          inApp,
          core.handlers['accounts:add']({ input: demoInput(server, stores[3]!), key: stores[3]!.key }),
        ])
        expect(fromCli.code, fromCli.stderr).toBe(0)
        const ids = () =>
          core.accounts
            .list()
            .map((a) => a.accountId)
            .sort()
        await until(() => ids().length === 4, 'the app sees the stores the CLI added')
        expect(ids()).toEqual(
          stores
            .slice(0, 4)
            .map((s) => s.accountId)
            .sort(),
        )

        // The CLI removes a store the app added, while the app polls it and saves other changes.
        const victim = core.accounts.list().find((a) => a.accountId === stores[0]!.accountId)!
        await core.monitor.whenIdle()
        const [removed] = await Promise.all([
          cli(['accounts', 'remove', victim.id], { home, timeoutMs: 60_000 }),
          core.handlers['settings:update']({ intervalSec: 600 }),
          core.handlers['accounts:add']({ input: demoInput(server, stores[4]!), key: stores[4]!.key }),
        ])
        expect(removed.code, removed.stderr).toBe(0)
        await until(() => !core.accounts.list().some((a) => a.id === victim.id), 'the app drops the store the CLI removed')
        await core.handlers['settings:update']({ intervalSec: 900 })
        const saved = await savedStores(home)
        expect(
          saved.some((a) => a.id === victim.id),
          'a store removed from the CLI does not come back',
        ).toBe(false)
        expect(saved.map((a) => a.accountId).sort()).toEqual([1, 2, 3, 4].map((i) => stores[i]!.accountId).sort())
        expect(core.monitor.snapshots().some((p) => p.id === victim.id)).toBe(false)
        await core.monitor.whenIdle()
        await expectKeysMatchStores(home, server)
        const state = await core.handlers['state:get'](null)
        expect(state.settings.intervalSec).toBe(900)
        expect(state.accounts.map((a) => a.accountId).sort()).toEqual(saved.map((a) => a.accountId).sort())
      } finally {
        await core.stop()
      }
    },
    120_000,
  )
})
