/**
 * A keychain that cannot be asked is not an empty keychain: the window is told "unavailable"
 * (hasKey null), not "no key in keychain" (hasKey false).
 */
import { afterEach, expect, it } from 'vitest'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createAppCore } from '../../../src/main/core/app'
import { KeychainUnavailableError, MemorySecretStore } from '../../../src/main/core/accounts'
import { demoAccountInput, startDemoServer } from '../../../src/main/core/demo'
import type { SecretStore } from '../../../src/main/core/ports'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

/** The memory keychain, which can be made to fail the way a locked or absent Secret Service does. */
class FlakyKeychain implements SecretStore {
  readonly inner = new MemorySecretStore()
  down = false
  private check(): void {
    if (this.down) throw new KeychainUnavailableError('locked', 'The keychain is locked.', 'locked collection')
  }
  async get(id: string) {
    this.check()
    return this.inner.get(id)
  }
  async set(id: string, key: string) {
    this.check()
    return this.inner.set(id, key)
  }
  async delete(id: string) {
    this.check()
    return this.inner.delete(id)
  }
}

it('reports hasKey null when the keychain cannot be asked, false only when it holds no key', async () => {
  const server = await startDemoServer({ stores: 2, seed: 3 })
  cleanups.push(() => server.close())
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-kc-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  const keychain = new FlakyKeychain()
  const core = createAppCore({
    userDataDir: dir,
    version: '1.0.0',
    secrets: keychain,
    demo: 'off',
    monitor: { spreadMs: () => 0, refreshDebounceMs: 0 },
  })
  await core.start()
  cleanups.push(() => core.stop())
  const input = (i: number) => demoAccountInput(server.url, { ...server.stores[i]!, label: `S${i}`, timeZone: 'UTC' })
  const a = await core.handlers['accounts:add']({ input: input(0), key: server.stores[0]!.key })
  const b = await core.handlers['accounts:add']({ input: input(1), key: server.stores[1]!.key })
  await keychain.inner.delete(b.id)
  const hasKey = async () => Object.fromEntries((await core.handlers['state:get'](null)).accounts.map((x) => [x.id, x.hasKey]))
  expect(await hasKey()).toEqual({ [a.id]: true, [b.id]: false })
  keychain.down = true
  expect(await hasKey()).toEqual({ [a.id]: null, [b.id]: null })
})
