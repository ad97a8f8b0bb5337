/**
 * Snapshot and history files far too large to be ours (sparse files: instant, no disk used) are
 * damage like any other: set aside whole without being read, the other copy used, the user told.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createHistoryStore, createSnapshotStore } from '../../../../src/main/core/snapshots'
import { makeSnapshot, manualClock, tempDir, type ManualClock } from '../../../helpers/snapshotFixtures'

const MB = 1024 * 1024
let dir: string
let cleanup: () => Promise<void>
let clock: ManualClock
let warnings: { message: string; file: string | null }[]
const onWarning = (message: string, d: { file: string | null }) => warnings.push({ message, file: d.file })

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('storeglance-oversize-'))
  clock = manualClock('2024-05-02T10:00:00.000Z')
  warnings = []
})
afterEach(() => cleanup())

/** Makes `file` a sparse file of `mb` megabytes (no disk used). */
async function inflate(file: string, mb: number): Promise<void> {
  await writeFile(file, '')
  await truncate(file, mb * MB)
}

/** The one set-aside copy of `name`, checked to be the whole oversized file. */
async function asideWhole(name: string, mb: number): Promise<string> {
  const found = (await readdir(dir)).filter((n) => n.startsWith(`${name}.corrupt-`))
  expect(found).toHaveLength(1)
  expect((await stat(join(dir, found[0]!))).size).toBe(mb * MB)
  return found[0]!
}

describe('an oversized snapshot file', () => {
  const older = makeSnapshot(1, '2024-05-02T09:00:00.000Z')
  const newer = makeSnapshot(2, '2024-05-02T09:30:00.000Z')

  it('current.json of 600 MB: set aside unread, the previous copy shown, the size said', async () => {
    const store = createSnapshotStore({ dir, clock, onWarning })
    await store.save('s1', older)
    await store.save('s1', newer)
    await inflate(join(dir, 's1.current.json'), 600)
    expect(await createSnapshotStore({ dir, clock, onWarning }).load('s1')).toEqual({ current: older, previous: null })
    const name = await asideWhole('s1.current.json', 600)
    expect(warnings).toEqual([
      {
        message: `The saved figures for s1 were damaged (too large: 600 MB; at most 64 MB is expected) and have been set aside as ${name}; showing the copy from 2024-05-02 09:00 UTC.`,
        file: join(dir, name),
      },
    ])
    expect(JSON.parse(await readFile(join(dir, 's1.previous.json'), 'utf8')).snapshot).toEqual(older)
  })

  it('previous.json of 600 MB: set aside unread, the current copy untouched', async () => {
    const store = createSnapshotStore({ dir, clock, onWarning })
    await store.save('s1', older)
    await store.save('s1', newer)
    await inflate(join(dir, 's1.previous.json'), 600)
    expect(await createSnapshotStore({ dir, clock, onWarning }).load('s1')).toEqual({ current: newer, previous: null })
    await asideWhole('s1.previous.json', 600)
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringMatching(
        /^The earlier saved figures for s1 were damaged \(too large: 600 MB; at most 64 MB is expected\) and have been set aside as s1\.previous\.json\.corrupt-/,
      ),
    ])
  })
})

describe('an oversized history file', () => {
  it('is set aside unread; history starts again and the next day is recorded', async () => {
    await inflate(join(dir, 's1.json'), 600)
    const history = createHistoryStore({ dir, clock, onWarning })
    expect(await history.read('s1')).toEqual([])
    const name = await asideWhole('s1.json', 600)
    expect(warnings).toEqual([
      {
        message: `The local history for s1 was damaged (too large: 600 MB; at most 64 MB is expected) and has been set aside as ${name}; history starts again from today.`,
        file: join(dir, name),
      },
    ])
    expect(await history.record('s1', 'UTC', makeSnapshot(3, '2024-05-02T09:45:00.000Z'))).toEqual({ written: true })
    expect((await createHistoryStore({ dir, clock }).read('s1')).map((r) => r.day)).toEqual(['2024-05-02'])
  })
})
