import { afterEach, beforeEach, expect, it, vi } from 'vitest'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { makeSnapshot, manualClock, tempDir } from '../../../helpers/snapshotFixtures'

// The move aside itself fails (a read-only folder, a file held open on Windows): reading must still not throw.
vi.mock('../../../../src/main/core/fsAtomic', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../../../src/main/core/fsAtomic')>()),
  quarantineUnique: () => Promise.reject(Object.assign(new Error('denied'), { code: 'EACCES' })),
}))

const { createSnapshotStore, createHistoryStore } = await import('../../../../src/main/core/snapshots')

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

it('uses the other copy and says the damaged file is being ignored when it cannot be moved aside', async () => {
  const warnings: string[] = []
  const store = createSnapshotStore({ dir, clock: manualClock(), onWarning: (m) => warnings.push(m) })
  await store.save('s1', makeSnapshot(1, '2024-05-02T09:00:00.000Z'))
  await store.save('s1', makeSnapshot(2, '2024-05-02T09:10:00.000Z'))
  await writeFile(join(dir, 's1.current.json'), '{')
  const again = createSnapshotStore({ dir, clock: manualClock(), onWarning: (m) => warnings.push(m) })
  expect((await again.load('s1')).current).toEqual(makeSnapshot(1, '2024-05-02T09:00:00.000Z'))
  expect(warnings).toEqual([
    'The saved figures for s1 were damaged and are being ignored (s1.current.json could not be moved aside); showing the copy from 2024-05-02 09:00 UTC.',
  ])
  // and the next save replaces the damaged file
  await again.save('s1', makeSnapshot(3, '2024-05-02T09:20:00.000Z'))
  expect((await createSnapshotStore({ dir }).load('s1')).current).toEqual(makeSnapshot(3, '2024-05-02T09:20:00.000Z'))
})

it('history: an unreadable file that cannot be moved aside is ignored', async () => {
  const warnings: string[] = []
  await writeFile(join(dir, 's1.json'), 'nope')
  const history = createHistoryStore({ dir, clock: manualClock(), onWarning: (m) => warnings.push(m) })
  expect(await history.read('s1')).toEqual([])
  expect(warnings).toEqual([
    'The local history for s1 was damaged and is being ignored (s1.json could not be moved aside); history starts again from today.',
  ])
})
