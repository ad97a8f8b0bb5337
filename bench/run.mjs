// npm run bench: builds the app (the window and the parse worker are measured as shipped), bundles
// bench/main.ts for plain Node and runs it with --expose-gc. Arguments are passed on, e.g.
// `npm run bench -- --only=1,2` or `npm run bench -- --no-build`.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { join } from 'node:path'
import { build } from 'vite'

const root = fileURLToPath(new URL('..', import.meta.url))
const args = process.argv.slice(2)

function run(cmd, argv) {
  const r = spawnSync(cmd, argv, { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (!args.includes('--no-build')) run('npx', ['electron-vite', 'build'])
// Placed two levels down (out/bench/) so the harness finds the project root as it does from test/e2e.
await build({
  configFile: false,
  logLevel: 'warn',
  root,
  build: {
    ssr: join(root, 'bench/main.ts'),
    outDir: join(root, 'out/bench'),
    emptyOutDir: true,
    minify: false,
    rolldownOptions: { output: { format: 'cjs', entryFileNames: 'run.cjs' } },
  },
  ssr: { target: 'node' },
})
run(process.execPath, ['--expose-gc', join(root, 'out/bench/run.cjs'), ...args.filter((a) => a !== '--no-build')])
