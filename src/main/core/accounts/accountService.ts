/**
 * The store list as the rest of the app sees it: adding a store tests its key against the real
 * dashboard first, then puts the key in the keychain, then saves the store in settings.json; the
 * key never comes back out except through getKey(), which only the API client calls. Demo stores
 * live in memory only, with their keys in a MemorySecretStore.
 */
import type { Account, AccountInput, Settings } from '../../../shared/model'
import type { SecretStore } from '../ports'
import { AccountError, checkApiKey, refuseKeyInFields, scrubKeyFromErrors } from './accountErrors'
import { redact } from '../api'
import { KEYCHAIN_SERVICE, KeychainUnavailableError, MemorySecretStore } from './keychain'
import { applyAccountPatch } from './accountPatch'
import { accountInputSchema, describeIssues, newAccountId, sameStore, settingsPatchSchema, type StoreIdentity } from './schemas'
import { SettingsFileError, type LoadedSettings, type SettingsFile } from './settingsFile'
import { createKeyedQueue } from '../queue'
import { errorKindOf } from '../../../shared/errorKind'
import type { DataLock } from '../dataLock'
import { ExternalChanges, type AccountsReload } from './reloadDiff'
import { rememberSecret } from '../log/logger'
import { errorMessage } from '../../../shared/errorKind'

/** Checks that `key` opens `account`'s dashboard; throws an Error whose message is for the user. */
export type ConnectionTester = (account: Account, key: string) => Promise<unknown>

export interface AccountServiceDeps {
  settingsFile: SettingsFile
  /** The OS keychain (KeytarSecretStore in the app and CLI). */
  secrets: SecretStore
  testConnection: ConnectionTester
  /** Where demo stores' keys live; a fresh MemorySecretStore by default. */
  demoSecrets?: SecretStore
  /** Called after a store is removed, to delete its snapshots and history. */
  onRemoved?: (id: string) => void | Promise<void>
  /**
   * The user data folder's cross-process lock: every change re-reads settings.json under it, so a
   * store added or removed by another process (the CLI, a second window) is merged, never lost.
   * Without one (unit tests of this class alone), changes are only serialized in this process.
   */
  lock?: DataLock
  /** Told about repairs found when settings.json is re-read after start-up. */
  onWarning?: (message: string) => void
}

/** A demo store to add: its definition and its (throwaway) key. */
export interface DemoAccountSeed {
  input: AccountInput
  key: string
}

export interface AccountService {
  /** Warnings from reading settings.json at start-up, for the user. */
  readonly warnings: readonly string[]
  /** Every store, saved ones first, then demo ones. Copies: never the key. */
  list(): Account[]
  /** Validates, refuses duplicates, tests the key, stores it in the keychain, then saves the store. */
  add(input: AccountInput, key: string): Promise<Account>
  /** Changes anything but the identity; a new key is tested, then replaces the old one. */
  update(id: string, patch: unknown, newKey?: string): Promise<Account>
  /** Removes the store and its key, then calls onRemoved; warnings say what could not be cleaned up. */
  /** `keyLeft`: the store is gone but its key could not be deleted from the keychain (a warning says where it is). */
  remove(id: string): Promise<{ warnings: string[]; keyLeft: boolean }>
  /** True when the keychain holds a key for this store. */
  hasKey(id: string): Promise<boolean>
  /** The store's key, for the API client only; null when the store or its key is unknown. */
  getKey(id: string): Promise<string | null>
  settings(): Settings
  updateSettings(patch: unknown): Promise<Settings>
  /**
   * Changes the settings from what they are now: `edit` runs in turn with every other change, under
   * the folder's lock, on the settings and stores as settings.json holds them at that moment, so two
   * quick edits (or another process's) never undo each other. It returns the patch to save (null:
   * nothing changes), or throws to refuse.
   */
  editSettings(edit: SettingsEdit): Promise<Settings>
  /**
   * Re-reads settings.json under the lock and reports what other processes changed since the last
   * call (including changes noticed while saving our own edits).
   */
  reload(): Promise<AccountsReload>
  /** Adds demo stores: memory only, `demo: true`, never written to settings.json. */
  addDemo(seeds: DemoAccountSeed[]): Promise<Account[]>
  /** Removes every demo store (leaving demo mode). */
  clearDemo(): Promise<void>
}

