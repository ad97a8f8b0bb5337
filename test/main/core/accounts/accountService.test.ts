import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, type Account } from '../../../../src/shared/model'
import { createAccountService, type AccountServiceDeps } from '../../../../src/main/core/accounts/accountService'
import { KeychainUnavailableError, MemorySecretStore } from '../../../../src/main/core/accounts/keychain'
import { openSettingsFile, SettingsFileError, type SettingsFile } from '../../../../src/main/core/accounts/settingsFile'
import { AccountError } from '../../../../src/main/core/accounts/accountErrors'
import { storedAccountSchema } from '../../../../src/main/core/accounts/schemas'
import { KEY, storeInput, tempDir } from './fixtures'

/** A MemorySecretStore that records calls, so tests can check what reached "the keychain" and when. */
class RecordingSecrets extends MemorySecretStore {
  calls: string[] = []
  override async set(id: string, key: string) {
    this.calls.push(`set:${id}`)
    return super.set(id, key)
  }
  override async delete(id: string) {
    this.calls.push(`delete:${id}`)
    return super.delete(id)
  }
}

const readOr = (path: string) => readFile(path, 'utf8').catch(() => '<no file>')

async function setup(over: Partial<AccountServiceDeps> = {}) {
  const dir = await tempDir()
  const settingsFile = over.settingsFile ?? openSettingsFile(dir)
  const secrets = new RecordingSecrets()
  const demoSecrets = new MemorySecretStore()
  const events: string[] = []
  const testConnection = vi.fn(async (account: Account, key: string) => {
    events.push(`test:${account.label}`)
    if (key.startsWith('WRONG')) throw new Error(`The server said: invalid key ${key}`)
  })
  const onRemoved = vi.fn(async () => undefined)
  const service = await createAccountService({ settingsFile, secrets, demoSecrets, testConnection, onRemoved, ...over })
  const fileText = () => readOr(settingsFile.path)
  return { dir, service, settingsFile, secrets, demoSecrets, testConnection, onRemoved, events, fileText }
}

/** Everything a user or the renderer could ever see must be free of the key. */
function expectNoKey(...things: unknown[]) {
  for (const t of things) {
    const text =
      t instanceof Error
        ? `${t.message}\n${t.stack}\n${String((t as { cause?: unknown }).cause ?? '')}`
        : typeof t === 'string'
          ? t
          : JSON.stringify(t)
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(KEY.slice(4))
  }
}

