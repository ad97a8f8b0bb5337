/**
 * Two account services on one folder, each with its own lock object (as two processes have): every
 * change re-reads settings.json under the lock and merges, so neither loses the other's stores, a
 * store removed by one never comes back through the other, and reload() says what the other did.
 */
import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { createAccountService, MemorySecretStore, openSettingsFile } from '../../../../src/main/core/accounts'
import { createDataLock } from '../../../../src/main/core/dataLock'
import { KEY, storeInput, tempDir } from './fixtures'

/** An account service on `dir` as a separate process would open it (own lock object, own memory). */
async function processOn(dir: string, secrets: MemorySecretStore) {
  return createAccountService({
    settingsFile: openSettingsFile(dir),
    secrets,
    testConnection: async () => undefined,
    lock: createDataLock(dir),
  })
}
const saved = async (dir: string) =>
  JSON.parse(await readFile(`${dir}/settings.json`, 'utf8')) as { accounts: { accountId: string }[]; settings: { intervalSec: number } }

describe('account services of two processes on one folder', () => {
  it('merge their changes instead of overwriting each other', async () => {
    const dir = await tempDir()
    const secrets = new MemorySecretStore()
    const app = await processOn(dir, secrets)
    const cli = await processOn(dir, secrets)
    const a = await app.add(storeInput({ label: 'A', accountId: '1' }), KEY)
    const b = await cli.add(storeInput({ label: 'B', accountId: '2' }), KEY) // cli never saw A in memory
    expect((await saved(dir)).accounts.map((x) => x.accountId)).toEqual(['1', '2'])

    // The duplicate check runs against the file, not the stale memory.
    await expect(app.add(storeInput({ label: 'B again', accountId: '2' }), KEY)).rejects.toMatchObject({ kind: 'duplicate' })
    // B was noticed while checking that add; reload() reports it once (the app then shows it).
    expect(await app.reload()).toEqual({ added: [b.id], removed: [], changed: true })
    expect(await app.reload()).toEqual({ added: [], removed: [], changed: false })

    await cli.remove(a.id)
    expect(await app.reload()).toEqual({ added: [], removed: [a.id], changed: true })
    await cli.updateSettings({ intervalSec: 900 })
    await app.update(b.id, { label: 'B renamed' })
    const file = await saved(dir)
    expect(file.accounts.map((x) => x.accountId)).toEqual(['2']) // A does not come back
    expect(file.settings.intervalSec).toBe(900) // the other process's setting is kept
    expect(app.list().map((x) => x.label)).toEqual(['B renamed'])
    expect(await secrets.get(a.id)).toBeNull()
  })

  it('refuses to change a store another process removed', async () => {
    const dir = await tempDir()
    const secrets = new MemorySecretStore()
    const app = await processOn(dir, secrets)
    const cli = await processOn(dir, secrets)
    const a = await app.add(storeInput(), KEY)
    await cli.reload()
    await cli.remove(a.id)
    await expect(app.update(a.id, { label: 'renamed' })).rejects.toMatchObject({ kind: 'not-found' })
    expect((await saved(dir)).accounts).toEqual([])
  })
})