/** A change computed from the current settings and every store (saved and demo), as `editSettings` takes it. */
export type SettingsEdit = (settings: Settings, stores: readonly Account[]) => Partial<Settings> | null

const clone = <T>(v: T): T => structuredClone(v)
/** Demo stores get stable ids, so their saved figures are found again at the next start. */
const demoAccountId = (accountId: string) => `demo-${accountId.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 60)}`

/** Loads settings.json and returns the account service over it. */
export async function createAccountService(deps: AccountServiceDeps): Promise<AccountService> {
  // Under the lock too: reading may repair the file or move a damaged one aside.
  const loaded = await (deps.lock ? deps.lock.run(() => deps.settingsFile.load()) : deps.settingsFile.load())
  return new AccountServiceImpl(deps, loaded)
}

class AccountServiceImpl implements AccountService {
  readonly warnings: readonly string[]
  private accounts: Account[]
  private current: Settings
  private demo: Account[] = []
  private readOnlyReason: string | null
  private readonly demoSecrets: SecretStore
  private readonly queue = createKeyedQueue()
  private readonly external = new ExternalChanges()
  /** Runs async critical sections one after another (add/update/remove/settings never interleave). */
  private readonly exclusive = <T>(fn: () => Promise<T>): Promise<T> => this.queue('accounts', fn)
  /**
   * A read-modify-write of settings.json: in turn in this process, under the folder's lock across
   * processes, starting from what the file holds now (another process may have changed it).
   */
  private readonly locked = <T>(fn: () => Promise<T>): Promise<T> =>
    this.exclusive(() => (this.deps.lock ? this.deps.lock.run(() => this.refresh().then(fn)) : fn()))

  constructor(
    private readonly deps: AccountServiceDeps,
    loaded: LoadedSettings,
  ) {
    this.warnings = loaded.warnings
    this.accounts = loaded.accounts
    this.current = loaded.settings
    this.readOnlyReason = loaded.readOnlyReason
    this.demoSecrets = deps.demoSecrets ?? new MemorySecretStore()
  }

  /** Adopts what settings.json holds now (call under the lock), noting what others changed. */
  private async refresh(): Promise<void> {
    const loaded = await this.deps.settingsFile.load()
    loaded.warnings.forEach((w) => this.deps.onWarning?.(w))
    this.external.note({ accounts: this.accounts, settings: this.current }, loaded)
    this.accounts = loaded.accounts
    this.current = loaded.settings
    this.readOnlyReason = loaded.readOnlyReason
  }

  reload(): Promise<AccountsReload> {
    return this.exclusive(async () => {
      if (this.deps.lock) await this.deps.lock.run(() => this.refresh())
      return this.external.take()
    })
  }

  list(): Account[] {
    return clone([...this.accounts, ...this.demo])
  }

  settings(): Settings {
    return clone(this.current)
  }

  add(input: AccountInput, key: string): Promise<Account> {
    // The key is used trimmed downstream: scrub both forms. The log will never print it.
    rememberSecret(key)
    return scrubKeyFromErrors(key, () => scrubKeyFromErrors(key.trim(), () => this.addStore(input, key)))
  }

  update(id: string, patch: unknown, newKey?: string): Promise<Account> {
    rememberSecret(newKey)
    return scrubKeyFromErrors(newKey, () => scrubKeyFromErrors(newKey?.trim(), () => this.updateStore(id, patch, newKey)))
  }

  async hasKey(id: string): Promise<boolean> {
    return (await this.getKey(id)) !== null
  }

  async getKey(id: string): Promise<string | null> {
    const acc = this.find(id)
    if (!acc) return null
    const key = await (acc.demo ? this.demoSecrets : this.deps.secrets).get(id)
    rememberSecret(key)
    return key
  }

  private find(id: string): Account | undefined {
    return this.accounts.find((a) => a.id === id) ?? this.demo.find((a) => a.id === id)
  }

