/**
 * `<userData>/alerts.json`: the engine's state and the alert log, in one versioned file written
 * atomically, so a restart neither repeats an alert nor forgets an outage, and state and log never
 * disagree. The log keeps the alerts of the last 90 days, at most the newest 1,000: older ones are
 * neither shown nor counted as unread, and are dropped at the next write. A file that cannot be
 * read (or is far too large to be ours) is set aside (never deleted) and the engine starts afresh.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { quarantineUnique, readIfExists, writeFileAtomic } from '../fsAtomic'
import { isFileTooLarge } from '../boundedRead'
import { createKeyedQueue } from '../queue'
import { dataLock } from '../dataLock'
import { isRecord } from '../../../shared/isRecord'
import { step } from './engine'
import { emptyEngineState, ENGINE_STATE_VERSION, type EngineState } from './state'
import { ALERT_KINDS, type EngineContext, type EngineEvent, type LoggedAlert } from './types'
import { errorMessage } from '../../../shared/errorKind'

export const ALERT_FILE_NAME = 'alerts.json'
export const ALERT_FILE_VERSION = 1
export const MAX_LOGGED_ALERTS = 1000
export const LOG_DAYS = 90

export type { LoggedAlert }

interface AlertFile {
  /** In memory only: gathered while the file could not be read, to be merged into it once it can. */
  unsaved?: true
  version: typeof ALERT_FILE_VERSION
  state: EngineState
  log: LoggedAlert[]
  nextId: number
  /** Alerts with an id up to this one are read. */
  readUpTo: number
}

const str = z.string().max(10_000)
const storeStateSchema = z.object({
  failures: z.number().int().min(0),
  outageAlerted: z.boolean(),
  keyAlerted: z.boolean(),
  behindCount: z.number().int().min(0),
  behindFired: z.boolean(),
  quiet: z.object({ value: z.number(), start: str, last: str, window: str, fired: z.boolean() }).nullable(),
  recordDates: z.array(str),
  seenTransactions: z.array(str).nullable(),
  targetMonths: z.array(str),
})
const fileSchema = z.object({
  version: z.literal(ALERT_FILE_VERSION),
  state: z.object({
    version: z.literal(ENGINE_STATE_VERSION),
    stores: z.record(z.string(), storeStateSchema),
    mute: z.object({ from: str, until: str }).nullable(),
  }),
  log: z.array(
    z.object({
      id: z.number().int(),
      at: str,
      store: str,
      kind: z.enum(ALERT_KINDS),
      urgent: z.boolean(),
      title: str,
      body: str,
      delivered: z.boolean(),
      suppressedBy: z.enum(['disabled', 'level', 'muted', 'quietHours']).optional(),
    }),
  ),
  nextId: z.number().int().min(1),
  readUpTo: z.number().int().min(0),
}) satisfies z.ZodType<AlertFile, unknown>

/** The state and log, read and written as one. All writes go through one queue. */
export interface AlertBook {
  readonly path: string
  state(): EngineState
  /** The log of the last 90 days (as of now), oldest first. */
  log(): readonly LoggedAlert[]
  /** How many alerts of the log are unread. */
  unread(): number
  /**
   * Runs one event through the engine on the current state and saves the new state with the alerts
   * it raised, as one step (events never interleave); returns those alerts, numbered.
   */
  apply(event: EngineEvent, ctx: EngineContext): Promise<LoggedAlert[]>
  markAllRead(): Promise<void>
}

/** Keeps the last 90 days (by `at`), at most the newest 1,000. */
export function trimLog(log: readonly LoggedAlert[], now: Date): LoggedAlert[] {
  const oldest = now.getTime() - LOG_DAYS * 86_400_000
  const recent = log.filter((a) => Date.parse(a.at) >= oldest)
  return recent.length > MAX_LOGGED_ALERTS ? recent.slice(recent.length - MAX_LOGGED_ALERTS) : recent
}

