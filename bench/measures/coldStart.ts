/**
 * Measure 6, cold start offline: from the core's start (with saved stores and their snapshots,
 * the server gone) to the frame in the harness that shows every store's figures, with 5 and with
 * 50 stores. Includes Chromium's launch and the page load, as the reference does: the same start
 * with no store at all, to the first painted frame.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { MemorySecretStore } from '../../src/main/core/accounts'
import { startHarness } from '../../test/e2e/harness'
import { formatFigure } from '../../src/shared/comparison'
import { notMeasured, row, type Row } from '../report'
import { median } from './parse'
import { paintedWith } from './page'
import { savedStores } from './savedStores'

const RUNS = 3

/** ms from startHarness to the painted frame holding `texts` (the time origins differ, so both are summed). */
async function startToPainted(dir: string, secrets: MemorySecretStore, texts: string[]): Promise<number> {
  const t0 = performance.now()
  const h = await startHarness({ userDataDir: dir, core: { demo: 'off', secrets } })
  try {
    const loadedAt = performance.now()
    const pageOrigin = await h.page.evaluate(() => performance.now())
    const painted = await paintedWith(h.page, texts)
    return loadedAt - t0 + (painted - pageOrigin)
  } finally {
    await h.close()
  }
}

/** Median of RUNS cold starts. */
async function coldStart(dir: string, secrets: MemorySecretStore, texts: string[]): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < RUNS; i++) times.push(await startToPainted(dir, secrets, texts))
  return median(times)
}

/** Measure 6: cold start to figures painted, 5 and 50 stores, against an empty start. */
export async function measureColdStart(root: string): Promise<Row[]> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html')))
    return [notMeasured(6, 'coldStart', 'cold start', 'out/renderer is missing (run npm run build)')]
  const empty = await mkdtemp(join(tmpdir(), 'storeglance-bench-empty-'))
  let reference: number
  try {
    await startToPainted(empty, new MemorySecretStore(), []) // warm-up: Chromium's first launch is slower
    reference = await coldStart(empty, new MemorySecretStore(), [])
  } finally {
    await rm(empty, { recursive: true, force: true })
  }
  const rows: Row[] = []
  for (const n of [5, 50]) {
    const saved = await savedStores(n)
    await saved.close(false) // offline from here on
    try {
      const ms = await coldStart(
        saved.dir,
        saved.secrets,
        saved.pairs.map((p) => formatFigure(p.current.customers.allTime)),
      )
      rows.push(
        row(6, `coldStart.${n}`, `cold start offline, ${n} stores → figures painted`, ms, 'ms', {
          figure: reference,
          unit: 'ms',
          what: 'same start, no store',
        }),
      )
    } finally {
      await saved.close()
    }
  }
  return rows
}
