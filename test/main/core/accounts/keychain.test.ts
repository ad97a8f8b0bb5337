/**
 * The keychain adapter without a working keychain: how failures are classified and worded
 * (in-process, with an injected keytar), and the real module in a child process whose D-Bus
 * address points nowhere.
 */
import { execFile } from 'node:child_process'
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KeychainUnavailableError, KeytarSecretStore, MemorySecretStore } from '../../../../src/main/core/accounts/keychain'
import { KEY } from './fixtures'

const run = promisify(execFile)
const ROOT = resolve(__dirname, '../../../..')

/** A keytar stand-in whose every call fails with `message`. */
const failingKeytar = (message: string) => async () => ({
  getPassword: async () => Promise.reject(new Error(message)),
  setPassword: async () => Promise.reject(new Error(message)),
  deletePassword: async () => Promise.reject(new Error(message)),
})

describe('KeytarSecretStore failure mapping', () => {
  it('a missing native module becomes KeychainUnavailableError, never a fallback', async () => {
    const store = new KeytarSecretStore({ platform: 'linux', load: () => Promise.reject(new Error("Cannot find module 'keytar'")) })
    const err = await store.set('id-1', KEY).catch((e) => e)
    expect(err).toBeInstanceOf(KeychainUnavailableError)
    expect(err.reason).toBe('module')
    expect(err.message).toMatch(
      /keytar\) is not installed.*sudo apt-get install libsecret-1-dev build-essential.*then run `npm install` again/,
    )
    await expect(store.get('id-1')).rejects.toThrow(KeychainUnavailableError)
  })

  it('a native module that is there but cannot load says which library to install', async () => {
    const load = () => Promise.reject(new Error('libsecret-1.so.0: cannot open shared object file: No such file or directory'))
    const err = await new KeytarSecretStore({ platform: 'linux', load }).get('id-1').catch((e) => e)
    expect(err.message).toMatch(/keytar\) could not be loaded.*libsecret-1-0/)
    const mac = await new KeytarSecretStore({ platform: 'darwin', load: () => Promise.reject(new Error("Cannot find module 'keytar'")) })
      .get('a')
      .catch((e) => e)
    expect(mac.message).toMatch(/xcode-select --install/)
  })

  it('a module without the keytar API is refused too', async () => {
    const store = new KeytarSecretStore({ load: async () => ({ default: {} }) })
    await expect(store.get('id-1')).rejects.toMatchObject({ reason: 'module' })
  })

  it.each([
    [
      'Could not connect: No such file or directory',
      'unavailable',
      /install and unlock a Secret Service such as GNOME Keyring or KWallet \(package gnome-keyring \/ libsecret\)/,
    ],
    ['Cannot autolaunch D-Bus without X11 $DISPLAY', 'unavailable', /GNOME Keyring or KWallet/],
    ['Object does not exist at path “/org/freedesktop/secrets/collection/login”', 'unavailable', /Secret Service/],
    ['Cannot create an item in a locked collection', 'locked', /unlock your keyring/],
  ])('Linux error %j → %s', async (message, reason, advice) => {
    const err = await new KeytarSecretStore({ platform: 'linux', load: failingKeytar(message) }).set('id-1', KEY).catch((e) => e)
    expect(err).toBeInstanceOf(KeychainUnavailableError)
    expect(err.reason).toBe(reason)
    expect(err.message).toMatch(advice)
    expect(err.message).toContain(message)
  })

  it('words macOS and Windows failures for those systems', async () => {
    const mac = await new KeytarSecretStore({ platform: 'darwin', load: failingKeytar('User interaction is not allowed.') })
      .get('a')
      .catch((e) => e)
    expect(mac.message).toMatch(/unlock your login keychain/)
    const win = await new KeytarSecretStore({ platform: 'win32', load: failingKeytar('boom') }).get('a').catch((e) => e)
    expect(win.message).toMatch(/Windows Credential Manager/)
  })

  it('redacts the key even if the native layer were to echo it', async () => {
    const err = await new KeytarSecretStore({ load: failingKeytar(`refused secret ${KEY}`) }).set('id-1', KEY).catch((e) => e)
    expect(err.message).not.toContain(KEY)
    expect(err.detail).not.toContain(KEY)
    expect(`${err.stack}`).not.toContain(KEY)
  })

  it('refuses ids that are not ours and empty keys', async () => {
    const store = new KeytarSecretStore({ load: failingKeytar('unused') })
    await expect(store.get('../etc')).rejects.toThrow(/Invalid keychain entry id/)
    await expect(store.set('id-1', '')).rejects.toThrow(/empty API key/)
  })
})

