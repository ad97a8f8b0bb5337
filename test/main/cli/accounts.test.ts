/**
 * `storeglance accounts` against the demo server and the real keychain (inside
 * scripts/with-keyring.sh): a key piped on stdin is tested, then stored in the keychain and never
 * in settings.json; every refusal has its exit code; list, test and remove find stores by id or label.
 */
import { execFileSync, spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { KeytarSecretStore } from '../../../src/main/core/accounts'
import type { DemoStore } from '../../../src/main/core/demo'
import { STORE_COLOURS } from '../../../src/shared/model'
import { addArgs, CLI, cli, demoServer, NO_DBUS, requireKeychain, seedAccounts, seedWithoutKeys, skipKeychain, tempHome } from './helpers'

const listJson = async (home: string) =>
  JSON.parse((await cli(['accounts', 'list', '--json'], { home })).stdout) as {
    id: string
    label: string
    hasKey: boolean | null
    limitedPermissions?: boolean
  }[]

describe(`storeglance accounts with the real keychain${skipKeychain ? ' (SKIPPED: no keychain)' : ''}`, () => {
  it.skipIf(skipKeychain)('add reads the key from stdin, tests it, keeps it in the keychain only; list shows the store', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    const [a, b] = server.stores as [DemoStore, DemoStore]
    const added = await cli(addArgs(server, a), { home, input: `${a.key}\n` })
    expect(added.code, added.stderr).toBe(0)
    expect(added.stdout).toMatch(/^Added "Harbour Café" \(id [0-9a-f-]{36}\)\. Its API key is in the system keychain\.\n$/)
    expect(
      (await cli(addArgs(server, b, ['--limited-permissions', '--colour', '#123456', '--format', 'json']), { home, input: b.key })).code,
    ).toBe(0)

    const settings = await readFile(join(home, 'settings.json'), 'utf8')
    expect(settings).not.toContain(a.key)
    const list = await listJson(home)
    expect(list.map((x) => [x.label, x.hasKey, x.limitedPermissions ?? false])).toEqual([
      ['Harbour Café', true, false],
      [b.label, true, true],
    ])
    expect(await new KeytarSecretStore().get(list[0]!.id)).toBe(a.key)

    const text = await cli(['accounts', 'list'], { home })
    expect(text.code).toBe(0)
    expect(text.stdout.split('\n')[0]).toMatch(/^ID\s+Label\s+Endpoint\s+User id\s+Account id\s+Time zone\s+Enabled\s+Permissions\s+Key$/)
    expect(text.stdout).toMatch(
      new RegExp(
        `${list[1]!.id}\\s+${b.label}\\s+${server.url}\\s+${b.userId}\\s+${b.accountId}\\s+${b.timeZone}\\s+yes\\s+limited\\s+stored`,
      ),
    )
  })

  it.skipIf(skipKeychain)('add without --colour picks the first palette colour no store uses, as the window does', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    const [a, b] = server.stores as [DemoStore, DemoStore]
    await seedAccounts(home, server, [a])
    const added = await cli(addArgs(server, b), { home, input: b.key })
    expect(added.code, added.stderr).toBe(0)
    const settings = JSON.parse(await readFile(join(home, 'settings.json'), 'utf8')) as { accounts: { label: string; colour: string }[] }
    expect(settings.accounts.map((x) => x.colour)).toEqual([STORE_COLOURS[0], STORE_COLOURS[1]])
  })

  it.skipIf(skipKeychain)(
    'add refuses a duplicate (64), a key the server refuses (2), a server that fails (3) and no key (4); nothing is saved',
    async () => {
      requireKeychain()
      const server = await demoServer({ stores: 2 })
      const home = await tempHome()
      const [a, b] = server.stores as [DemoStore, DemoStore]
      await seedAccounts(home, server, [a])

      const dup = await cli(addArgs(server, a, ['--label', 'Again']), { home, input: a.key })
      expect(dup.code).toBe(64)
      expect(dup.stderr).toMatch(/^storeglance: This store is already in Storeglance as "Harbour Café"/)

      const wrong = await cli(addArgs(server, b), { home, input: a.key })
      expect(wrong.code).toBe(2)
      expect(wrong.stderr).toMatch(
        /storeglance: Server error: Storeglance could not open the dashboard of ".*" with this key: The server refused the request/,
      )

      server.setFault(b.accountId, { kind: 'http', status: 502 })
      const failing = await cli(addArgs(server, b), { home, input: b.key })
      expect(failing.code).toBe(3)
      expect(failing.stderr).toMatch(/storeglance: HTTP error: .*HTTP 502/)

      const empty = await cli(addArgs(server, b), { home, input: '  \n' })
      expect(empty.code).toBe(4)
      expect(empty.stderr).toMatch(/^storeglance: No API key was given: pipe it on standard input/)

      expect((await listJson(home)).map((x) => x.label)).toEqual(['Harbour Café'])
    },
  )

  it.skipIf(skipKeychain)('test by label or id: 0 when the server answers, 2 or 3 when not, 4 when the key is missing', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    const [acc] = await seedAccounts(home, server, [server.stores[0]!])
    const ok = await cli(['accounts', 'test', 'harbour café'], { home })
    expect(ok.code, ok.stderr).toBe(0)
    expect(ok.stdout).toMatch(/^OK: "Harbour Café" answered in \d+ ms \([\d,]+ customers, [\d,]+ transactions this month\)\.\n$/)
    expect((await cli(['accounts', 'test', acc!.id], { home })).code).toBe(0)

    server.setFault(server.stores[0]!.accountId, { kind: 'apiError', message: 'Key revoked' })
    const refused = await cli(['accounts', 'test', 'Harbour Café'], { home })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toBe('storeglance: Server error: The server refused the request: Key revoked\n')
    server.setFault(server.stores[0]!.accountId, { kind: 'reset' })
    expect((await cli(['accounts', 'test', 'Harbour Café'], { home })).code).toBe(3)

    const noKeyHome = await tempHome()
    await seedWithoutKeys(noKeyHome, server, [server.stores[1]!])
    const noKey = await cli(['accounts', 'test', server.stores[1]!.label], { home: noKeyHome })
    expect(noKey.code).toBe(4)
    expect(noKey.stderr).toMatch(/The keychain holds no key for/)

    const unknown = await cli(['accounts', 'test', 'Nowhere'], { home })
    expect(unknown.code).toBe(64)
    expect(unknown.stderr).toMatch(
      /^storeglance: No store has the id or label "Nowhere"\. See `storeglance accounts list`\.\nUsage: storeglance accounts test/,
    )
  })

  it.skipIf(skipKeychain)('remove deletes the store, its key and its saved figures', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    const accounts = await seedAccounts(home, server, server.stores)
    expect((await cli(['snapshot'], { home })).code).toBe(0)
    const r = await cli(['accounts', 'remove', 'Harbour Café'], { home })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toBe('Removed "Harbour Café", its key and its saved figures.\n')
    expect((await listJson(home)).map((x) => x.id)).toEqual([accounts[1]!.id])
    expect(await new KeytarSecretStore().get(accounts[0]!.id)).toBeNull()
    const { readdir } = await import('node:fs/promises')
    expect((await readdir(join(home, 'snapshots'))).filter((f) => f.startsWith(accounts[0]!.id))).toEqual([])
    expect((await cli(['accounts', 'remove', 'Harbour Café'], { home })).code).toBe(64)
  })

  it.skipIf(skipKeychain)('remove without a keychain: the store goes, exit 4 says where its key was left', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    const [account] = await seedAccounts(home, server, server.stores)
    const r = await cli(['accounts', 'remove', 'Harbour Café'], { home, env: { DBUS_SESSION_BUS_ADDRESS: NO_DBUS } })
    expect(r.code).toBe(4)
    expect(r.stdout).toBe('Removed "Harbour Café" and its saved figures; its key is still in the keychain (see the warning).\n')
    expect(r.stderr).toContain(
      `Delete the entry "Storeglance/${account!.id}" (service Storeglance, account ${account!.id}) with your keychain app.`,
    )
    expect(await listJson(home)).toEqual([])
    // It is indeed still there, where the warning says.
    expect(await new KeytarSecretStore().get(account!.id)).toBe(server.stores[0]!.key)
    await new KeytarSecretStore().delete(account!.id)
  })

  it('add: exit 4 when no keychain answers (after the key was tested); nothing saved', async () => {
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    const s = server.stores[0]!
    const r = await cli(addArgs(server, s), { home, input: s.key, env: { DBUS_SESSION_BUS_ADDRESS: NO_DBUS } })
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/^Testing the key.*\nstoreglance: Storeglance keeps API keys only in the system keychain/)
    expect(await listJson(home)).toEqual([])
  })
})