describe('account service: add', () => {
  it('tests the connection first, then stores the key, then saves the store', async () => {
    const { service, secrets, testConnection, fileText } = await setup()
    testConnection.mockImplementationOnce(async () => {
      expect(secrets.calls).toEqual([]) // nothing stored before the test succeeded
      expect(await fileText()).toBe('<no file>')
    })
    const acc = await service.add(storeInput(), `  ${KEY} `)
    expect(testConnection).toHaveBeenCalledWith(expect.objectContaining({ id: acc.id, label: 'Main Street' }), KEY)
    expect(secrets.calls).toEqual([`set:${acc.id}`])
    expect(await secrets.get(acc.id)).toBe(KEY)
    expect(service.list()).toEqual([acc])
    expect(acc).not.toHaveProperty('key')
    expect(JSON.parse(await fileText()).accounts).toEqual([acc])
    expect(await service.hasKey(acc.id)).toBe(true)
    expect(await service.getKey(acc.id)).toBe(KEY)
    expectNoKey(await fileText(), service.list(), service.settings())
  })

  it('saves nothing and stores no key when the connection test fails; the error names the store, not the key', async () => {
    const { service, secrets, fileText } = await setup()
    const err = await service.add(storeInput(), `WRONG-${KEY}`).catch((e) => e)
    expect(err).toBeInstanceOf(AccountError)
    expect(err).toMatchObject({ kind: 'connection' })
    expect(err.message).toMatch(/could not open the dashboard of "Main Street" with this key: The server said: invalid key \[redacted\]/)
    expectNoKey(err)
    expect(secrets.calls).toEqual([])
    expect(service.list()).toEqual([])
    expect(await fileText()).toBe('<no file>')
  })

  it('keeps the kind of the connection failure underneath (the CLI maps it to an exit code)', async () => {
    const { service, testConnection } = await setup()
    testConnection.mockImplementationOnce(async () => {
      throw Object.assign(new Error('The server refused the request: bad key'), { kind: 'api' })
    })
    const refused = await service.add(storeInput(), KEY).catch((e) => e)
    expect(refused).toMatchObject({ kind: 'connection', cause: { kind: 'api' } })
    const plain = await service.add(storeInput(), `WRONG-${KEY}`).catch((e) => e)
    expect(plain).toMatchObject({ kind: 'connection' })
    expect(plain.cause).toBeUndefined()
  })

  it('refuses invalid input and empty keys before testing anything', async () => {
    const { service, testConnection } = await setup()
    await expect(service.add(storeInput({ colour: 'teal' }), KEY)).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/#rrggbb/),
    })
    await expect(service.add(storeInput({ endpoint: 'http://shop.example' }), KEY)).rejects.toMatchObject({ kind: 'invalid' })
    await expect(service.add({ ...storeInput(), demo: true } as never, KEY)).rejects.toMatchObject({ kind: 'invalid' })
    await expect(service.add(storeInput(), '   ')).rejects.toMatchObject({ kind: 'invalid', message: 'The API key is empty.' })
    expect(testConnection).not.toHaveBeenCalled()
  })

  it('refuses a store whose name or ids hold its key, without repeating the key', async () => {
    const { service, testConnection, fileText } = await setup()
    for (const [field, name] of [
      ['label', 'store name'],
      ['userId', 'user id'],
      ['accountId', 'account id'],
    ] as const) {
      const err = await service.add(storeInput({ [field]: `x${KEY}` }), KEY).catch((e: unknown) => e)
      expect(err).toMatchObject({ kind: 'invalid', message: `The ${name} contains the API key; the key goes only in the API key field.` })
      expectNoKey(err)
    }
    const a = await service.add(storeInput(), KEY)
    await expect(service.update(a.id, { label: KEY }, KEY)).rejects.toMatchObject({ kind: 'invalid' })
    // Renamed without a new key: checked against the key the keychain holds.
    await expect(service.update(a.id, { label: `shop ${KEY}` })).rejects.toMatchObject({ kind: 'invalid' })
    expect((await service.update(a.id, { label: 'Main Street West' })).label).toBe('Main Street West')
    expect(testConnection).toHaveBeenCalledTimes(1)
    expect(await fileText()).not.toContain(KEY)
  })

  it('keeps a store name to one plain line: control characters become spaces, direction overrides go', async () => {
    const { service } = await setup()
    const a = await service.add(storeInput({ label: ' Evil\u0000\nline\u202Eabc\u2066 ' }), KEY)
    expect(a.label).toBe('Evil lineabc')
    await expect(service.add(storeInput({ label: '\u202E\n' }), KEY)).rejects.toMatchObject({ kind: 'invalid' })
  })

  it('never drops a saved store for its name: one made only of invisible characters reads as "Store"', () => {
    const saved = { id: '0b7f3c1e-1a2b-4c3d-8e9f-001122334455', ...storeInput() }
    for (const label of ['\u202e', '\u0000', '\u2066\u2069', 'x'.repeat(80)]) {
      const parsed = storedAccountSchema.safeParse({ ...saved, label })
      expect(parsed.success, JSON.stringify(label)).toBe(true)
      expect(parsed.data!.label).toBe(label.startsWith('x') ? 'x'.repeat(60) : 'Store')
    }
  })

  it('refuses a duplicate (same endpoint, user and account), naming the existing store', async () => {
    const { service, testConnection } = await setup()
    await service.add(storeInput(), KEY)
    const dup = service.add(storeInput({ label: 'Again', endpoint: 'https://API.clienttoolbox.com/api.php' }), KEY)
    await expect(dup).rejects.toMatchObject({
      kind: 'duplicate',
      message: expect.stringMatching(/already in Storeglance as "Main Street"/),
    })
    expect(testConnection).toHaveBeenCalledTimes(1)
    await service.add(storeInput({ label: 'Other store', accountId: '1002' }), KEY) // another store is fine
    expect(service.list()).toHaveLength(2)
  })

  it('two simultaneous adds of the same store: one wins, the other is a duplicate', async () => {
    const { service } = await setup()
    const results = await Promise.allSettled([service.add(storeInput({ label: 'A' }), KEY), service.add(storeInput({ label: 'B' }), KEY)])
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected'])
    expect(service.list()).toHaveLength(1)
  })

  it('deletes the key again when the settings file cannot be saved', async () => {
    const real = openSettingsFile(await tempDir())
    const failing: SettingsFile = {
      path: real.path,
      load: () => real.load(),
      save: async () =>
        Promise.reject(new SettingsFileError('save-failed', 'Storeglance cannot save its settings in /x: permission denied.')),
    }
    const { service, secrets } = await setup({ settingsFile: failing })
    const err = await service.add(storeInput(), KEY).catch((e) => e)
    expect(err).toBeInstanceOf(SettingsFileError)
    expect(secrets.calls).toEqual([expect.stringMatching(/^set:/), expect.stringMatching(/^delete:/)])
    expect(await secrets.get(secrets.calls[0]!.slice(4))).toBeNull()
    expect(service.list()).toEqual([])
  })

  it('with no keychain, add fails with the keychain message and the settings file is unchanged', async () => {
    const dir = await tempDir()
    const settingsFile = openSettingsFile(dir)
    await settingsFile.save({ settings: { ...DEFAULT_SETTINGS }, accounts: [{ id: 'kept', ...storeInput({ accountId: '9' }) }] })
    const before = await readFile(settingsFile.path, 'utf8')
    const noKeychain = new MemorySecretStore()
    noKeychain.set = async () => {
      throw new KeychainUnavailableError(
        'unavailable',
        'Storeglance keeps API keys only in the system keychain… install and unlock a Secret Service',
        'Could not connect',
      )
    }
    const { service } = await setup({ settingsFile, secrets: noKeychain })
    const err = await service.add(storeInput(), KEY).catch((e) => e)
    expect(err).toBeInstanceOf(KeychainUnavailableError)
    expectNoKey(err)
    expect(await readFile(settingsFile.path, 'utf8')).toBe(before)
    expect(service.list().map((a) => a.id)).toEqual(['kept'])
  })

  it('refuses changes up front when the settings file belongs to a newer Storeglance', async () => {
    const dir = await tempDir()
    const settingsFile = openSettingsFile(dir)
    await writeFile(settingsFile.path, JSON.stringify({ version: 7, settings: {}, accounts: [] }))
    const { service, testConnection } = await setup({ settingsFile })
    expect(service.warnings.join()).toMatch(/newer version/)
    await expect(service.add(storeInput(), KEY)).rejects.toMatchObject({ kind: 'read-only' })
    await expect(service.updateSettings({ intervalSec: 600 })).rejects.toMatchObject({ kind: 'read-only' })
    expect(testConnection).not.toHaveBeenCalled()
  })
})

