/**
 * The last good snapshot of each store, and the one before it, kept on disk so the app shows
 * figures ("as of …") straight after a restart or while offline.
 *
 * Files, per store (our local Account.id): `<dir>/<id>.current.json` and `<dir>/<id>.previous.json`,
 * each `{ version: 1, savedAt, snapshot }`. "previous" is the last snapshot whose data (everything
 * but `fetchedAt`) differed from the current one.
 *
 * Write order when the data changed (current C, previous P, new N), each step one atomic write:
 *   1. previous.json := C   → on disk (C, C): a crash here leaves C as the current copy
 *   2. current.json  := N   → on disk (N, C)
 * Every file is replaced by rename, so each is always either the whole old or the whole new
 * content, and at every moment current.json holds the last snapshot whose save() resolved (or
 * the one being saved). P is the only thing a crash between the steps can lose. A previous copy
 * equal to the current one is not reported as "previous" (see `fromDisk`).
 */
import { join } from 'node:path'
import type { StoreSnapshot } from '../../../shared/model'
import type { Clock } from '../ports'
import { systemClock } from '../ports'
import { writeFileAtomic } from '../fsAtomic'
import { snapshotDataKey, snapshotEnvelopeSchema, type SnapshotEnvelope } from './schema'
import {
  assertSafeId,
  describeInstant,
  fileStamp,
  readGuarded,
  damageDetail,
  MAX_SNAPSHOT_FILE_BYTES,
  readValid,
  removeFamily,
  asideClause,
  sweepTempFiles,
  type ReadOutcome,
} from './files'
import { createKeyedQueue } from '../queue'
import type { DataLock } from '../dataLock'

/** Unchanged data is rewritten only when the stored fetchedAt lags the newest by more than this. */
export const REFRESH_AFTER_MS = 15 * 60_000

/** Called with a message the user can read when a saved file was damaged and set aside. */
export type WarningSink = (message: string, detail: { id: string; file: string | null }) => void

export interface SnapshotStoreOptions {
  /** `<userData>/snapshots`; created on the first write. */
  dir: string
  clock?: Clock
  onWarning?: WarningSink
  /** The user data folder's lock, held for every write (another process may write the same files). */
  lock?: DataLock
}

export interface LoadedSnapshots {
  current: StoreSnapshot | null
  previous: StoreSnapshot | null
}

export interface SaveResult {
  /** The data differed from the current snapshot (or there was none). */
  changed: boolean
  /** Something was written to disk by this call. */
  written: boolean
}

export interface SnapshotStore {
  load(id: string): Promise<LoadedSnapshots>
  save(id: string, snapshot: StoreSnapshot): Promise<SaveResult>
  remove(id: string): Promise<void>
  flush(): Promise<void>
}

interface Slot {
  snapshot: StoreSnapshot
  key: string
}

/** What we know of one store: the logical current/previous, and the fetchedAt current.json holds. */
interface State {
  current: Slot | null
  previous: Slot | null
  diskFetchedAt: string | null
}

const slot = (snapshot: StoreSnapshot): Slot => ({ snapshot, key: snapshotDataKey(snapshot) })
const isPending = (s: State) => s.current !== null && s.current.snapshot.fetchedAt !== s.diskFetchedAt
const isPendingState = (s: State | undefined) => s !== undefined && isPending(s)
/** Whether saving `snapshot` (same data) would leave the stored age more than REFRESH_AFTER_MS off. */
function lagsBehind(s: State, snapshot: StoreSnapshot): boolean {
  if (s.diskFetchedAt === null) return true
  return Math.abs(Date.parse(snapshot.fetchedAt) - Date.parse(s.diskFetchedAt)) > REFRESH_AFTER_MS
}

/**
 * Creates the snapshot store. Reads are defensive (a damaged file is quarantined, the other copy
 * is used, `onWarning` is told) and never throw; writes are atomic and skipped when nothing changed.
 */
export function createSnapshotStore(options: SnapshotStoreOptions): SnapshotStore {
  return new FileSnapshotStore(options)
}