describe('storeglance accounts list without stores or keychain', () => {
  it('says there are no stores yet (text) or prints [] (json)', async () => {
    const home = await tempHome()
    const text = await cli(['accounts', 'list'], { home })
    expect(text).toMatchObject({ code: 0, stdout: '' })
    expect(text.stderr).toMatch(/^No stores are set up yet\. Add one with `storeglance accounts add`/)
    const json = await cli(['accounts', 'list', '--json'], { home })
    expect(JSON.parse(json.stdout)).toEqual([])
  })

  it('still lists the stores when no keychain answers (key state unknown, with a warning)', async () => {
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    await seedWithoutKeys(home, server, server.stores)
    const r = await cli(['accounts', 'list', '--json'], { home, env: { DBUS_SESSION_BUS_ADDRESS: NO_DBUS } })
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)).toMatchObject([{ label: 'Harbour Café', hasKey: null }])
    expect(r.stderr).toMatch(/^Warning: Storeglance keeps API keys only in the system keychain/)
  })
})

/** `script` (util-linux) gives the CLI a real terminal; without it the terminal tests are skipped. */
const noScript = (() => {
  try {
    execFileSync('script', ['--version'], { stdio: 'ignore' })
    return false
  } catch {
    return true
  }
})()

/**
 * Runs the CLI on a pseudo-terminal and types `typed` once "API key: " is shown (typing earlier
 * would be echoed by the terminal before the CLI turns echo off). Returns everything the terminal showed.
 */
