/**
 * Files of demo stores left behind by an earlier demo run: the first real store was added while the
 * app was closed (by `storeglance accounts add`), so the app never left demo mode itself. Demo
 * stores have `demo-` ids and live in memory only; their saved figures must not linger.
 */
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'

/** `demo-<id>.current.json`, `demo-<id>.previous.json` (snapshots) and `demo-<id>.json` (history). */
const DEMO_FILE = /^(demo-[A-Za-z0-9_-]{1,80})\.(?:current\.json|previous\.json|json)$/

/** The ids of demo stores with files under `<userData>/snapshots` or `<userData>/history`. */
export async function demoLeftoverIds(userDataDir: string): Promise<string[]> {
  const names = await Promise.all(['snapshots', 'history'].map((d) => readdir(join(userDataDir, d)).catch(() => [] as string[])))
  const ids = names.flat().flatMap((name) => DEMO_FILE.exec(name)?.[1] ?? [])
  return [...new Set(ids)].sort()
}
