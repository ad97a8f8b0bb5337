/**
 * `--debug` writes the support log to `<STOREGLANCE_HOME>/logs/cli.log` and says where it is; the
 * log names the command and its outcome, never the key (from the environment or the keychain).
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { DemoServer, DemoStore } from '../../../src/main/core/demo'
import { cli, demoServer, tempHome } from './helpers'

const target = (server: DemoServer, store: DemoStore) => [
  '--endpoint',
  server.url,
  '--user-id',
  store.userId,
  '--account-id',
  store.accountId,
]

describe('storeglance --debug', () => {
  it('writes a key-free log of the command to the user data folder and says where', async () => {
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    const store = server.stores[0]!
    const ok = await cli(['fetch', ...target(server, store), '--debug'], { home, env: { STOREGLANCE_API_KEY: store.key } })
    expect(ok.code, ok.stderr).toBe(0)
    const logPath = join(home, 'logs', 'cli.log')
    expect(ok.stderr).toContain(`Debug log: ${logPath}\n`)

    server.setFault('*', { kind: 'apiError', message: `Invalid API key ${store.key}` })
    const refused = await cli(['fetch', ...target(server, store), '--debug'], { home, env: { STOREGLANCE_API_KEY: store.key } })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toContain(`Debug log: ${logPath}\n`)

    const log = await readFile(logPath, 'utf8')
    const lines = log.trimEnd().split('\n')
    expect(lines[0]).toMatch(/ INFO start version=\S+ command=fetch node=/)
    expect(lines[1]).toMatch(/ INFO exit code=0$/)
    expect(lines[2]).toMatch(/ INFO start version=\S+ command=fetch /)
    expect(lines[3]).toMatch(/ ERROR failed code=2 class=api message=".*\[redacted\]/)
    expect(log).not.toContain(store.key)
    expect(log).not.toContain(server.url.replace('http://', '')) // arguments are not logged
  })

  it('writes no log without --debug', async () => {
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    const store = server.stores[0]!
    const ok = await cli(['fetch', ...target(server, store)], { home, env: { STOREGLANCE_API_KEY: store.key } })
    expect(ok.code).toBe(0)
    expect(ok.stderr).not.toContain('Debug log')
    await expect(readFile(join(home, 'logs', 'cli.log'), 'utf8')).rejects.toMatchObject({ code: 'ENOENT' })
  })
})