class FileSnapshotStore implements SnapshotStore {
  private readonly dir: string
  private readonly clock: Clock
  private readonly warn: WarningSink
  private readonly states = new Map<string, State>()
  private readonly serial = createKeyedQueue()
  /** Per store, the fingerprint of current.json as we last read or wrote it. */
  private readonly stamps = new Map<string, string | null>()
  private readonly locked: <T>(fn: () => Promise<T>) => Promise<T>

  constructor(options: SnapshotStoreOptions) {
    this.dir = options.dir
    this.clock = options.clock ?? systemClock
    this.warn = options.onWarning ?? ((message) => console.warn(message))
    const lock = options.lock
    this.locked = lock ? (fn) => lock.run(fn) : (fn) => fn()
  }

  /** The store's last good snapshot and the one before it; never throws on a bad file. */
  async load(id: string): Promise<LoadedSnapshots> {
    assertSafeId(id)
    return this.serial(id, async () => view(await this.stateOf(id)))
  }

  /** Keeps `snapshot` as the store's newest; writes only when its data changed or its age would lie. */
  async save(id: string, snapshot: StoreSnapshot): Promise<SaveResult> {
    assertSafeId(id)
    return this.serial(id, () => this.saveNow(id, snapshot))
  }

  /** Deletes every file kept for the store (used when the owner removes it). */
  async remove(id: string): Promise<void> {
    assertSafeId(id)
    return this.serial(id, () =>
      this.locked(async () => {
        this.states.delete(id)
        this.stamps.delete(id)
        await removeFamily(this.dir, bases(id))
      }),
    )
  }