describe('account service: update and remove', () => {
  it('changes anything but the identity', async () => {
    const { service, fileText } = await setup()
    const acc = await service.add(storeInput({ intervalSec: 600 }), KEY)
    const updated = await service.update(acc.id, {
      label: 'Renamed',
      colour: '#00FF00',
      intervalSec: null,
      endpoint: 'https://api.clienttoolbox.com/',
    })
    expect(updated).toMatchObject({
      id: acc.id,
      label: 'Renamed',
      colour: '#00ff00',
      endpoint: acc.endpoint,
      userId: acc.userId,
      accountId: acc.accountId,
    })
    expect(updated).not.toHaveProperty('intervalSec')
    expect(JSON.parse(await fileText()).accounts).toEqual([updated])
    for (const identity of [{ accountId: '2' }, { userId: 'someone' }, { endpoint: 'https://other.example' }]) {
      await expect(service.update(acc.id, identity)).rejects.toMatchObject({
        kind: 'invalid',
        message: expect.stringMatching(/cannot be changed/),
      })
    }
    await expect(service.update(acc.id, { demo: true })).rejects.toMatchObject({ kind: 'invalid' })
    await expect(service.update('no-such-id', { label: 'x' })).rejects.toMatchObject({ kind: 'not-found' })
    expect(service.list()).toEqual([updated])
  })

  it('a new key is tested, then replaces the old one; a failing new key changes nothing', async () => {
    const { service, secrets, testConnection, fileText } = await setup()
    const acc = await service.add(storeInput(), 'OLD-KEY-1')
    const before = await fileText()
    const err = await service.update(acc.id, { label: 'Not applied' }, `WRONG-${KEY}`).catch((e) => e)
    expect(err).toMatchObject({ kind: 'connection' })
    expectNoKey(err)
    expect(await secrets.get(acc.id)).toBe('OLD-KEY-1')
    expect(await fileText()).toBe(before)
    await service.update(acc.id, {}, KEY)
    expect(testConnection).toHaveBeenLastCalledWith(expect.objectContaining({ id: acc.id }), KEY)
    expect(await secrets.get(acc.id)).toBe(KEY)
    expectNoKey(await fileText(), service.list())
  })

  it('remove deletes the key, the saved store, and calls onRemoved', async () => {
    const { service, secrets, onRemoved, fileText } = await setup()
    const a = await service.add(storeInput(), KEY)
    const b = await service.add(storeInput({ label: 'Second', accountId: '2' }), 'OTHER-KEY')
    expect(await service.remove(a.id)).toEqual({ warnings: [], keyLeft: false })
    expect(await secrets.get(a.id)).toBeNull()
    expect(await secrets.get(b.id)).toBe('OTHER-KEY')
    expect(onRemoved).toHaveBeenCalledWith(a.id)
    expect(JSON.parse(await fileText()).accounts.map((x: Account) => x.id)).toEqual([b.id])
    expect(await service.hasKey(a.id)).toBe(false)
    await expect(service.remove(a.id)).rejects.toMatchObject({ kind: 'not-found' })
  })

  it('remove still removes the store when the keychain or the cleanup hook fail, and says so', async () => {
    const { service, secrets, onRemoved } = await setup()
    const a = await service.add(storeInput(), KEY)
    secrets.delete = async () =>
      Promise.reject(new KeychainUnavailableError('locked', 'your keyring is locked: unlock your keyring', 'locked'))
    onRemoved.mockRejectedValueOnce(new Error('disk gone'))
    const { warnings, keyLeft } = await service.remove(a.id)
    expect(keyLeft).toBe(true)
    expect(warnings[0]).toContain(`Delete the entry "Storeglance/${a.id}"`)
    expect(warnings).toEqual([
      expect.stringMatching(/"Main Street" was removed, but its API key could not be deleted.*unlock your keyring/),
      expect.stringMatching(/saved figures.*disk gone/),
    ])
    expect(service.list()).toEqual([])
  })
})

