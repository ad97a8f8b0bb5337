/**
 * A machine where keytar could not be built (it is an optional dependency, so `npm install`
 * leaves it out): the built CLI runs from a copy whose node_modules has every package but keytar.
 * The demo works; storing a key says exactly what to install; nothing crashes.
 */
import { cp, mkdir, mkdtemp, readdir, rm, symlink } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cli, demoServer, ENV_KEY, tempHome } from './helpers'

const ROOT = resolve(__dirname, '../../..')
let install: string
let cliPath: string

beforeAll(async () => {
  install = await mkdtemp(join(tmpdir(), 'storeglance-no-keytar-'))
  await cp(join(ROOT, 'out', 'main'), join(install, 'out', 'main'), { recursive: true })
  const modules = join(install, 'node_modules')
  await mkdir(modules)
  for (const name of await readdir(join(ROOT, 'node_modules'))) {
    if (name === 'keytar' || name === '.bin') continue
    await symlink(join(ROOT, 'node_modules', name), join(modules, name))
  }
  cliPath = join(install, 'out', 'main', 'cli.js')
})
afterAll(async () => {
  await rm(install, { recursive: true, force: true })
})

describe('without keytar installed', () => {
  it('cannot load keytar in that copy (the premise of these tests)', async () => {
    const { spawnSync } = await import('node:child_process')
    const probe = spawnSync(process.execPath, ['-e', "require('keytar')"], { cwd: join(install, 'out', 'main'), encoding: 'utf8' })
    expect(probe.status).not.toBe(0)
    expect(probe.stderr).toMatch(/Cannot find module 'keytar'/)
  })

  it('the demo works: the demo server runs and its figures can be fetched', async () => {
    const server = await demoServer({ stores: 1 })
    const store = server.stores[0]!
    const args = ['fetch', '--endpoint', server.url, '--user-id', store.userId, '--account-id', store.accountId, '--json']
    const result = await cli(args, { cliPath, home: await tempHome(), env: { STOREGLANCE_API_KEY: store.key } })
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    expect(JSON.parse(result.stdout)).toMatchObject({ accountId: store.accountId })
    expect(ENV_KEY).not.toBe(store.key)
  })

  it('adding a real store says exactly what to install, exits 4 and saves nothing', async () => {
    const server = await demoServer({ stores: 1 })
    const store = server.stores[0]!
    const home = await tempHome()
    const add = ['accounts', 'add', '--label', 'Shop', '--endpoint', server.url, '--user-id', store.userId, '--account-id', store.accountId]
    const result = await cli(add, { cliPath, home, input: store.key })
    expect(result.code).toBe(4)
    const expected = process.platform === 'linux' ? /sudo apt-get install libsecret-1-dev build-essential/ : /npm install` again/
    expect(result.stderr).toMatch(/keytar\) is not installed/)
    expect(result.stderr).toMatch(expected)
    const list = await cli(['accounts', 'list', '--json'], { cliPath, home })
    expect(JSON.parse(list.stdout)).toEqual([])
  })
})