function onTerminal(args: string[], typed: string, home: string): Promise<{ code: number | null; screen: string }> {
  const command = ['node', CLI, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ')
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    env: { ...process.env, STOREGLANCE_HOME: home, STOREGLANCE_API_KEY: '' },
  })
  let screen = ''
  let typedYet = false
  const onData = (d: Buffer) => {
    screen += d.toString('utf8')
    if (!typedYet && screen.includes('API key: ')) {
      typedYet = true
      setTimeout(() => child.stdin.write(typed), 100)
    }
  }
  child.stdout.on('data', onData)
  child.stderr.on('data', onData)
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, screen })))
}

describe(`storeglance accounts add on a terminal${noScript ? ' (SKIPPED: no script command)' : ''}`, () => {
  it.skipIf(noScript || skipKeychain)('asks for the key without echo (backspace edits it), then adds the store', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    const s = server.stores[0]!
    const args = ['accounts', 'add', '--label', s.label, '--endpoint', server.url, '--user-id', s.userId, '--account-id', s.accountId]
    const { code, screen } = await onTerminal(args, `${s.key}x\u007f\r`, home)
    expect(code, screen).toBe(0)
    expect(screen).toMatch(/^API key: \r?\nTesting the key/)
    expect(screen).toMatch(/Added "Harbour Café"/)
    expect(screen).not.toContain(s.key)
    expect(screen).not.toContain('*'.repeat(4))
  })

  it.skipIf(noScript)('Ctrl+C at the prompt cancels: exit 4, nothing saved', async () => {
    const home = await tempHome()
    const args = ['accounts', 'add', '--label', 'X', '--endpoint', 'https://api.example.test', '--user-id', 'u', '--account-id', 'a']
    const { code, screen } = await onTerminal(args, 'KEY-cli-zz-991\u0003', home)
    expect(code, screen).toBe(4)
    expect(screen).toMatch(/storeglance: Cancelled: no API key was entered\./)
    expect(screen).not.toContain('KEY-cli-zz-991')
    expect((await cli(['accounts', 'list', '--json'], { home })).stdout.trim()).toBe('[]')
  })
})
