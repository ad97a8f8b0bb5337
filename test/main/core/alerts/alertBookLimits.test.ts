/**
 * The alert file's two bounds on reading: a file far too large to be ours is set aside without
 * being read (the app still starts), and alerts past the 90 days are neither shown nor counted,
 * from the moment the file is read, without a read-only reader ever writing the file.
 */
import { mkdtemp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openAlertBook, type LoggedAlert } from '../../../../src/main/core/alerts/alertBook'
import { emptyEngineState } from '../../../../src/main/core/alerts/state'
import { ctxOf, fail, store } from './kit'

const dirs: string[] = []
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true })
})
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'storeglance-alert-limits-'))
  dirs.push(d)
  return d
}
const MB = 1024 * 1024
const DAY = 86_400_000

/** A real alert file whose log holds alerts of these ages (days before `now`), ids 1…n, none read. */
async function fileWithAges(dir: string, now: Date, ages: number[]): Promise<string> {
  const log: LoggedAlert[] = ages.map((age, i) => ({
    id: i + 1,
    at: new Date(now.getTime() - age * DAY).toISOString(),
    store: 's1',
    kind: 'recovered',
    urgent: false,
    title: `Alert ${i + 1}`,
    body: `${age} days old`,
    delivered: true,
  }))
  const text = `${JSON.stringify({ version: 1, state: emptyEngineState(), log, nextId: ages.length + 1, readUpTo: 0 })}\n`
  await writeFile(join(dir, 'alerts.json'), text)
  return text
}

describe('an alert file too large to read', () => {
  it('is set aside without being read, the user is told, and alerts start afresh', async () => {
    const dir = await tempDir()
    const file = join(dir, 'alerts.json')
    await writeFile(file, '')
    await truncate(file, 600 * MB)
    const warnings: string[] = []
    const book = await openAlertBook({ dir, now: () => new Date('2025-03-11T00:00:00Z'), warn: (m) => warnings.push(m) })
    expect(book.log()).toEqual([])
    expect(book.unread()).toBe(0)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(
      /^The alert file is too large \(600 MB; at most 16 MB is expected\); it was moved to .*alerts\.json\.corrupt-\S+ and alerts start afresh\.$/,
    )
    const aside = (await readdir(dir)).filter((f) => f.startsWith('alerts.json.corrupt-'))
    expect(aside).toHaveLength(1)
    // Nothing lost: the file set aside is the whole of it.
    expect((await stat(join(dir, aside[0]!))).size).toBe(600 * MB)
    await book.apply(fail('2025-03-10T10:00:00Z', 'api'), ctxOf([store('s1')]))
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ version: 1, nextId: 2 })
  })

  it('is only reported by a reader (alerts history), never moved', async () => {
    const dir = await tempDir()
    const file = join(dir, 'alerts.json')
    await writeFile(file, '')
    await truncate(file, 600 * MB)
    const warnings: string[] = []
    const book = await openAlertBook({ dir, readOnly: true, warn: (m) => warnings.push(m) })
    expect(book.log()).toEqual([])
    expect(warnings).toEqual([`The alert file ${file} is too large (600 MB; at most 16 MB is expected).`])
    expect(await readdir(dir)).toEqual(['alerts.json'])
  })
})

describe('the 90 days of the alert log', () => {
  it('an alert 200 days old is neither listed nor unread from the start, and the reader leaves the file as it is', async () => {
    const dir = await tempDir()
    const now = new Date('2025-09-01T12:00:00Z')
    const text = await fileWithAges(dir, now, [200, 91, 89, 1])
    const book = await openAlertBook({ dir, now: () => now, readOnly: true })
    expect(book.log().map((a) => a.body)).toEqual(['89 days old', '1 days old'])
    expect(book.unread()).toBe(2)
    expect(await readFile(join(dir, 'alerts.json'), 'utf8')).toBe(text)
    expect(await readdir(dir)).toEqual(['alerts.json'])
  })

  it('ages out while the app runs: by the clock of each read, and from the file at the next write', async () => {
    const dir = await tempDir()
    let now = new Date('2025-09-01T12:00:00Z')
    await fileWithAges(dir, now, [89, 10])
    const book = await openAlertBook({ dir, now: () => now })
    expect(book.unread()).toBe(2)
    now = new Date(now.getTime() + 2 * DAY)
    expect(book.log().map((a) => a.body)).toEqual(['10 days old'])
    expect(book.unread()).toBe(1)
    await book.markAllRead()
    const saved = JSON.parse(await readFile(join(dir, 'alerts.json'), 'utf8')) as { log: LoggedAlert[]; readUpTo: number }
    expect(saved.log.map((a) => a.id)).toEqual([2])
    expect(saved.readUpTo).toBe(2)
    expect(book.unread()).toBe(0)
  })
})