describe('MemorySecretStore', () => {
  it('keeps keys in memory only', async () => {
    const store = new MemorySecretStore()
    expect(await store.get('a')).toBeNull()
    await store.set('a', KEY)
    expect(await store.get('a')).toBe(KEY)
    expect(await store.delete('a')).toBe(true)
    expect(await store.delete('a')).toBe(false)
  })
})

/*
 * The real module in a real child process. keychain.ts imports nothing but types and redact.ts, so
 * TypeScript's own transpiler turns the two into standalone .mjs files; placing it under node_modules/.cache lets its
 * `import('keytar')` resolve to the project's real keytar. The child then has a D-Bus address that
 * points nowhere (or none at all), as on a machine without a session bus.
 */
describe.skipIf(process.platform !== 'linux')('KeytarSecretStore with no D-Bus session (child process, Linux only)', () => {
  let dir = ''
  beforeAll(async () => {
    const transpile = async (file: string) => {
      const source = await readFile(join(ROOT, file), 'utf8')
      return ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText
    }
    await mkdir(join(ROOT, 'node_modules/.cache'), { recursive: true })
    dir = await mkdtemp(join(ROOT, 'node_modules/.cache/storeglance-keychain-test-'))
    // The keychain module's only runtime import is the shared redaction rule, which imports nothing.
    const keychain = (await transpile('src/main/core/accounts/keychain.ts')).replace("from '../redact'", "from './redact.mjs'")
    await writeFile(join(dir, 'keychain.mjs'), keychain)
    await writeFile(join(dir, 'redact.mjs'), await transpile('src/main/core/redact.ts'))
    await writeFile(
      join(dir, 'child.mjs'),
      `import { KeytarSecretStore, KeychainUnavailableError } from './keychain.mjs'
try {
  await new KeytarSecretStore().set('probe-id', process.argv[2])
  console.log(JSON.stringify({ stored: true }))
} catch (e) {
  console.log(JSON.stringify({ isKeychainError: e instanceof KeychainUnavailableError, reason: e.reason, message: e.message }))
}
`,
    )
  }, 30_000)
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  async function child(env: NodeJS.ProcessEnv) {
    const { stdout, stderr } = await run(process.execPath, [join(dir, 'child.mjs'), KEY], { env, timeout: 15_000 })
    return { result: JSON.parse(stdout.trim().split('\n').pop()!), all: stdout + stderr }
  }

  it('a bus address that points nowhere → KeychainUnavailableError saying what to install', async () => {
    const { result, all } = await child({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent',
    })
    expect(result).toMatchObject({ isKeychainError: true, reason: 'unavailable' })
    expect(result.message).toMatch(
      /install and unlock a Secret Service such as GNOME Keyring or KWallet \(package gnome-keyring \/ libsecret\)/,
    )
    expect(all).not.toContain(KEY)
  })

  it('no session bus at all → the same clear error', async () => {
    const { result, all } = await child({ PATH: process.env.PATH, HOME: process.env.HOME })
    expect(result).toMatchObject({ isKeychainError: true, reason: 'unavailable' })
    expect(all).not.toContain(KEY)
  })
})
