/**
 * File plumbing shared by the snapshot and history stores: safe file names, defensive reads that
 * set a damaged file aside, clean-up of a store's files and their temporaries, and how an instant
 * is described in a warning. One-at-a-time work per store is core/queue.ts.
 */
import { promises as fs } from 'node:fs'
import { basename, join } from 'node:path'
import type { z } from 'zod'
import { quarantineUnique, readIfExists } from '../fsAtomic'
import { isFileTooLarge } from '../boundedRead'
import { ACCOUNT_ID_PATTERN } from '../../../shared/model'

const SAFE_ID = ACCOUNT_ID_PATTERN

/**
 * Throws unless `id` is safe inside a file name (letters, digits, `_`, `-`). Ids come from our own
 * account list, so a bad one is a bug; refusing it keeps `../x` or `a/b` from leaving the directory.
 */
export function assertSafeId(id: string): void {
  if (typeof id !== 'string' || !SAFE_ID.test(id)) throw new Error(`Refusing unsafe store id ${JSON.stringify(id)}`)
}

/**
 * The outcome of reading one file: its valid content, nothing there, or damaged (and moved aside).
 * `detail` is set when the damage is worth a word in the warning (a file too large to read).
 */
export type ReadOutcome<T> =
  { kind: 'ok'; value: T } | { kind: 'missing' } | { kind: 'damaged'; quarantinedAs: string | null; reason: string; detail?: string }

/** Longest snapshot file read: a dashboard answer is capped at 5 MB, and even JSON-escaped its snapshot fits. */
export const MAX_SNAPSHOT_FILE_BYTES = 64 * 1024 * 1024
/** Longest history file read: 400 days of 200 campaigns take about 10 MB; anything far past that is not ours. */
export const MAX_HISTORY_FILE_BYTES = 64 * 1024 * 1024

/**
 * Reads and validates a JSON file without ever throwing: a file that cannot be parsed or validated
 * (empty, truncated, a directory, wrong shape) is quarantined next to itself. A file that cannot
 * be read for a reason that may pass (permissions, a lock, an I/O error) is ignored where it is,
 * as is one that cannot be moved: `quarantinedAs` is null then. A file larger than `maxBytes` is
 * damage too: it is set aside without being read.
 */
export async function readGuarded<T>(file: string, schema: z.ZodType<T>, now: Date, maxBytes: number): Promise<ReadOutcome<T>> {
  let text: string | null
  try {
    text = await readIfExists(file, maxBytes)
  } catch (err) {
    if (isFileTooLarge(err)) return setAside(file, err.why, now, `too large: ${err.sizes}`)
    const code = (err as NodeJS.ErrnoException).code ?? String(err)
    // A directory in its place is damage; anything else (EACCES, EBUSY, EIO…) may pass: leave the
    // file where it is, untouched, and use the other copy this time.
    if (code === 'EISDIR') return setAside(file, 'is a folder, not a file', now)
    return { kind: 'damaged', quarantinedAs: null, reason: `could not be read (${code})` }
  }
  if (text === null) return { kind: 'missing' }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return setAside(file, text.length === 0 ? 'empty' : 'not valid JSON', now)
  }
  const parsed = schema.safeParse(json)
  if (!parsed.success) return setAside(file, 'unexpected content', now)
  return { kind: 'ok', value: parsed.data }
}

async function setAside(file: string, reason: string, now: Date, detail?: string): Promise<ReadOutcome<never>> {
  const said = detail === undefined ? {} : { detail }
  try {
    return { kind: 'damaged', quarantinedAs: await quarantineUnique(file, now), reason, ...said }
  } catch {
    return { kind: 'damaged', quarantinedAs: null, reason, ...said }
  }
}

/**
 * How a message tells the user where a damaged file went: "have been set aside as <name>", or,
 * when it could not be moved, that it is being ignored where it is.
 */
export function asideClause(outcome: { quarantinedAs: string | null }, file: string, plural: boolean): string {
  if (outcome.quarantinedAs) return `${plural ? 'have' : 'has'} been set aside as ${basename(outcome.quarantinedAs)}`
  return `${plural ? 'are' : 'is'} being ignored (${basename(file)} could not be moved aside)`
}

/** " (the file is too large …)" when the damage is worth a word in a warning, else "". */
export function damageDetail(outcome: { detail?: string }): string {
  return outcome.detail ? ` (${outcome.detail})` : ''
}

/** Whether `name` is a leftover temp file of write-file-atomic (`<base>.<number>`) for `base`. */
function isTempOf(name: string, base: string): boolean {
  return name.startsWith(`${base}.`) && /^\d+$/.test(name.slice(base.length + 1))
}

/** A temp file untouched for this long belongs to no live write (a write takes milliseconds). */
export const TEMP_FILE_MAX_AGE_MS = 10 * 60_000

/**
 * Deletes the temp files a killed process left behind for these file names: only those older than
 * `TEMP_FILE_MAX_AGE_MS`, so a write in flight in another process (the CLI, the app) is never
 * pulled from under it.
 */
export async function sweepTempFiles(dir: string, bases: string[], now: number = Date.now()): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[])
  const temps = names.filter((n) => bases.some((b) => isTempOf(n, b)))
  await Promise.all(
    temps.map(async (n) => {
      const file = join(dir, n)
      const stat = await fs.stat(file).catch(() => null)
      if (stat && now - stat.mtimeMs > TEMP_FILE_MAX_AGE_MS) await fs.rm(file, { force: true }).catch(() => undefined)
    }),
  )
}

/**
 * A cheap fingerprint of a file's version on disk (inode, size, mtime), or null when it does not
 * exist: compared under the data lock to see whether another process replaced the file since we
 * last read or wrote it. Every atomic write is a rename, so a new version has a new inode.
 */
export async function fileStamp(file: string): Promise<string | null> {
  const stat = await fs.stat(file, { bigint: true }).catch(() => null)
  return stat ? `${stat.ino}:${stat.size}:${stat.mtimeNs}` : null
}

/**
 * Deletes everything kept for these file names: the files, their temp leftovers and their
 * quarantined copies. Used when a store is removed: its customers' names must not linger on disk.
 */
export async function removeFamily(dir: string, bases: string[]): Promise<void> {
  const names = await fs.readdir(dir).catch(() => [] as string[])
  const ours = names.filter((n) => bases.some((b) => n === b || n.startsWith(`${b}.corrupt-`) || isTempOf(n, b)))
  await Promise.all(ours.map((n) => fs.rm(join(dir, n), { force: true, recursive: true })))
}

/** "2024-05-01 14:03 UTC": an instant as a user reads it in a message (main has no locale to hand). */
export function describeInstant(iso: string): string {
  const d = new Date(iso)
  return Number.isNaN(d.getTime()) ? iso : `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

/**
 * The file's content when it is present, valid and at most `maxBytes` long, else null; never moves
 * or changes anything.
 * Used under the data lock to adopt another process's newer write without treating damage as news.
 */
export async function readValid<T>(file: string, schema: z.ZodType<T>, maxBytes: number): Promise<T | null> {
  try {
    const text = await readIfExists(file, maxBytes)
    if (text === null) return null
    const parsed = schema.safeParse(JSON.parse(text))
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}
