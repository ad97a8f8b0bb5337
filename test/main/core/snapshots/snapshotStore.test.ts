import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFile, readdir, writeFile, stat, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { createSnapshotStore, REFRESH_AFTER_MS } from '../../../../src/main/core/snapshots'
import { loadAll, makeSnapshot, manualClock, tempDir, type ManualClock } from '../../../helpers/snapshotFixtures'
import { TEMP_FILE_MAX_AGE_MS } from '../../../../src/main/core/snapshots/files'

let dir: string
let cleanup: () => Promise<void>
let clock: ManualClock
let warnings: string[]

const at = (minutes: number) => new Date(Date.parse('2024-05-02T10:00:00.000Z') + minutes * 60_000).toISOString()
const newStore = () => createSnapshotStore({ dir, clock, onWarning: (m) => warnings.push(m) })
const raw = (name: string) => readFile(join(dir, name), 'utf8')

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  clock = manualClock()
  warnings = []
})
afterEach(() => cleanup())

describe('snapshot store', () => {
  it('returns nothing for a store never saved', async () => {
    expect(await newStore().load('s1')).toEqual({ current: null, previous: null })
  })

  it('round-trips a snapshot through disk, in an envelope', async () => {
    const snap = makeSnapshot(1, at(0))
    expect(await newStore().save('s1', snap)).toEqual({ changed: true, written: true })
    expect(await newStore().load('s1')).toEqual({ current: snap, previous: null })
    const envelope = JSON.parse(await raw('s1.current.json'))
    expect(envelope).toEqual({ version: 1, savedAt: clock.iso(), snapshot: snap })
  })

  it('compares data whatever the key order', async () => {
    const store = newStore()
    const snap = makeSnapshot(1, at(0))
    await store.save('s1', snap)
    const reordered = Object.fromEntries(Object.entries(makeSnapshot(1, at(1))).reverse()) as typeof snap
    expect(await store.save('s1', reordered)).toEqual({ changed: false, written: false })
  })

  it('does not rewrite unchanged data within 15 minutes, but remembers the newer fetchedAt', async () => {
    const store = newStore()
    await store.save('s1', makeSnapshot(1, at(0)))
    const before = await raw('s1.current.json')
    clock.advance(60_000)
    expect(await store.save('s1', makeSnapshot(1, at(15)))).toEqual({ changed: false, written: false })
    expect(await raw('s1.current.json')).toBe(before)
    expect((await store.load('s1')).current?.fetchedAt).toBe(at(15))
    expect((await newStore().load('s1')).current?.fetchedAt).toBe(at(0))
  })

  it('rewrites unchanged data once the stored fetchedAt is more than 15 minutes older', async () => {
    const store = newStore()
    await store.save('s1', makeSnapshot(1, at(0)))
    await store.save('s1', makeSnapshot(1, at(10)))
    clock.advance(1000)
    expect(await store.save('s1', makeSnapshot(1, at(16)))).toEqual({ changed: false, written: true })
    expect((await newStore().load('s1')).current?.fetchedAt).toBe(at(16))
    // the window restarts from what is now on disk
    expect(await store.save('s1', makeSnapshot(1, at(30)))).toEqual({ changed: false, written: false })
    expect(await store.save('s1', makeSnapshot(1, at(31)))).toEqual({ changed: false, written: false })
    expect(await store.save('s1', makeSnapshot(1, at(32)))).toEqual({ changed: false, written: true })
    expect(REFRESH_AFTER_MS).toBe(15 * 60_000)
  })

  it('rotates current to previous when the data changes, and keeps previous through unchanged saves', async () => {
    const store = newStore()
    await store.save('s1', makeSnapshot(1, at(0)))
    expect(await store.save('s1', makeSnapshot(2, at(5)))).toEqual({ changed: true, written: true })
    await store.save('s1', makeSnapshot(2, at(40)))
    const expected = { current: makeSnapshot(2, at(40)), previous: makeSnapshot(1, at(0)) }
    expect(await store.load('s1')).toEqual(expected)
    expect(await newStore().load('s1')).toEqual(expected)
    await store.save('s1', makeSnapshot(3, at(45)))
    expect(await newStore().load('s1')).toEqual({ current: makeSnapshot(3, at(45)), previous: makeSnapshot(2, at(40)) })
  })

  it('after a crash between the two rotation steps (both files = old current) shows it, with no previous', async () => {
    const store = newStore()
    await store.save('s1', makeSnapshot(1, at(0)))
    await store.save('s1', makeSnapshot(2, at(5)))
    // what step 1 of the next rotation leaves behind: previous.json := current
    await writeFile(join(dir, 's1.previous.json'), await raw('s1.current.json'))
    expect(await newStore().load('s1')).toEqual({ current: makeSnapshot(2, at(5)), previous: null })
    expect(warnings).toEqual([])
  })

  it('flush() writes a pending newer fetchedAt, and nothing when none is pending', async () => {
    const store = newStore()
    await store.save('s1', makeSnapshot(1, at(0)))
    await store.save('s2', makeSnapshot(5, at(0), 'acct-2'))
    await store.save('s1', makeSnapshot(1, at(3)))
    const s2Before = await raw('s2.current.json')
    clock.advance(1000)
    await store.flush()
    expect((await newStore().load('s1')).current?.fetchedAt).toBe(at(3))
    expect(await raw('s2.current.json')).toBe(s2Before)
    const s1After = await raw('s1.current.json')
    clock.advance(1000)
    await store.flush()
    expect(await raw('s1.current.json')).toBe(s1After)
  })

  it('remove() deletes the store files, quarantined copies included, and leaves other stores alone', async () => {
    const store = newStore()
    await store.save('s1', makeSnapshot(1, at(0)))
    await store.save('s1', makeSnapshot(2, at(1)))
    await store.save('s1-b', makeSnapshot(2, at(1)))
    await writeFile(join(dir, 's1.current.json.corrupt-2024'), 'x')
    await writeFile(join(dir, 's1.current.json.123456'), '{"trunc')
    await store.remove('s1')
    expect((await readdir(dir)).sort()).toEqual(['s1-b.current.json'])
    expect(await store.load('s1')).toEqual({ current: null, previous: null })
    expect((await store.load('s1-b')).current).not.toBeNull()
  })

  it('loads several stores at once, each its own', async () => {
    const store = newStore()
    await store.save('a', makeSnapshot(1, at(0)))
    const all = await loadAll(newStore(), ['a', 'b'])
    expect(all).toEqual({ a: { current: makeSnapshot(1, at(0)), previous: null }, b: { current: null, previous: null } })
  })

  it('serializes concurrent saves of one store in call order', async () => {
    const store = newStore()
    await Promise.all([1, 2, 3, 4].map((n) => store.save('s1', makeSnapshot(n, at(n)))))
    expect(await newStore().load('s1')).toEqual({ current: makeSnapshot(4, at(4)), previous: makeSnapshot(3, at(3)) })
  })

  it('does not let callers mutate what it keeps', async () => {
    const store = newStore()
    const snap = makeSnapshot(1, at(0))
    await store.save('s1', snap)
    snap.customers.allTime = -1
    const loaded = await store.load('s1')
    loaded.current!.activeCampaigns = 99
    expect(await store.load('s1')).toEqual({ current: makeSnapshot(1, at(0)), previous: null })
  })

  it('removes temp files a killed writer left behind', async () => {
    await newStore().save('s1', makeSnapshot(1, at(0)))
    const temp = join(dir, 's1.current.json.3141592653')
    await writeFile(temp, '{"half')
    const old = new Date(Date.now() - TEMP_FILE_MAX_AGE_MS - 60_000)
    await utimes(temp, old, old)
    await newStore().load('s1')
    expect(await readdir(dir)).toEqual(['s1.current.json'])
  })

  it('leaves a fresh temp file alone: another process may be writing it right now', async () => {
    await newStore().save('s1', makeSnapshot(1, at(0)))
    await writeFile(join(dir, 's1.current.json.2718281828'), '{"being written')
    await newStore().load('s1')
    expect((await readdir(dir)).sort()).toEqual(['s1.current.json', 's1.current.json.2718281828'])
  })

  it.each(['../evil', 'a/b', 'a\\b', '', '.', '..', 'a.b', 'x'.repeat(129), 'é', 'a b', '/abs'])(
    'refuses the unsafe id %j before touching the disk',
    async (id) => {
      const store = newStore()
      await expect(store.save(id, makeSnapshot(1, at(0)))).rejects.toThrow(/unsafe store id/)
      await expect(store.load(id)).rejects.toThrow(/unsafe store id/)
      await expect(store.remove(id)).rejects.toThrow(/unsafe store id/)
      expect(await readdir(dir)).toEqual([])
    },
  )

  it('writes files readable only by the user', async () => {
    if (process.platform === 'win32') return
    await newStore().save('s1', makeSnapshot(1, at(0)))
    expect((await stat(join(dir, 's1.current.json'))).mode & 0o777).toBe(0o600)
  })
})