/** The alert file as read: absent, usable, damaged, or written by a newer Storeglance (never overwritten). */
type ReadOutcome =
  | { kind: 'missing' }
  | { kind: 'ok'; file: AlertFile }
  /** `why` completes "The alert file …" when the damage is worth a word (a file too large to read). */
  | { kind: 'damaged'; why?: string }
  | { kind: 'newer'; version: number }

/** Longest alert file read: 1,000 logged alerts and the engine state fit in far less. */
export const MAX_ALERT_FILE_BYTES = 16 * 1024 * 1024

/**
 * Reads the file. Only a missing file counts as "no file"; one larger than MAX_ALERT_FILE_BYTES is
 * damaged (and never read); any other read error is thrown.
 */
async function readAlertFile(path: string): Promise<ReadOutcome> {
  let text: string | null
  try {
    text = await readIfExists(path, MAX_ALERT_FILE_BYTES)
  } catch (err) {
    if (isFileTooLarge(err)) return { kind: 'damaged', why: err.why }
    throw err
  }
  if (text === null) return { kind: 'missing' }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return { kind: 'damaged' }
  }
  const version = isRecord(json) && typeof json.version === 'number' ? json.version : null
  if (version !== null && version > ALERT_FILE_VERSION) return { kind: 'newer', version }
  const result = fileSchema.safeParse(json)
  return result.success ? { kind: 'ok', file: result.data } : { kind: 'damaged' }
}

/** Thrown instead of writing over an alert file of a newer Storeglance. */
export class NewerAlertFileError extends Error {
  readonly kind = 'newer-version' as const
  constructor(version: number) {
    super(`The alert file was written by a newer Storeglance (format ${version}); alerts are shown but not saved.`)
    this.name = 'NewerAlertFileError'
  }
}

/**
 * The alerts and rule state gathered while the file could not be read, put onto the file as it is
 * once it can be: the alerts after its own (numbered on from its next id), the stores' rule state
 * of this run over its older one, this run's mute, and "all read" kept if everything was read.
 */
export function mergeUnsaved(disk: AlertFile, memory: AlertFile): AlertFile {
  const log = [...disk.log, ...memory.log.map((a, i) => ({ ...a, id: disk.nextId + i }))]
  const nextId = disk.nextId + memory.log.length
  const allRead = memory.log.length > 0 && memory.readUpTo >= memory.nextId - 1
  return {
    version: disk.version,
    state: { ...disk.state, stores: { ...disk.state.stores, ...memory.state.stores }, mute: memory.state.mute ?? disk.state.mute },
    log,
    nextId,
    readUpTo: allRead ? nextId - 1 : disk.readUpTo,
  }
}

const freshFile = (): AlertFile => ({ version: ALERT_FILE_VERSION, state: emptyEngineState(), log: [], nextId: 1, readUpTo: 0 })

/** The file at start: a damaged one is set aside (the user told); a newer one is left as it is. */
async function load(path: string, now: () => Date, warn: (m: string) => void, readOnly: boolean): Promise<AlertFile> {
  let read: ReadOutcome
  try {
    read = await readAlertFile(path)
  } catch (err) {
    // Not readable now (permissions, a folder in its place, a disk error): start without it rather
    // than not at all, and leave it alone; every save tries again and says why it could not.
    warn(`The alert file ${path} could not be read (${errorMessage(err)}); alerts are kept in memory and saved once it can be read.`)
    return { ...freshFile(), unsaved: true }
  }
  // Alerts past the 90 days are dropped in memory at once; the file loses them at its next write.
  if (read.kind === 'ok') return { ...read.file, log: trimLog(read.file.log, now()) }
  if (read.kind === 'missing') return freshFile()
  if (read.kind === 'newer') {
    warn(new NewerAlertFileError(read.version).message)
    return freshFile()
  }
  const why = read.why ?? 'could not be read'
  if (readOnly) {
    warn(`The alert file ${path} ${why}.`)
    return freshFile()
  }
  const aside = await quarantineUnique(path, now())
  warn(`The alert file ${why}; it was moved to ${aside} and alerts start afresh.`)
  return freshFile()
}

