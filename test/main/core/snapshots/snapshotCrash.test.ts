/**
 * Crash test: the real snapshot store, bundled to plain JS, writes in a loop in a child process
 * that is killed with SIGKILL at random moments, 30 times over the same directory. After every
 * kill, every snapshot file left must be whole and valid, nothing may need quarantining, and a
 * fresh store must load a snapshot no older than the last save the child saw resolve.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { readFile, readdir, utimes } from 'node:fs/promises'
import { join } from 'node:path'
import { bundleForNode } from '../../../helpers/bundle'
import { createSnapshotStore } from '../../../../src/main/core/snapshots'
import { snapshotEnvelopeSchema } from '../../../../src/main/core/snapshots/schema'
import { loadAll, tempDir } from '../../../helpers/snapshotFixtures'
import { TEMP_FILE_MAX_AGE_MS } from '../../../../src/main/core/snapshots/files'

const KILLS = 30
let childScript: string
let work: { dir: string; cleanup: () => Promise<void> }
let bundle: { file: string; cleanup: () => Promise<void> }

beforeAll(async () => {
  bundle = await bundleForNode('test/helpers/snapshotCrashChild.ts', 'child.cjs')
  work = await tempDir('storeglance-crash-')
  childScript = bundle.file
}, 30_000)

afterAll(async () => {
  await work?.cleanup()
  await bundle?.cleanup()
})

/** mulberry32: a tiny seeded PRNG, so the kill moments replay. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Runs the child until it has reported `saves` resolved saves (-1: kill at once), kills it, returns its output lines. */
function runAndKill(dir: string, saves: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [childScript, dir], { stdio: ['ignore', 'pipe', 'pipe'] })
    const lines: string[] = []
    let buffered = ''
    let stderr = ''
    let killed = false
    const kill = () => {
      if (!killed) child.kill('SIGKILL')
      killed = true
    }
    if (saves < 0) kill()
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8')
      const parts = buffered.split('\n')
      buffered = parts.pop() ?? ''
      lines.push(...parts)
      if (lines.filter((l) => l.startsWith('saved ')).length >= saves) kill()
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.on('error', reject)
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`child ended on its own (${signal ?? _code}): ${stderr}`))
      else resolve(lines)
    })
  })
}

it(`leaves whole, loadable snapshots after ${KILLS} SIGKILLs at random moments`, async () => {
  const random = prng(0xc0ffee)
  const reached: Record<string, number> = { alpha: 0, beta: 0 }
  for (let k = 0; k < KILLS; k++) {
    const saves = k % 6 === 0 ? -1 : Math.floor(random() * 12)
    const lines = await runAndKill(work.dir, saves)
    expect(lines.filter((l) => l.startsWith('warn '))).toEqual([])
    for (const l of lines.filter((x) => x.startsWith('saved '))) {
      const [, id, n] = l.split(' ')
      reached[id] = Math.max(reached[id], Number(n))
    }

    const names = await readdir(work.dir)
    expect(names.filter((n) => n.includes('.corrupt-'))).toEqual([])
    for (const name of names.filter((n) => n.endsWith('.json'))) {
      const text = await readFile(join(work.dir, name), 'utf8')
      const json = (() => {
        try {
          return JSON.parse(text) as unknown
        } catch {
          return `not JSON: ${text.slice(0, 80)}`
        }
      })()
      expect(snapshotEnvelopeSchema.safeParse(json).success, `${name} after kill ${k}: ${String(json).slice(0, 100)}`).toBe(true)
    }

    // What a killed write left behind, seen later (only old temp files are swept: a fresh one may be another process's write).
    const old = new Date(Date.now() - TEMP_FILE_MAX_AGE_MS - 60_000)
    for (const n of names.filter((x) => !x.endsWith('.json'))) await utimes(join(work.dir, n), old, old)
    const warnings: string[] = []
    const loaded = await loadAll(createSnapshotStore({ dir: work.dir, onWarning: (m) => warnings.push(m) }), ['alpha', 'beta'])
    expect(warnings).toEqual([])
    for (const id of ['alpha', 'beta']) {
      const { current, previous } = loaded[id]
      if (reached[id] === 0 && current === null) continue // killed before its first save
      const n = current?.customers.thisMonth ?? -1
      expect(n, `${id} after kill ${k}`).toBeGreaterThanOrEqual(reached[id])
      expect(n).toBeLessThanOrEqual(reached[id] + 1)
      if (previous) expect(previous.customers.thisMonth).toBeLessThan(n)
      reached[id] = n
    }
    // the fresh store swept the temp files a killed write left behind
    expect((await readdir(work.dir)).filter((n) => !n.endsWith('.json'))).toEqual([])
  }
  expect(reached.alpha).toBeGreaterThan(5)
}, 30_000)
