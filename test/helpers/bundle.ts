/**
 * Bundles one TypeScript entry of the project into a single CommonJS file that plain Node (a
 * child process or a worker thread) can run, so such tests exercise the real modules.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'vite'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** Builds `entry` (relative to the project root) into a temp dir; returns the file and a cleanup. */
export async function bundleForNode(entry: string, fileName = 'bundle.cjs'): Promise<{ file: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-bundle-'))
  await build({
    configFile: false,
    logLevel: 'silent',
    root: ROOT,
    build: {
      ssr: join(ROOT, entry),
      outDir: dir,
      emptyOutDir: false,
      minify: false,
      // CommonJS: write-file-atomic uses __filename, which an ES module bundle lacks.
      rolldownOptions: { output: { format: 'cjs', entryFileNames: fileName } },
    },
    ssr: { noExternal: true, target: 'node' },
  })
  return { file: join(dir, fileName), cleanup: () => rm(dir, { recursive: true, force: true }) }
}
