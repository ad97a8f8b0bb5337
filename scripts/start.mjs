// `npm start`: builds the app, makes sure the Electron runtime is there (the electron package
// downloads it on first use, not at install), then starts Storeglance. With no store set up, the
// app opens on its built-in demo stores.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)
const run = (cmd, args) => spawnSync(cmd, args, { stdio: 'inherit', shell: process.platform === 'win32' })

if (run('npx', ['electron-vite', 'build']).status !== 0) process.exit(1)

const electronDir = dirname(require.resolve('electron/package.json'))
if (!existsSync(join(electronDir, 'path.txt')) && !process.env.ELECTRON_EXEC_PATH) {
  console.log('Downloading the Electron runtime (once)…')
  const install = run(process.execPath, [join(electronDir, 'install.js')])
  if (install.status !== 0 || !existsSync(join(electronDir, 'path.txt'))) {
    console.error(
      [
        '',
        'Storeglance could not download the Electron runtime it runs on (see the error above).',
        'Check the network or proxy and run `npm start` again, or point ELECTRON_EXEC_PATH at an Electron 45 binary.',
        'Meanwhile the command line works without it: `npx storeglance demo-server`, then `npx storeglance --help`.',
      ].join('\n'),
    )
    process.exit(1)
  }
}

process.exit(run('npx', ['electron-vite', 'preview', '--skipBuild']).status ?? 1)
