/**
 * One cross-process lock on the user data folder. The app and every CLI command take it for each
 * read-modify-write of settings.json, the snapshots and the history (and any later file of user
 * data), so two processes never interleave their changes: each re-reads what it is about to change
 * while holding the lock, merges, writes, and lets go.
 *
 * The lock is `proper-lockfile`'s: an atomic `mkdir` of `<dir>/.storeglance.lock`, whose mtime the
 * holder refreshes every few seconds; a lock not refreshed for `STALE_MS` (its holder crashed or
 * was killed) is taken over by the next process. Waiting is asynchronous (retries on timers), so
 * the event loop is never blocked. Inside one process, callers queue in memory first, and a call
 * made while the same async flow already holds the lock runs at once (no self-deadlock).
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { createKeyedQueue } from './queue'

/** Name of the lock directory inside the user data folder. */
export const LOCK_NAME = '.storeglance.lock'
/** A lock whose holder has not refreshed it for this long is considered abandoned and taken over. */
export const STALE_MS = 10_000

/** Thrown when the lock could not be had in time (another process holds it for too long). */
export class DataLockError extends Error {
  override readonly name = 'DataLockError'
  readonly kind = 'lock' as const
}

/** The user data folder's lock. */
export interface DataLock {
  /** The lock directory (for messages and diagnostics). */
  readonly path: string
  /** Runs `fn` while holding the lock; re-entrant within the same async flow. */
  run<T>(fn: () => Promise<T>): Promise<T>
}

export interface DataLockOptions {
  /** How long to keep trying before giving up with DataLockError (default 30 s). */
  waitMs?: number
  /** Told when the lock was lost while held (its directory removed or not refreshable). */
  onCompromised?: (err: Error) => void
}

/** Locks already made, per folder: one lock object (and one in-memory queue) per folder and process. */
const locks = new Map<string, DataLock>()

/** The lock of user data folder `dir` (shared by every caller in this process). */
export function dataLock(dir: string, options: DataLockOptions = {}): DataLock {
  const known = locks.get(dir)
  if (known) return known
  const created = createDataLock(dir, options)
  locks.set(dir, created)
  return created
}

/** Creates a lock on `dir`; prefer `dataLock()`, which shares one per folder. */
export function createDataLock(dir: string, options: DataLockOptions = {}): DataLock {
  const path = join(dir, LOCK_NAME)
  // The token goes inactive at release: timers and promises started under the lock and running later
  // must queue like anyone else.
  const held = new AsyncLocalStorage<{ active: boolean }>()
  const queue = createKeyedQueue()
  const waitMs = options.waitMs ?? 30_000
  const onCompromised = options.onCompromised ?? ((err: Error) => console.warn(`Storeglance data lock: ${err.message}`))

  async function acquire(): Promise<() => Promise<void>> {
    await fs.mkdir(dir, { recursive: true, mode: 0o700 })
    try {
      return await lockfile.lock(dir, {
        lockfilePath: path,
        realpath: false,
        stale: STALE_MS,
        // ~50 ms apart at first, then up to 250 ms: short waits stay short, long ones stay cheap.
        retries: { retries: Math.ceil(waitMs / 200), minTimeout: 30, maxTimeout: 250, factor: 1.3, randomize: true },
        onCompromised,
      })
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code
      if (code === 'ELOCKED') {
        throw new DataLockError(`Another Storeglance process kept the data folder ${dir} busy for too long; try again.`)
      }
      throw err
    }
  }

  return {
    path,
    run<T>(fn: () => Promise<T>): Promise<T> {
      if (held.getStore()?.active) return fn()
      return queue('lock', async () => {
        const release = await acquire()
        const token = { active: true }
        try {
          return await held.run(token, fn)
        } finally {
          token.active = false
          await release().catch(() => undefined)
        }
      })
    },
  }
}
