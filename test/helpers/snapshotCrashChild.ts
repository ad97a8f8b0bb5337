/**
 * Child process for the snapshot crash test (bundled to plain JS by the test, run with `node`).
 * Runs the real snapshot store in a loop on `argv[2]` and reports each resolved save on stdout
 * (pipes are synchronous on POSIX, so a reported save has returned), until it is killed.
 * Data changes on most saves; some repeat the data with a later fetchedAt, some flush.
 */
import { createSnapshotStore } from '../../src/main/core/snapshots'
import { loadAll, makeSnapshot } from './snapshotFixtures'

const dir = process.argv[2]
const ids = ['alpha', 'beta']

async function main(): Promise<void> {
  const store = createSnapshotStore({ dir, onWarning: (m) => process.stdout.write(`warn ${m.replace(/\n/g, ' ')}\n`) })
  const loaded = await loadAll(store, ids)
  const n: Record<string, number> = {}
  const t: Record<string, number> = {}
  for (const id of ids) {
    const cur = loaded[id].current
    n[id] = cur?.customers.thisMonth ?? 0
    t[id] = cur ? Date.parse(cur.fetchedAt) : Date.UTC(2024, 4, 2)
  }
  process.stdout.write('ready\n')
  for (let i = 0; ; i++) {
    const id = ids[i % ids.length]
    const change = i % 5 !== 4
    if (change) n[id] += 1
    t[id] += change ? 60_000 : 16 * 60_000
    const r = await store.save(id, makeSnapshot(n[id], new Date(t[id]).toISOString(), id))
    process.stdout.write(`saved ${id} ${n[id]} ${r.changed} ${r.written}\n`)
    if (i % 7 === 6) await store.flush()
  }
}

void main()
