/**
 * API keys live in the OS keychain and nowhere else (DESIGN.md, rule 1): keytar over the Secret
 * Service on Linux, the Keychain on macOS, the Credential Manager on Windows. When no keychain can
 * be used, every call throws a KeychainUnavailableError that tells the user what to install or
 * unlock; there is deliberately no plaintext fallback.
 *
 * This module imports nothing but types and the redaction rule (itself free of imports), so a test
 * can transpile the two alone and run them in a child process with a broken D-Bus address.
 */
import type { SecretStore } from '../ports'
import { redact } from '../redact'

/** The keychain "service" of every entry; the entry's "account" is our local Account.id. */
export const KEYCHAIN_SERVICE = 'Storeglance'

/** Why the keychain cannot be used: native module missing, no keychain service, or locked. */
export type KeychainFailure = 'module' | 'unavailable' | 'locked'

/** The keychain cannot be used; the message says what the user can do about it. Never contains a key. */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError'
  readonly kind = 'keychain' as const
  constructor(
    readonly reason: KeychainFailure,
    message: string,
    /** The underlying error's text (key redacted), for logs and bug reports. */
    readonly detail: string,
  ) {
    super(message)
  }
}

/** The part of keytar we use. */
interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>
  setPassword(service: string, account: string, password: string): Promise<void>
  deletePassword(service: string, account: string): Promise<boolean>
}

/** Loads the keytar module; injectable so tests can simulate a missing native module. */
export type KeytarLoader = () => Promise<unknown>

export interface KeytarSecretStoreOptions {
  service?: string
  load?: KeytarLoader
  platform?: NodeJS.Platform
}

const PREFIX = 'Storeglance keeps API keys only in the system keychain, never in a file, and cannot use it right now: '

/**
 * What to install when keytar is absent altogether (it is an optional dependency: `npm install`
 * succeeds where its native module cannot be built, and leaves it out).
 */
export function keytarMissingAdvice(platform: NodeJS.Platform = process.platform): string {
  const start = 'the keychain module (keytar) is not installed: it could not be built when Storeglance was installed. '
  const again = 'then run `npm install` again in the Storeglance folder.'
  if (platform === 'darwin') return `${start}Install the Xcode Command Line Tools (xcode-select --install), ${again}`
  if (platform === 'win32')
    return `${start}Install the Visual Studio Build Tools with the "Desktop development with C++" workload, ${again}`
  return `${start}Install libsecret's development files and a C++ toolchain (Debian/Ubuntu: sudo apt-get install libsecret-1-dev build-essential python3; Fedora: sudo dnf install libsecret-devel gcc-c++ make python3), ${again}`
}

/** True when a load error means keytar (or its native file) is not there at all. */
function isMissingModule(detail: string): boolean {
  return /Cannot find (?:module|package) ['"](?:keytar|[^'"]*keytar\.node)['"]|MODULE_NOT_FOUND|ERR_MODULE_NOT_FOUND/.test(detail)
}

/** What to tell the user for each failure on each platform (`detail`: the underlying error text). */
export function keychainAdvice(reason: KeychainFailure, platform: NodeJS.Platform = process.platform, detail = ''): string {
  if (reason === 'module' && isMissingModule(detail)) return keytarMissingAdvice(platform)
  if (reason === 'module') {
    return platform === 'linux'
      ? 'the keychain module (keytar) could not be loaded. Install libsecret (package libsecret-1-0) and a Secret Service such as GNOME Keyring, or reinstall Storeglance.'
      : 'the keychain module (keytar) could not be loaded. Reinstall Storeglance.'
  }
  if (reason === 'locked') {
    if (platform === 'darwin') return 'your keychain is locked: unlock your login keychain (Keychain Access) and try again.'
    return 'your keyring is locked: unlock your keyring (for example log in again, or open "Passwords and Keys") and try again.'
  }
  if (platform === 'darwin') return 'the macOS Keychain could not be reached. Check your login keychain in Keychain Access and try again.'
  if (platform === 'win32')
    return 'Windows Credential Manager could not be reached. Check that the Credential Manager service is running and try again.'
  return 'no Secret Service answered: install and unlock a Secret Service such as GNOME Keyring or KWallet (package gnome-keyring / libsecret), then try again.'
}

