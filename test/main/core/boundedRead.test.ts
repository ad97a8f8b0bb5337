/**
 * Bounded reads of user data: the size is checked before anything is read, so a huge (sparse)
 * file is "too large" at once instead of a string V8 cannot hold; a log's tail reads only its end.
 */
import { mkdir, mkdtemp, rm, truncate, writeFile, appendFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { describeBytes, FileTooLargeError, readTail, readTextBounded } from '../../../src/main/core/boundedRead'
import { readIfExists } from '../../../src/main/core/fsAtomic'
import { createFileLogger } from '../../../src/main/core/log/fileLog'

const dirs: string[] = []
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true })
})
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'storeglance-bounded-'))
  dirs.push(d)
  return d
}
const MB = 1024 * 1024

describe('bounded reads', () => {
  it('reads a file up to the limit, byte for byte, and null when there is none', async () => {
    const dir = await tempDir()
    const file = join(dir, 'a.json')
    const text = `{"name":"Café ☕"}`
    await writeFile(file, text)
    const bytes = Buffer.byteLength(text)
    expect(await readTextBounded(file, bytes)).toBe(text)
    await expect(readTextBounded(file, bytes - 1)).rejects.toBeInstanceOf(FileTooLargeError)
    expect(await readTextBounded(join(dir, 'none.json'), 10)).toBeNull()
    expect(await readIfExists(join(dir, 'none.json'), 10)).toBeNull()
    // A file larger than one read step comes back whole.
    const big = 'x'.repeat(3 * MB + 17)
    await writeFile(file, big)
    expect(await readIfExists(file, 4 * MB)).toBe(big)
  })

  it('refuses a 600 MB file from its size, with the sizes in words', async () => {
    const dir = await tempDir()
    const file = join(dir, 'alerts.json')
    await writeFile(file, '')
    await truncate(file, 600 * MB)
    const err = await readIfExists(file, 16 * MB).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(FileTooLargeError)
    expect((err as FileTooLargeError).size).toBe(600 * MB)
    expect((err as FileTooLargeError).why).toBe('is too large (600 MB; at most 16 MB is expected)')
  })

  it('keeps the other errors as they are: a folder is EISDIR', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, 'settings.json'))
    await expect(readIfExists(join(dir, 'settings.json'), MB)).rejects.toMatchObject({ code: 'EISDIR' })
  })

  it('describes sizes as a person reads them', () => {
    expect(describeBytes(512)).toBe('512 bytes')
    expect(describeBytes(1536)).toBe('1.5 KB')
    expect(describeBytes(16 * MB)).toBe('16 MB')
    expect(describeBytes(3 * 1024 * MB)).toBe('3 GB')
  })

  it('reads only the end of a huge log', async () => {
    const dir = await tempDir()
    const file = join(dir, 'main.log')
    await writeFile(file, '')
    await truncate(file, 700 * MB)
    await appendFile(file, 'first\nlast line\n')
    const { text, cut } = await readTail(file, 12)
    expect(cut).toBe(true)
    expect(text).toBe('\nlast line\n'.padStart(12, 't'))
    expect(await readTail(join(dir, 'none.log'), 12)).toEqual({ text: '', cut: false })
    await writeFile(file, 'short\n')
    expect(await readTail(file, 12)).toEqual({ text: 'short\n', cut: false })
  })
})

describe('the support log', () => {
  it('gives the tail of a log grown to 700 MB without reading it whole', async () => {
    const dir = await tempDir()
    const log = createFileLogger({ dir, maxBytes: 2000 * MB })
    log.info('before')
    await log.flush()
    await truncate(log.path, 700 * MB)
    log.info('after', { n: 1 })
    log.info('after', { n: 2 })
    // The first line after the zeros is cut (its start is 700 MB back): the tail starts at a line.
    expect(await log.tail(200)).toMatch(/^\S+ INFO after n=2\n$/)
  })
})