  private mustFind(id: string): Account {
    const acc = this.find(id)
    if (!acc) throw new AccountError('not-found', 'That store no longer exists.')
    return acc
  }

  private assertWritable(): void {
    if (this.readOnlyReason) throw new SettingsFileError('read-only', this.readOnlyReason)
  }

  private refuseDuplicate(c: StoreIdentity): void {
    const same = [...this.accounts, ...this.demo].find((a) => sameStore(a, c))
    if (same) {
      throw new AccountError(
        'duplicate',
        `This store is already in Storeglance as "${same.label}" (same endpoint, user id and account id).`,
      )
    }
  }

  /** Tests the key; the tester's message is kept for the user, with the key redacted. */
  private async test(account: Account, key: string): Promise<void> {
    try {
      await this.deps.testConnection(account, key)
    } catch (err) {
      const why = redact(errorMessage(err), key)
      throw new AccountError(
        'connection',
        `Storeglance could not open the dashboard of "${account.label}" with this key: ${why}`,
        errorKindOf(err),
      )
    }
  }

  private async storeKey(id: string, key: string): Promise<void> {
    try {
      await this.deps.secrets.set(id, key)
    } catch (err) {
      if (err instanceof KeychainUnavailableError) throw err
      throw new AccountError('keychain', `The API key could not be stored in the keychain: ${redact(errorMessage(err), key)}`)
    }
  }

  private async addStore(input: AccountInput, rawKey: string): Promise<Account> {
    this.assertWritable()
    const parsed = accountInputSchema.safeParse(input)
    if (!parsed.success) throw new AccountError('invalid', describeIssues(parsed.error))
    const key = checkApiKey(rawKey)
    refuseKeyInFields(parsed.data, key)
    this.refuseDuplicate(parsed.data)
    const account: Account = { id: newAccountId(), ...parsed.data }
    await this.test(account, key) // outside the lock: a slow server must not block other edits
    return this.locked(async () => {
      this.assertWritable()
      this.refuseDuplicate(account) // checked against the file as it is now: another add may have finished
      await this.storeKey(account.id, key)
      try {
        await this.deps.settingsFile.save({ settings: this.current, accounts: [...this.accounts, account] })
      } catch (err) {
        // No orphan: a key whose store could not be saved leaves the keychain again.
        await this.deps.secrets.delete(account.id).catch(() => false)
        throw err
      }
      this.accounts = [...this.accounts, account]
      return clone(account)
    })
  }

  private async updateStore(id: string, patch: unknown, rawKey?: string): Promise<Account> {
    const current = this.mustFind(id)
    if (!current.demo) this.assertWritable()
    const key = rawKey === undefined ? undefined : checkApiKey(rawKey)
    const preview = applyAccountPatch(current, patch)
    // A new name is checked against the key it will be saved with: the new one, else the stored one.
    const checkWith = key ?? (preview.label !== current.label ? await this.storedKey(current).catch(() => null) : null)
    if (checkWith) refuseKeyInFields(preview, checkWith)
    if (key !== undefined && !current.demo) await this.test(preview, key)
    const run = current.demo ? this.exclusive : this.locked
    return run(async () => {
      const next = applyAccountPatch(this.mustFind(id), patch) // re-applied to the latest version
      if (next.demo) {
        if (key !== undefined) await this.demoSecrets.set(id, key)
        this.demo = this.demo.map((a) => (a.id === id ? next : a))
        return clone(next)
      }
      await this.saveWithKey(
        id,
        this.accounts.map((a) => (a.id === id ? next : a)),
        key,
      )
      return clone(next)
    })
  }

  /** Saves `accounts`, first replacing the key of `id` when one is given; on failure, the old key is put back. */
  private async saveWithKey(id: string, accounts: Account[], key: string | undefined): Promise<void> {
    const { secrets, settingsFile } = this.deps
    const oldKey = key !== undefined ? await secrets.get(id) : null
    if (key !== undefined) await this.storeKey(id, key)
    try {
      await settingsFile.save({ settings: this.current, accounts })
    } catch (err) {
      if (key !== undefined) await (oldKey === null ? secrets.delete(id) : secrets.set(id, oldKey)).catch(() => undefined)
      throw err
    }
    this.accounts = accounts
  }

