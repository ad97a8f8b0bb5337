/** The alert file: state and log survive a restart, the log is bounded, a damaged file is set aside. */
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openAlertBook, trimLog, type LoggedAlert } from '../../../../src/main/core/alerts/alertBook'
import { ctxOf, fail, ok, plus, store } from './kit'

const dirs: string[] = []
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true })
})
async function tempDir(): Promise<string> {
  const d = await mkdtemp(join(tmpdir(), 'storeglance-alerts-'))
  dirs.push(d)
  return d
}

const T = '2025-03-10T10:00:00Z'
const ctx = ctxOf([store('s1'), store('s2')])
const now = () => new Date('2025-03-11T00:00:00Z')

describe('alert book', () => {
  it('a restart neither repeats an alert nor forgets an outage', async () => {
    const dir = await tempDir()
    const book = await openAlertBook({ dir, now })
    for (const i of [0, 1, 2]) await book.apply(fail(plus(T, i)), ctx)
    expect(book.log().map((a) => a.kind)).toEqual(['unreachable'])
    const again = await openAlertBook({ dir, now })
    expect(await again.apply(fail(plus(T, 3)), ctx)).toEqual([])
    const back = await again.apply(ok(plus(T, 4)), ctx)
    expect(back.map((a) => [a.kind, a.id])).toEqual([['recovered', 2]])
    expect((await openAlertBook({ dir, now })).log().map((a) => a.kind)).toEqual(['unreachable', 'recovered'])
  })

  it('serializes concurrent events: no store loses its state', async () => {
    const dir = await tempDir()
    const book = await openAlertBook({ dir, now })
    await Promise.all(
      [0, 1, 2].flatMap((i) => [book.apply(fail(plus(T, i), 'network', 's1'), ctx), book.apply(fail(plus(T, i), 'network', 's2'), ctx)]),
    )
    expect(
      book
        .log()
        .map((a) => a.store)
        .sort(),
    ).toEqual(['s1', 's2'])
    const reopened = await openAlertBook({ dir, now })
    expect(Object.keys(reopened.state().stores).sort()).toEqual(['s1', 's2'])
  })

  it('counts unread alerts and marks all read', async () => {
    const dir = await tempDir()
    const book = await openAlertBook({ dir, now })
    await book.apply(fail(T, 'api'), ctx)
    await book.apply(fail(T, 'api', 's2'), ctx)
    expect(book.unread()).toBe(2)
    await book.markAllRead()
    expect((await openAlertBook({ dir, now })).unread()).toBe(0)
    await book.apply(ok(plus(T, 1)), ctx)
    expect(book.unread()).toBe(1)
  })

  it('sets a damaged file aside and starts afresh', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, 'alerts.json'), '{"version": 1, "state": ')
    const warnings: string[] = []
    const book = await openAlertBook({ dir, now, warn: (m) => warnings.push(m) })
    expect(book.log()).toEqual([])
    expect(warnings[0]).toMatch(/could not be read; it was moved to .*alerts\.json\.corrupt-/)
    expect((await readdir(dir)).some((f) => f.startsWith('alerts.json.corrupt-'))).toBe(true)
    await book.apply(fail(T, 'api'), ctx)
    expect(JSON.parse(await readFile(join(dir, 'alerts.json'), 'utf8'))).toMatchObject({ version: 1, nextId: 2 })
  })

  it('never sets aside or writes over a file of a newer Storeglance, and a reader never sets a file aside', async () => {
    const dir = await tempDir()
    const newer = JSON.stringify({ version: 99, whatever: true })
    await writeFile(join(dir, 'alerts.json'), newer)
    const warnings: string[] = []
    const book = await openAlertBook({ dir, now, warn: (m) => warnings.push(m) })
    expect(warnings[0]).toMatch(/newer Storeglance/)
    await expect(book.apply(fail(T, 'api'), ctx)).rejects.toThrow(/newer Storeglance/)
    // The alert was still raised in memory: it will not be raised again.
    expect(book.log().map((a) => a.kind)).toEqual(['keyRejected'])
    expect(await readFile(join(dir, 'alerts.json'), 'utf8')).toBe(newer)
    expect(await readdir(dir)).not.toContainEqual(expect.stringMatching(/corrupt/))

    const damaged = await tempDir()
    await writeFile(join(damaged, 'alerts.json'), '{"version": 1, "state": ')
    await openAlertBook({ dir: damaged, now, readOnly: true })
    expect(await readdir(damaged)).toEqual(['alerts.json'])
  })

  it('keeps the last 90 days, at most 1,000 alerts', () => {
    const now = new Date('2025-06-01T00:00:00Z')
    const entry = (id: number, at: string): LoggedAlert => ({
      id,
      at,
      store: 's',
      kind: 'recovered',
      urgent: false,
      title: '',
      body: '',
      delivered: true,
    })
    const old = [entry(1, '2025-03-02T23:59:59Z'), entry(2, '2025-03-03T00:00:00Z')]
    expect(trimLog(old, now).map((a) => a.id)).toEqual([2])
    const many = Array.from({ length: 1005 }, (_, i) => entry(i + 1, '2025-05-31T00:00:00Z'))
    const kept = trimLog(many, now)
    expect(kept).toHaveLength(1000)
    expect(kept[0]!.id).toBe(6)
  })
})

describe('two processes on one alert file', () => {
  it('each re-reads the file before its change: neither loses the other’s alerts or state', async () => {
    const dir = await tempDir()
    const app = await openAlertBook({ dir, now })
    const watch = await openAlertBook({ dir, now })
    await app.apply(fail(T, 'api', 's1'), ctx)
    await watch.apply(fail(T, 'api', 's2'), ctx)
    // The app's book learns of the watch's alert when it next writes; the state of s1 is kept too.
    expect(await app.apply(fail(plus(T, 1), 'api', 's1'), ctx)).toEqual([])
    const reopened = await openAlertBook({ dir, now })
    expect(reopened.log().map((a) => [a.id, a.store])).toEqual([
      [1, 's1'],
      [2, 's2'],
    ])
    expect(Object.keys(reopened.state().stores).sort()).toEqual(['s1', 's2'])
  })
})