describe('account service: settings', () => {
  it('validates and saves settings; a failed save changes nothing in memory', async () => {
    const real = openSettingsFile(await tempDir())
    let fail = false
    const flaky: SettingsFile = {
      path: real.path,
      load: () => real.load(),
      save: (d) => (fail ? Promise.reject(new SettingsFileError('save-failed', 'cannot save')) : real.save(d)),
    }
    const { service } = await setup({ settingsFile: flaky })
    expect(
      await service.updateSettings({
        intervalSec: 900,
        alerts: { ...DEFAULT_SETTINGS.alerts, quietHours: { from: '22:00', to: '07:00', days: [0, 1, 2, 3, 4, 5, 6] } },
      }),
    ).toMatchObject({ intervalSec: 900 })
    await expect(service.updateSettings({ intervalSec: 10 })).rejects.toMatchObject({
      kind: 'invalid',
      message: expect.stringMatching(/at least 60/),
    })
    await expect(service.updateSettings({ colourScheme: 'dark' })).rejects.toMatchObject({ kind: 'invalid' })
    fail = true
    await expect(service.updateSettings({ alerts: { ...DEFAULT_SETTINGS.alerts, enabled: false } })).rejects.toThrow('cannot save')
    expect(service.settings()).toEqual({
      ...DEFAULT_SETTINGS,
      intervalSec: 900,
      alerts: { ...DEFAULT_SETTINGS.alerts, quietHours: { from: '22:00', to: '07:00', days: [0, 1, 2, 3, 4, 5, 6] } },
    })
    expect((await real.load()).settings.intervalSec).toBe(900)
  })
})

describe('account service: demo stores', () => {
  const demoSeed = (n: number) => ({
    input: storeInput({ label: `Demo ${n}`, endpoint: 'http://127.0.0.1:4567', accountId: `demo-${n}` }),
    key: `${KEY}-demo-${n}`,
  })

  it('are kept in memory with their keys in the memory store, never in the file or the keychain', async () => {
    const { service, secrets, demoSecrets, fileText, testConnection, onRemoved } = await setup()
    const [d1, d2] = await service.addDemo([demoSeed(1), demoSeed(2)])
    expect(d1).toMatchObject({ demo: true, label: 'Demo 1' })
    expect(await fileText()).toBe('<no file>')
    expect(secrets.calls).toEqual([])
    expect(await demoSecrets.get(d1!.id)).toBe(`${KEY}-demo-1`)
    expect(await service.getKey(d2!.id)).toBe(`${KEY}-demo-2`)
    expect(testConnection).not.toHaveBeenCalled()

    const real = await service.add(storeInput(), 'REAL-KEY')
    await service.update(d1!.id, { label: 'Demo one' })
    expect(JSON.parse(await fileText()).accounts).toEqual([real])
    expect(await fileText()).not.toContain('demo')
    expect(service.list().map((a) => a.label)).toEqual(['Main Street', 'Demo one', 'Demo 2'])

    await service.remove(d2!.id)
    expect(onRemoved).toHaveBeenCalledWith(d2!.id)
    expect(await demoSecrets.get(d2!.id)).toBeNull()
    await service.clearDemo()
    expect(service.list()).toEqual([real])
    expect(JSON.parse(await fileText()).accounts).toEqual([real])
  })
})

describe('account service: loading', () => {
  it('surfaces what was repaired at start-up and keeps the valid stores', async () => {
    const dir = await tempDir()
    const settingsFile = openSettingsFile(dir)
    await writeFile(
      settingsFile.path,
      JSON.stringify({
        version: 1,
        settings: { intervalSec: 300, alerts: DEFAULT_SETTINGS.alerts },
        accounts: [
          { id: 'good', ...storeInput() },
          { id: 'bad', label: 'Broken' },
        ],
      }),
    )
    const { service } = await setup({ settingsFile })
    expect(service.list().map((a) => a.id)).toEqual(['good'])
    expect(service.warnings.join('\n')).toMatch(/"Broken" was invalid/)
  })
})
