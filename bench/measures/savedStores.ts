/**
 * A user data folder holding saved stores and their last snapshots, for the window and cold-start
 * measures: `n` demo stores added as real (saved) stores, keys in a memory keychain the harness's
 * core is given too, polled once so every store has a snapshot on disk.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MemorySecretStore } from '../../src/main/core/accounts'
import { demoAccountInput, startDemoServer, type DemoServer } from '../../src/main/core/demo'
import { createMonitor } from '../../src/main/core/monitor'
import { systemClock } from '../../src/main/core/ports'
import { openUserData } from '../../src/main/core/userData'
import type { SnapshotPair } from '../../src/shared/ipc'

export interface SavedStores {
  dir: string
  secrets: MemorySecretStore
  server: DemoServer
  pairs: SnapshotPair[]
  /** Stops the demo server (the stores are then offline) and, with `removeDir`, deletes the folder. */
  close(removeDir?: boolean): Promise<void>
}

/** Creates the folder with `n` saved stores and their snapshots; the demo server keeps running. */
export async function savedStores(n: number): Promise<SavedStores> {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-bench-ui-'))
  const secrets = new MemorySecretStore()
  const server = await startDemoServer({ stores: n, seed: 11 })
  const data = await openUserData({ dir, secrets, warn: () => {}, clock: systemClock })
  for (const s of server.stores) {
    await data.accounts.add(demoAccountInput(server.url, s), s.key)
  }
  const monitor = createMonitor({ ...data, clock: systemClock, spreadMs: () => 0, refreshDebounceMs: 0 })
  await monitor.pollAllOnce()
  const pairs = monitor.snapshots()
  await monitor.stop()
  let closed = false
  return {
    dir,
    secrets,
    server,
    pairs,
    async close(removeDir = true) {
      if (!closed) await server.close()
      closed = true
      if (removeDir) await rm(dir, { recursive: true, force: true })
    },
  }
}
