// `npm run dist`: builds the app and packages the installer for this platform with electron-builder
// (electron-builder.yml: AppImage and deb on Linux, a universal dmg on macOS, nsis on Windows) into
// dist/. electron-builder downloads the Electron distribution it packages; where that is not
// possible, this stops with one sentence saying so.
import { spawn, spawnSync } from 'node:child_process'
import { explainDistFailure } from './distFailure.mjs'

const win = process.platform === 'win32'
if (spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', shell: win }).status !== 0) process.exit(1)

const args = ['electron-builder', '--publish', 'never', ...process.argv.slice(2)]
const child = spawn('npx', args, { stdio: ['inherit', 'pipe', 'pipe'], shell: win })
let output = ''
const keep = (chunk) => {
  output = (output + chunk.toString()).slice(-1_000_000)
}
child.stdout.on('data', (chunk) => {
  process.stdout.write(chunk)
  keep(chunk)
})
child.stderr.on('data', (chunk) => {
  process.stderr.write(chunk)
  keep(chunk)
})
child.on('error', (err) => {
  console.error(`\nStoreglance could not start electron-builder: ${err.message}`)
  process.exit(1)
})
child.on('close', (code) => {
  if (code === 0) {
    console.log('\nThe installer is in dist/.')
    process.exit(0)
  }
  console.error(`\n${explainDistFailure(output)}`)
  process.exit(code || 1)
})
