/**
 * Everything Storeglance keeps in the user data directory, opened the same way by the app and the
 * CLI: settings.json and the accounts (keys in the keychain), the saved snapshots and the history.
 */
import { join } from 'node:path'
import type { Account } from '../../shared/model'
import { fetchDashboard, requestFieldsOf, type DashboardParser } from './api'
import { createAccountService, openSettingsFile, type AccountService } from './accounts'
import type { Clock, SecretStore, Transport } from './ports'
import { dataLock, type DataLock } from './dataLock'
import { createHistoryStore, createSnapshotStore, type HistoryStore, type SnapshotStore } from './snapshots'

export interface UserDataOptions {
  dir: string
  secrets: SecretStore
  clock?: Clock
  transport?: Transport
  parse?: DashboardParser
  /** Problems the user should hear about (a damaged file set aside). */
  warn: (message: string) => void
  /** Runs before a removed store's files are deleted (the app stops its polling first). */
  beforeRemove?: (id: string) => Promise<void>
}

export interface UserData {
  accounts: AccountService
  snapshots: SnapshotStore
  history: HistoryStore
  /** The folder's cross-process lock, for any other read-modify-write of user data (alert state). */
  lock: DataLock
}

/** Opens the user data directory; settings warnings are passed to `warn`. */
export async function openUserData(o: UserDataOptions): Promise<UserData> {
  const onWarning = (m: string) => o.warn(m)
  const clock = o.clock ? { clock: o.clock } : {}
  const lock = dataLock(o.dir)
  const snapshots = createSnapshotStore({ dir: join(o.dir, 'snapshots'), onWarning, lock, ...clock })
  const history = createHistoryStore({ dir: join(o.dir, 'history'), onWarning, lock, ...clock })
  const transport = { ...(o.transport ? { transport: o.transport } : {}), ...(o.parse ? { parse: o.parse } : {}) }
  const accounts = await createAccountService({
    settingsFile: openSettingsFile(o.dir),
    secrets: o.secrets,
    lock,
    onWarning,
    // Adding a store or changing its key: one real dashboard request with that key first.
    testConnection: (account: Account, key: string) => fetchDashboard({ ...requestFieldsOf(account), key, ...transport }),
    onRemoved: async (id) => {
      await o.beforeRemove?.(id)
      await snapshots.remove(id)
      await history.remove(id)
    },
  })
  accounts.warnings.forEach(o.warn)
  return { accounts, snapshots, history, lock }
}