  /** Writes any newer fetchedAt still held in memory (called at shutdown); tries every store. */
  async flush(): Promise<void> {
    const ids = [...this.states.keys()]
    const pending = ids.filter((id) => isPendingState(this.states.get(id)))
    const results = await Promise.allSettled(
      pending.map((id) =>
        this.serial(id, () =>
          this.locked(async () => {
            // Another process wrote newer figures meanwhile: ours are older, leave theirs.
            if (await this.changedOnDisk(id)) return
            await this.writeCurrentIfPending(id)
          }),
        ),
      ),
    )
    const errors = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []))
    if (errors.length) throw new AggregateError(errors, 'Some saved figures could not be written')
  }

  private file(id: string, which: 'current' | 'previous'): string {
    return join(this.dir, `${id}.${which}.json`)
  }

  private async write(file: string, snapshot: StoreSnapshot): Promise<void> {
    const envelope: SnapshotEnvelope = { version: 1, savedAt: new Date(this.clock.now()).toISOString(), snapshot }
    await writeFileAtomic(file, JSON.stringify(envelope))
  }

  /** The store's state, read from disk on first use. Call inside `serial(id)`. */
  private async stateOf(id: string): Promise<State> {
    const known = this.states.get(id)
    if (known) return known
    await sweepTempFiles(this.dir, bases(id))
    const now = new Date(this.clock.now())
    const cur = await readGuarded(this.file(id, 'current'), snapshotEnvelopeSchema, now, MAX_SNAPSHOT_FILE_BYTES)
    const prev = await readGuarded(this.file(id, 'previous'), snapshotEnvelopeSchema, now, MAX_SNAPSHOT_FILE_BYTES)
    this.reportDamage(id, cur, prev)
    const state = fromDisk(cur, prev)
    this.states.set(id, state)
    this.stamps.set(id, await fileStamp(this.file(id, 'current')))
    return state
  }

  /**
   * Whether another process saved this store's figures since we last read or wrote current.json
   * (call under the lock). If so, our picture is forgotten and the next read adopts theirs. A file
   * that changed into something unreadable is damage, not news: we keep what we know and write over it.
   */
  private async changedOnDisk(id: string): Promise<boolean> {
    if (!this.states.has(id)) return false
    const file = this.file(id, 'current')
    if ((await fileStamp(file)) === this.stamps.get(id)) return false
    if ((await readValid(file, snapshotEnvelopeSchema, MAX_SNAPSHOT_FILE_BYTES)) === null) return false
    this.states.delete(id)
    this.stamps.delete(id)
    return true
  }

  private reportDamage(id: string, cur: ReadOutcome<SnapshotEnvelope>, prev: ReadOutcome<SnapshotEnvelope>): void {
    if (cur.kind === 'damaged') {
      const aside = asideClause(cur, this.file(id, 'current'), true)
      const fallback =
        prev.kind === 'ok'
          ? `showing the copy from ${describeInstant(prev.value.snapshot.fetchedAt)}.`
          : 'no earlier copy could be used, so figures will appear after the next refresh.'
      this.warn(`The saved figures for ${id} were damaged${damageDetail(cur)} and ${aside}; ${fallback}`, { id, file: cur.quarantinedAs })
    }
    if (prev.kind === 'damaged') {
      const aside = asideClause(prev, this.file(id, 'previous'), true)
      const rest =
        cur.kind === 'ok'
          ? `the latest figures (from ${describeInstant(cur.value.snapshot.fetchedAt)}) are unaffected.`
          : 'no copy is left.'
      this.warn(`The earlier saved figures for ${id} were damaged${damageDetail(prev)} and ${aside}; ${rest}`, {
        id,
        file: prev.quarantinedAs,
      })
    }
  }

  private async saveNow(id: string, snapshot: StoreSnapshot): Promise<SaveResult> {
    const known = await this.stateOf(id)
    const next = slot(structuredClone(snapshot))
    if (known.current && known.current.key === next.key && !lagsBehind(known, snapshot)) {
      known.current = next
      return { changed: false, written: false } // nothing to write: no lock needed
    }
    // A write: under the folder's lock, from the files as they are now (another process may have saved).
    return this.locked(async () => {
      await this.changedOnDisk(id)
      return this.saveLocked(id, await this.stateOf(id), next)
    })
  }

  private async saveLocked(id: string, state: State, next: Slot): Promise<SaveResult> {
    if (state.current && state.current.key === next.key) {
      const lag = lagsBehind(state, next.snapshot)
      state.current = next
      if (!lag) return { changed: false, written: false }
      await this.writeCurrentIfPending(id)
      return { changed: false, written: true }
    }
    const old = state.current
    await this.guard(id, async () => {
      if (old) await this.write(this.file(id, 'previous'), old.snapshot) // step 1: see the file comment
      await this.write(this.file(id, 'current'), next.snapshot) // step 2
    })
    this.states.set(id, { current: next, previous: old, diskFetchedAt: next.snapshot.fetchedAt })
    this.stamps.set(id, await fileStamp(this.file(id, 'current')))
    return { changed: true, written: true }
  }

  private async writeCurrentIfPending(id: string): Promise<void> {
    const state = this.states.get(id)
    if (!state?.current || !isPending(state)) return
    const { snapshot } = state.current
    await this.guard(id, () => this.write(this.file(id, 'current'), snapshot))
    state.diskFetchedAt = snapshot.fetchedAt
    this.stamps.set(id, await fileStamp(this.file(id, 'current')))
  }

  /** On a failed write our picture of the disk may be wrong: forget it, re-read next time. */
  private async guard(id: string, work: () => Promise<void>): Promise<void> {
    try {
      await work()
    } catch (err) {
      this.states.delete(id)
      throw err
    }
  }
}

const bases = (id: string) => [`${id}.current.json`, `${id}.previous.json`]

/** Copies, so that callers cannot change what the store keeps. */
const view = (s: State): LoadedSnapshots => ({
  current: s.current ? structuredClone(s.current.snapshot) : null,
  previous: s.previous ? structuredClone(s.previous.snapshot) : null,
})

/**
 * The logical state from what was read. A damaged or missing current falls back to the previous
 * copy; a previous copy with the same data as the current one (left by a crash between the two
 * rotation steps, or by such a fallback) is no "previous" and is not reported.
 */
function fromDisk(cur: ReadOutcome<SnapshotEnvelope>, prev: ReadOutcome<SnapshotEnvelope>): State {
  const c = cur.kind === 'ok' ? slot(cur.value.snapshot) : null
  const p = prev.kind === 'ok' ? slot(prev.value.snapshot) : null
  if (!c) return { current: p, previous: null, diskFetchedAt: null }
  return { current: c, previous: p && p.key !== c.key ? p : null, diskFetchedAt: c.snapshot.fetchedAt }
}
