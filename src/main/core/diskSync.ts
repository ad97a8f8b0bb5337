/**
 * Keeps the running app in step with what other processes (the CLI, mostly) do to the user data
 * folder: settings.json is watched, and on every change (and before each of the app's own changes)
 * the store list is re-read under the data lock. Stores removed elsewhere stop being polled and
 * their files go; stores added elsewhere appear. The watch is a convenience: if the platform
 * cannot watch, the re-read before each change still keeps every write a merge.
 */
import { watch, type FSWatcher } from 'node:fs'
import { mkdirSync } from 'node:fs'
import type { AccountService, AccountsReload } from './accounts'
import { SETTINGS_FILE_NAME } from './accounts'

export interface DiskSyncDeps {
  accounts: AccountService
  /** Stops polling a store and waits for its request in flight (so nothing is saved after). */
  forget(id: string): Promise<void>
  /** Deletes a store's saved figures and history. */
  removeFiles(id: string): Promise<void>
}

/** Re-reads settings.json and applies what others changed; serialized, so two syncs never interleave. */
export function createDiskSync(deps: DiskSyncDeps): { syncNow(): Promise<AccountsReload> } {
  let chain: Promise<unknown> = Promise.resolve()
  return {
    syncNow(): Promise<AccountsReload> {
      const run = chain.then(async () => {
        const diff = await deps.accounts.reload()
        for (const id of diff.removed) {
          // Removed by another process: its request in flight must not write its figures back.
          await deps.forget(id)
          await deps.removeFiles(id)
        }
        return diff
      })
      chain = run.catch(() => undefined)
      return run
    },
  }
}

export interface SettingsWatchOptions {
  /** Changes closer together than this are handled once (an atomic write is several events). */
  debounceMs?: number
  /** Told when watching fails (then only the re-read before each change is left). */
  onError?: (err: Error) => void
}

/**
 * Calls `onChange` (debounced) whenever settings.json in `dir` is replaced or changed. The folder
 * is watched, not the file: every save is a rename, which a watch on the file would not survive.
 * Returns a function that stops watching.
 */
export function watchSettingsFile(dir: string, onChange: () => void, options: SettingsWatchOptions = {}): () => void {
  const debounceMs = options.debounceMs ?? 150
  let timer: ReturnType<typeof setTimeout> | undefined
  let watcher: FSWatcher | null = null
  const fire = () => {
    clearTimeout(timer)
    timer = setTimeout(onChange, debounceMs)
  }
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 })
    watcher = watch(dir, { persistent: false }, (_event, name) => {
      if (name === null || name === SETTINGS_FILE_NAME) fire()
    })
    watcher.on('error', (err) => {
      options.onError?.(err)
      watcher?.close()
    })
  } catch (err) {
    options.onError?.(err as Error)
  }
  return () => {
    clearTimeout(timer)
    watcher?.close()
  }
}