/** `text` without `secret` (a native error could, in theory, echo it), shortened for a message. */
function scrub(text: string, secret?: string): string {
  return redact(text, secret).slice(0, 300)
}

/** Classifies a keytar/libsecret error message. */
function classify(detail: string): KeychainFailure {
  return /locked|unlock|prompt|dismissed|interaction is not allowed/i.test(detail) ? 'locked' : 'unavailable'
}

function isKeytar(mod: unknown): mod is KeytarLike {
  const m = mod as Partial<KeytarLike> | null
  return !!m && typeof m.getPassword === 'function' && typeof m.setPassword === 'function' && typeof m.deletePassword === 'function'
}

/** The real keychain, through keytar loaded on first use (a broken native module must not crash startup). */
export class KeytarSecretStore implements SecretStore {
  private readonly service: string
  private readonly loader: KeytarLoader
  private readonly platform: NodeJS.Platform
  private loaded: KeytarLike | null = null

  constructor(options: KeytarSecretStoreOptions = {}) {
    this.service = options.service ?? KEYCHAIN_SERVICE
    this.loader = options.load ?? (() => import('keytar'))
    this.platform = options.platform ?? process.platform
  }

  /** The key stored for `id`, or null when there is none. */
  async get(id: string): Promise<string | null> {
    const keytar = await this.module()
    return this.call(() => keytar.getPassword(this.service, checkId(id)))
  }

  /** Stores (or replaces) the key for `id`. */
  async set(id: string, key: string): Promise<void> {
    if (typeof key !== 'string' || key.length === 0) throw new TypeError('An empty API key cannot be stored')
    const keytar = await this.module()
    await this.call(() => keytar.setPassword(this.service, checkId(id), key), key)
  }

  /** Deletes the key for `id`; false when there was none. */
  async delete(id: string): Promise<boolean> {
    const keytar = await this.module()
    return this.call(() => keytar.deletePassword(this.service, checkId(id)))
  }

  private async module(): Promise<KeytarLike> {
    if (this.loaded) return this.loaded
    let mod: unknown
    try {
      mod = await this.loader()
    } catch (err) {
      throw this.failure('module', scrub(String((err as Error)?.message ?? err)))
    }
    const candidate = isKeytar(mod) ? mod : (mod as { default?: unknown } | null)?.default
    if (!isKeytar(candidate)) throw this.failure('module', 'keytar did not export getPassword/setPassword/deletePassword')
    this.loaded = candidate
    return candidate
  }

  private async call<T>(op: () => Promise<T>, secret?: string): Promise<T> {
    try {
      return await op()
    } catch (err) {
      const detail = scrub(String((err as Error)?.message ?? err), secret)
      throw this.failure(classify(detail), detail)
    }
  }

  private failure(reason: KeychainFailure, detail: string): KeychainUnavailableError {
    return new KeychainUnavailableError(reason, `${PREFIX}${keychainAdvice(reason, this.platform, detail)} (${detail})`, detail)
  }
}

function checkId(id: string): string {
  if (typeof id !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new TypeError('Invalid keychain entry id')
  return id
}

/** Keys kept in this process's memory only: the demo stores, whose keys are throwaway. */
export class MemorySecretStore implements SecretStore {
  private readonly keys = new Map<string, string>()

  /** The key for `id`, or null. */
  async get(id: string): Promise<string | null> {
    return this.keys.get(id) ?? null
  }

  /** Stores the key for `id` in memory. */
  async set(id: string, key: string): Promise<void> {
    this.keys.set(id, key)
  }

  /** Forgets the key for `id`; false when there was none. */
  async delete(id: string): Promise<boolean> {
    return this.keys.delete(id)
  }
}
