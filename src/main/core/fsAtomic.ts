/**
 * Atomic, durable file writes and defensive reads for everything the app keeps on disk
 * (settings, snapshots, history). A write either lands whole or not at all; a file that cannot be
 * read back is moved aside, never deleted, so the user can still recover it by hand.
 */
import { promises as fs } from 'node:fs'
import { dirname, basename, join } from 'node:path'
import writeFileAtomicLib from 'write-file-atomic'
import { readTextBounded } from './boundedRead'

const RETRY_CODES = new Set(['EPERM', 'EBUSY', 'EACCES'])
const RETRIES = 5

/** Resolves after `ms` of real time: only used between rename retries on Windows, never in tests' logic. */
const pause = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

/**
 * Writes `data` to `file` atomically: temp file in the same directory, fsync, rename, then fsync of
 * the directory so the rename itself survives a power cut. Retries the rename briefly on Windows'
 * transient EPERM/EBUSY (a virus scanner or indexer holding the file).
 */
export async function writeFileAtomic(file: string, data: string, mode = 0o600): Promise<void> {
  await fs.mkdir(dirname(file), { recursive: true, mode: 0o700 })
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFileAtomicLib(file, data, { fsync: true, mode })
      break
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (process.platform !== 'win32' || !RETRY_CODES.has(code) || attempt >= RETRIES) throw err
      await pause(20 * 2 ** attempt)
    }
  }
  await fsyncDir(dirname(file))
}

/** Flushes a directory entry (POSIX); a no-op where directories cannot be opened (Windows). */
async function fsyncDir(dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Moves a file that could not be read aside, next to it, as `<name>.corrupt-<timestamp>`, and
 * returns the new path. Nothing is ever deleted: the user may want it back.
 */
export async function quarantine(file: string, now: Date = new Date()): Promise<string> {
  const stamp = now.toISOString().replace(/[:.]/g, '-')
  const target = join(dirname(file), `${basename(file)}.corrupt-${stamp}`)
  await fs.rename(file, target)
  return target
}

/**
 * Reads a UTF-8 file of at most `maxBytes` bytes, or returns null when it does not exist. A larger
 * file is never read: FileTooLargeError is thrown (see boundedRead.ts), which callers treat like a
 * damaged file. Other errors are thrown.
 */
export async function readIfExists(file: string, maxBytes: number): Promise<string | null> {
  return readTextBounded(file, maxBytes)
}

/**
 * Like `quarantine()`, but never replaces an earlier quarantined copy: when `<name>.corrupt-<stamp>`
 * already exists (the same file went bad twice within a millisecond, or a frozen test clock), the
 * stamp is moved on by a millisecond until the name is free. Returns the new path.
 */
export async function quarantineUnique(file: string, now: Date = new Date()): Promise<string> {
  for (let i = 0; i < 1000; i++) {
    const when = new Date(now.getTime() + i)
    const target = join(dirname(file), `${basename(file)}.corrupt-${when.toISOString().replace(/[:.]/g, '-')}`)
    const taken = await fs.lstat(target).then(
      () => true,
      () => false,
    )
    if (!taken) return quarantine(file, when)
  }
  return quarantine(file, now)
}