  /** The key a store has now (demo stores' from memory); null when there is none. */
  private storedKey(account: Account): Promise<string | null> {
    return account.demo ? this.demoSecrets.get(account.id) : this.deps.secrets.get(account.id)
  }

  remove(id: string): Promise<{ warnings: string[]; keyLeft: boolean }> {
    return this.exclusive(async () => {
      const warnings: string[] = []
      const saved = this.demo.find((a) => a.id === id) ? null : await this.removeSaved(id, warnings)
      const acc = saved?.account ?? this.demo.find((a) => a.id === id)!
      const keyLeft = saved?.keyLeft ?? false
      if (acc.demo) {
        this.demo = this.demo.filter((a) => a.id !== id)
        await this.demoSecrets.delete(id)
      }
      // Outside the folder's lock: clean-up waits for the store's request in flight, whose save needs the lock.
      try {
        await this.deps.onRemoved?.(id)
      } catch (err) {
        warnings.push(`"${acc.label}" was removed, but its saved figures could not all be deleted: ${errorMessage(err)}`)
      }
      return { warnings, keyLeft }
    })
  }

  /** Removes a saved store from settings.json and its key, under the lock, from the file as it is now. */
  private async removeSaved(id: string, warnings: string[]): Promise<{ account: Account; keyLeft: boolean }> {
    const work = async (): Promise<{ account: Account; keyLeft: boolean }> => {
      if (this.deps.lock) await this.refresh()
      const acc = this.mustFind(id)
      this.assertWritable()
      const remaining = this.accounts.filter((a) => a.id !== id)
      await this.deps.settingsFile.save({ settings: this.current, accounts: remaining })
      this.accounts = remaining
      let keyLeft = false
      try {
        await this.deps.secrets.delete(id)
      } catch (err) {
        keyLeft = true
        warnings.push(
          `"${acc.label}" was removed, but its API key could not be deleted from the keychain (${errorMessage(err)}). ` +
            `Delete the entry "${KEYCHAIN_SERVICE}/${id}" (service ${KEYCHAIN_SERVICE}, account ${id}) with your keychain app.`,
        )
      }
      return { account: acc, keyLeft }
    }
    return this.deps.lock ? this.deps.lock.run(work) : work()
  }

  addDemo(seeds: DemoAccountSeed[]): Promise<Account[]> {
    return this.exclusive(async () => {
      const added: Account[] = []
      for (const seed of seeds) {
        const parsed = accountInputSchema.safeParse(seed.input)
        if (!parsed.success) throw new AccountError('invalid', `Demo store: ${describeIssues(parsed.error)}`)
        this.refuseDuplicate(parsed.data)
        const account: Account = { id: demoAccountId(parsed.data.accountId), ...parsed.data, demo: true }
        await this.demoSecrets.set(account.id, checkApiKey(seed.key))
        this.demo = [...this.demo, account]
        added.push(clone(account))
      }
      return added
    })
  }

  async clearDemo(): Promise<void> {
    for (const acc of [...this.demo]) await this.remove(acc.id)
  }

  async updateSettings(patch: unknown): Promise<Settings> {
    const parsed = settingsPatchSchema.safeParse(patch)
    if (!parsed.success) throw new AccountError('invalid', describeIssues(parsed.error))
    this.assertWritable()
    return this.locked(async () => {
      this.assertWritable()
      const next: Settings = { ...this.current, ...parsed.data }
      await this.deps.settingsFile.save({ settings: next, accounts: this.accounts })
      this.current = next
      return clone(next)
    })
  }

  editSettings(edit: SettingsEdit): Promise<Settings> {
    this.assertWritable()
    return this.locked(async () => {
      this.assertWritable()
      const patch = edit(clone(this.current), this.list())
      if (patch === null) return clone(this.current)
      const parsed = settingsPatchSchema.safeParse(patch)
      if (!parsed.success) throw new AccountError('invalid', describeIssues(parsed.error))
      const next: Settings = { ...this.current, ...parsed.data }
      await this.deps.settingsFile.save({ settings: next, accounts: this.accounts })
      this.current = next
      return clone(next)
    })
  }
}
