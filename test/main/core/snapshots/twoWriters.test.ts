/**
 * Two processes saving the same store's figures (the app polling, `storeglance snapshot` at the same
 * time): each write happens under the folder's lock from the files as they are now, so the newer
 * figures of the other process become "previous" instead of being lost, and history keeps the days
 * both recorded.
 */
import { afterEach, expect, it } from 'vitest'
import { createHistoryStore, createSnapshotStore } from '../../../../src/main/core/snapshots'
import { createDataLock } from '../../../../src/main/core/dataLock'
import { makeSnapshot, manualClock, tempDir } from '../../../helpers/snapshotFixtures'

const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})

it('a save adopts the figures another process saved meanwhile', async () => {
  const { dir, cleanup } = await tempDir()
  cleanups.push(cleanup)
  const clock = manualClock()
  const open = () => createSnapshotStore({ dir, clock, lock: createDataLock(dir) })
  const app = open()
  const cli = open()
  await app.save('s1', makeSnapshot(1, '2024-05-02T10:00:00.000Z'))
  await cli.load('s1') // the CLI has read s1 = 1
  await app.save('s1', makeSnapshot(2, '2024-05-02T10:05:00.000Z'))
  await cli.save('s1', makeSnapshot(3, '2024-05-02T10:06:00.000Z'))
  const fresh = await open().load('s1')
  expect(fresh.current?.customers.thisMonth).toBe(makeSnapshot(3, '2024-05-02T10:06:00.000Z').customers.thisMonth)
  // Without the re-read, the CLI would have kept its stale 1 as "previous" and lost the app's 2.
  expect(fresh.previous).toEqual(makeSnapshot(2, '2024-05-02T10:05:00.000Z'))
})

it('history records of two processes are merged, not overwritten', async () => {
  const { dir, cleanup } = await tempDir()
  cleanups.push(cleanup)
  const clock = manualClock('2024-05-03T12:00:00.000Z')
  const open = () => createHistoryStore({ dir, clock, lock: createDataLock(dir) })
  const app = open()
  const cli = open()
  await app.record('s1', 'UTC', makeSnapshot(1, '2024-05-01T10:00:00.000Z'))
  await cli.read('s1') // the CLI has read one day
  await app.record('s1', 'UTC', makeSnapshot(2, '2024-05-02T10:00:00.000Z'))
  await cli.record('s1', 'UTC', makeSnapshot(3, '2024-05-03T10:00:00.000Z'))
  expect((await open().read('s1')).map((r) => r.day)).toEqual(['2024-05-01', '2024-05-02', '2024-05-03'])
})
