/**
 * The real keytar against a real Secret Service (gnome-keyring in a private D-Bus session), each
 * stored key cross-checked with `secret-tool`, a client nobody here wrote. Run with:
 *
 *   bash scripts/with-keyring.sh npx vitest run --project node test/main/core/accounts
 *
 * Outside that script these tests are SKIPPED, with the reason printed (never counted as passed),
 * so they cannot touch a developer's own keyring. With CI=true a missing keychain FAILS them.
 */
import { execFile } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { createAccountService } from '../../../../src/main/core/accounts/accountService'
import { KEYCHAIN_SERVICE, KeytarSecretStore } from '../../../../src/main/core/accounts/keychain'
import { openSettingsFile } from '../../../../src/main/core/accounts/settingsFile'
import { KEY, storeInput, tempDir } from './fixtures'

const run = promisify(execFile)
const IN_CI = process.env.CI === 'true'

/** The stored secret as secret-tool sees it, or null when there is no such entry. */
async function secretToolLookup(id: string): Promise<string | null> {
  try {
    const { stdout } = await run('secret-tool', ['lookup', 'service', KEYCHAIN_SERVICE, 'account', id], { timeout: 10_000 })
    return stdout
  } catch (err) {
    if ((err as { code?: unknown }).code === 1) return null // secret-tool: no matching item
    throw err
  }
}

const withTimeout = <T>(p: Promise<T>, ms: number) =>
  Promise.race([
    p,
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms (a prompt may be waiting)`)), ms)),
  ])

/** Why the real keychain cannot be used here, or null when a probe set/get/delete round trip works. */
async function keychainUnavailableReason(): Promise<string | null> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return 'DBUS_SESSION_BUS_ADDRESS is not set'
  if (process.env.STOREGLANCE_KEYRING_SESSION !== '1')
    return 'not running inside scripts/with-keyring.sh (refusing to write into your own keyring)'
  try {
    await run('secret-tool', ['--version']).catch(async () => run('which', ['secret-tool']))
  } catch {
    return 'secret-tool (libsecret-tools) is not installed'
  }
  const store = new KeytarSecretStore()
  const id = `probe-${randomUUID()}`
  try {
    await withTimeout(store.set(id, 'probe-value'), 5_000)
    const back = await withTimeout(store.get(id), 5_000)
    await withTimeout(store.delete(id), 5_000)
    return back === 'probe-value' ? null : 'a probe key did not read back'
  } catch (err) {
    return `the probe failed: ${(err as Error).message}`
  }
}

const reason = await keychainUnavailableReason()
const skip = reason !== null && !IN_CI
if (skip) {
  console.warn(
    `SKIPPED real-keychain tests: ${reason}. Run them with: bash scripts/with-keyring.sh npx vitest run --project node test/main/core/accounts`,
  )
}
/** In CI a missing keychain is a failure, not a skip. */
function requireKeychain() {
  if (reason !== null) throw new Error(`CI=true but the real keychain is unavailable: ${reason}`)
}

describe(`KeytarSecretStore against the real Secret Service${skip ? ` (SKIPPED: ${reason})` : ''}`, () => {
  it.skipIf(skip)('stores, reads, replaces and deletes a key, as secret-tool confirms', async () => {
    requireKeychain()
    const store = new KeytarSecretStore()
    const id = randomUUID()
    expect(await store.get(id)).toBeNull()
    expect(await secretToolLookup(id)).toBeNull()
    await store.set(id, KEY)
    expect(await store.get(id)).toBe(KEY)
    expect(await secretToolLookup(id)).toBe(KEY)
    await store.set(id, 'REPLACED-KEY')
    expect(await secretToolLookup(id)).toBe('REPLACED-KEY')
    expect(await store.delete(id)).toBe(true)
    expect(await secretToolLookup(id)).toBeNull()
    expect(await store.delete(id)).toBe(false)
  })

  it.skipIf(skip)('the account service keeps the key in the keychain only, and removes it with the store', async () => {
    requireKeychain()
    const settingsFile = openSettingsFile(await tempDir())
    const removed: string[] = []
    const service = await createAccountService({
      settingsFile,
      secrets: new KeytarSecretStore(),
      testConnection: async () => undefined,
      onRemoved: (id) => void removed.push(id),
    })
    const acc = await service.add(storeInput({ accountId: randomUUID() }), KEY)
    expect(await secretToolLookup(acc.id)).toBe(KEY)
    expect(await service.hasKey(acc.id)).toBe(true)
    const text = await readFile(settingsFile.path, 'utf8')
    expect(text).toContain(acc.id)
    expect(text).not.toContain(KEY)
    expect(JSON.stringify(service.list())).not.toContain(KEY)

    await service.update(acc.id, {}, 'SECOND-KEY-8812')
    expect(await secretToolLookup(acc.id)).toBe('SECOND-KEY-8812')

    await service.remove(acc.id)
    expect(await secretToolLookup(acc.id)).toBeNull()
    expect(await service.hasKey(acc.id)).toBe(false)
    expect(removed).toEqual([acc.id])
  })
})
