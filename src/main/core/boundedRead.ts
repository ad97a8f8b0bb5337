/**
 * Reading a file of user data with a ceiling: the size is checked on the opened handle before
 * anything is read, and the read stops as soon as it passes the ceiling (the file may grow while it
 * is read). A 600 MB `alerts.json` is then "too large", a damaged file like any other, instead of
 * hundreds of megabytes in memory and a string V8 cannot hold ("Invalid string length").
 */
import { promises as fs } from 'node:fs'

/** Read at most this much per call: a large (but allowed) file is read in a few steps. */
const CHUNK_BYTES = 1024 * 1024

/** Thrown when a file is larger than the reader allows. Callers treat it like a damaged file. */
export class FileTooLargeError extends Error {
  readonly code = 'ETOOLARGE' as const
  constructor(
    readonly file: string,
    /** Bytes seen: the size on disk, or what was read before the ceiling was passed. */
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${file} is too large (${describeBytes(size)}; at most ${describeBytes(limit)} is expected)`)
    this.name = 'FileTooLargeError'
  }

  /** "600 MB; at most 16 MB is expected": the sizes, in words. */
  get sizes(): string {
    return `${describeBytes(this.size)}; at most ${describeBytes(this.limit)} is expected`
  }

  /** "is too large (600 MB; at most 16 MB is expected)": the end of a sentence about the file. */
  get why(): string {
    return `is too large (${this.sizes})`
  }
}

/** Whether `err` is the too-large outcome of a bounded read. */
export function isFileTooLarge(err: unknown): err is FileTooLargeError {
  return err instanceof FileTooLargeError
}

/** A size as a person reads it: "512 bytes", "3.2 KB", "600 MB" (powers of 1,024). */
export function describeBytes(n: number): string {
  if (n < 1024) return `${n} bytes`
  const units = ['KB', 'MB', 'GB', 'TB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024
    i++
  }
  return `${v >= 10 || Number.isInteger(v) ? Math.round(v) : v.toFixed(1)} ${units[i]}`
}

/**
 * Reads `file` as UTF-8 when it holds at most `maxBytes` bytes; null when it does not exist.
 * Throws FileTooLargeError when it is larger (checked with fstat before reading, and again while
 * reading); any other error (EISDIR, EACCES…) is thrown as it comes.
 */
export async function readTextBounded(file: string, maxBytes: number): Promise<string | null> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(file, 'r')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw err
  }
  try {
    const stat = await handle.stat()
    if (stat.isFile() && stat.size > maxBytes) throw new FileTooLargeError(file, stat.size, maxBytes)
    return (await readUpTo(handle, file, maxBytes)).toString('utf8')
  } finally {
    await handle.close()
  }
}

/** Reads the handle to its end, failing once more than `maxBytes` came. */
async function readUpTo(handle: fs.FileHandle, file: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  for (;;) {
    const want = Math.min(CHUNK_BYTES, maxBytes + 1 - total)
    const buf = Buffer.allocUnsafe(want)
    const { bytesRead } = await handle.read(buf, 0, want, null)
    if (bytesRead === 0) return Buffer.concat(chunks, total)
    chunks.push(buf.subarray(0, bytesRead))
    total += bytesRead
    if (total > maxBytes) throw new FileTooLargeError(file, total, maxBytes)
  }
}

/**
 * The last `maxBytes` of `file` as UTF-8 (all of it when shorter), read from the end: a log grown
 * to gigabytes costs `maxBytes` of memory, not its size. Empty when the file does not exist. A
 * character cut at the start decodes as U+FFFD; callers that want whole lines drop the first one.
 */
export async function readTail(file: string, maxBytes: number): Promise<{ text: string; cut: boolean }> {
  let handle: fs.FileHandle
  try {
    handle = await fs.open(file, 'r')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { text: '', cut: false }
    throw err
  }
  try {
    const { size } = await handle.stat()
    const from = Math.max(0, size - maxBytes)
    const buf = Buffer.alloc(size - from)
    let got = 0
    while (got < buf.length) {
      const { bytesRead } = await handle.read(buf, got, buf.length - got, from + got)
      if (bytesRead === 0) break
      got += bytesRead
    }
    return { text: buf.subarray(0, got).toString('utf8'), cut: from > 0 }
  } finally {
    await handle.close()
  }
}