/**
 * The one read-modify-write of the alert file: re-reads it (the app and `storeglance watch` may
 * both write it), applies `change`, and writes the result atomically. `openAlertBook` runs it under
 * the user data folder's lock. `fallback` stands in for a damaged file; a file of a newer
 * Storeglance is never written over, and a file that cannot be read (other than missing) fails the
 * update rather than being replaced.
 */
export async function updateAlertFile<T>(
  path: string,
  fallback: AlertFile,
  change: (current: AlertFile) => [AlertFile, T],
): Promise<[AlertFile, T]> {
  let read: ReadOutcome | null = null
  let readError: unknown = null
  try {
    read = await readAlertFile(path)
  } catch (err) {
    readError = err
  }
  const current = read?.kind === 'ok' ? read.file : fallback
  const [next, result] = change(current)
  // Like a failed write: what `change` computed stands in memory (the alerts were raised and must
  // not repeat), and the disk keeps the file it could not read or the newer one.
  if (readError !== null) throw readError
  if (read!.kind === 'newer') throw new NewerAlertFileError(read!.version)
  // The in-memory flag never reaches the disk (the file's schema is strict).
  const { unsaved: _inMemoryOnly, ...file } = next
  await writeFileAtomic(path, `${JSON.stringify(file)}\n`)
  return [next, result]
}

/** Opens `<dir>/alerts.json` (created on the first write). */
export async function openAlertBook(o: {
  dir: string
  now?: () => Date
  warn?: (m: string) => void
  readOnly?: boolean
}): Promise<AlertBook> {
  const now = o.now ?? (() => new Date())
  const path = join(o.dir, ALERT_FILE_NAME)
  // The user data folder's lock: the app and `storeglance watch` may change the file at once.
  const lock = dataLock(o.dir)
  const warn = o.warn ?? (() => undefined)
  // A reader (`alerts history`) never sets a file aside; the start of a writer does so under the lock.
  let data = o.readOnly ? await load(path, now, warn, true) : await lock.run(() => load(path, now, warn, false))
  const queue = createKeyedQueue()
  /** Computes the next file from the current one and writes it, one change at a time. */
  const update = <T>(change: (current: AlertFile) => [AlertFile, T]) =>
    queue('alerts', () =>
      lock.run(async () => {
        const [, result] = await updateAlertFile(path, data, (current) => {
          // The first clean read after an unreadable start takes in what this run gathered meanwhile.
          const base = data.unsaved && current !== data ? mergeUnsaved(current, data) : current
          const changed = change(base)
          // Every write drops what is past the 90 days, whatever the change.
          const r: [AlertFile, T] = [{ ...changed[0], log: trimLog(changed[0].log, now()) }, changed[1]]
          // Memory moves on even if the disk write fails: the alerts were raised and must not repeat.
          data = r[0]
          return r
        })
        // Written: what this run gathered while the file could not be read is on disk now.
        if (data.unsaved) {
          const { unsaved: _written, ...saved } = data
          data = saved
        }
        return result
      }),
    )
  return {
    path,
    state: () => data.state,
    // Filtered on every read too (the app runs for months): never writes, so a read-only book stays so.
    log: () => trimLog(data.log, now()),
    unread: () => trimLog(data.log, now()).filter((a) => a.id > data.readUpTo).length,
    apply: (event, ctx) =>
      update((current) => {
        const result = step(current.state, event, ctx)
        const numbered = result.alerts.map((a, i) => ({ ...a, id: current.nextId + i }))
        const log = numbered.length ? [...current.log, ...numbered] : current.log
        return [{ ...current, state: result.state, log, nextId: current.nextId + numbered.length }, numbered]
      }),
    markAllRead: () => update((current) => [{ ...current, readUpTo: current.nextId - 1 }, undefined]),
  }
}
