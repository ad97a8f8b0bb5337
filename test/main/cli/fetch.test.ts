/**
 * `storeglance fetch` against the demo server, in a child process: the JSON equals the snapshot the
 * client gets in-process, the summary shows the same figures, every fault gives its exit code and a
 * message saying which failure it was, and the key comes from the environment or the keychain only.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { describe, expect, it } from 'vitest'
import type { DemoFault, DemoServer, DemoStore } from '../../../src/main/core/demo'
import {
  cli,
  clientSnapshot,
  demoServer,
  ENV_KEY,
  NO_DBUS,
  requireKeychain,
  seedAccounts,
  seedWithoutKeys,
  skipKeychain,
  tempHome,
  withoutFetchedAt,
} from './helpers'

const target = (server: DemoServer, store: DemoStore) => [
  '--endpoint',
  server.url,
  '--user-id',
  store.userId,
  '--account-id',
  store.accountId,
]
const withKey = (store: DemoStore) => ({ env: { STOREGLANCE_API_KEY: store.key } })

describe('storeglance fetch with STOREGLANCE_API_KEY', () => {
  it('--json prints exactly the StoreSnapshot the client gets (XML and JSON, list sizes as asked)', async () => {
    const server = await demoServer({ stores: 2 })
    const store = server.stores[1]!
    const sizes = { mostActive: 3, days: 7, lastTransactions: 4, lastCustomers: 2 }
    const home = await tempHome()
    for (const format of ['xml', 'json'] as const) {
      const args = [
        'fetch',
        ...target(server, store),
        '--format',
        format,
        '--top',
        '3',
        '--days',
        '7',
        '--last-transactions',
        '4',
        '--last-customers',
        '2',
        '--json',
      ]
      const r = await cli(args, { home, ...withKey(store) })
      expect(r.code, r.stderr).toBe(0)
      expect(r.stderr).toBe('')
      const printed = JSON.parse(r.stdout)
      expect(Date.parse(printed.fetchedAt)).not.toBeNaN()
      const expected = await clientSnapshot(server, store, format, sizes)
      expect(withoutFetchedAt(printed)).toEqual(withoutFetchedAt(expected))
      expect(printed.mostActive).toHaveLength(3)
      expect(printed.lastTransactions).toHaveLength(4)
    }
  })

  it('without --json prints a readable summary of the same figures; nothing is saved', async () => {
    const server = await demoServer({ stores: 1 })
    const store = server.stores[0]!
    const home = await tempHome()
    const r = await cli(['fetch', ...target(server, store), '--top', '2'], { home, ...withKey(store) })
    expect(r.code, r.stderr).toBe(0)
    const s = await clientSnapshot(server, store)
    const fig = (n: number | null) => n!.toLocaleString('en-US')
    expect(r.stdout).toContain(`Store ${store.accountId} (user ${store.userId}`)
    expect(r.stdout).toMatch(new RegExp(`Customers, all time\\s+${fig(s.customers.allTime)}\\n`))
    expect(r.stdout).toMatch(
      new RegExp(
        `Transactions this month\\s+${fig(s.transactions.thisMonth)} \\(.*vs ${fig(s.transactions.samePeriodLastMonth)} in the same period last month\\)`,
      ),
    )
    expect(r.stdout).toMatch(new RegExp(`Active campaigns\\s+${s.activeCampaigns}\\n`))
    for (const c of s.mostActive.slice(0, 2)) expect(r.stdout).toContain(`${c.firstName} ${c.lastName}`)
    expect(r.stdout).toContain(s.lastTransactions[0]!.date)
    const { readdir } = await import('node:fs/promises')
    expect(await readdir(home)).toEqual([])
  })

  const transport: [string, DemoFault | 'closed', RegExp, string[]][] = [
    ['HTTP 502', { kind: 'http', status: 502 }, /^storeglance: HTTP error: The server had a problem \(HTTP 502\)\.$/, []],
    ['an HTML page with status 200', { kind: 'html200' }, /^storeglance: Unusable response: .*not a dashboard response/, []],
    ['a truncated body', { kind: 'truncated' }, /^storeglance: Unusable response: .*(cut off|could not be read)/, []],
    ['a connection reset', { kind: 'reset' }, /^storeglance: Network error: /, []],
    [
      'a body that never ends',
      { kind: 'hang' },
      /^storeglance: Timeout: The server did not answer within 0\.5 s\.$/,
      ['--timeout-ms', '500'],
    ],
    ['a body too large', { kind: 'huge', bytes: 8 * 1024 * 1024 }, /^storeglance: Unusable response: .*too large/, []],
    ['a closed port', 'closed', /^storeglance: Network error: The server refused the connection/, []],
  ]

  it.each(transport)('exit 3 on %s, and stderr says which failure it was', async (_name, fault, message, extra) => {
    const server = await demoServer({ stores: 1 })
    const store = server.stores[0]!
    if (fault === 'closed') await server.close()
    else server.setFault(store.accountId, fault)
    const r = await cli(['fetch', ...target(server, store), ...extra], { home: await tempHome(), ...withKey(store) })
    expect(r.code).toBe(3)
    expect(r.stdout).toBe('')
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(r.stderr.trimEnd()).toMatch(message)
  })

  it('exit 3 on an HTTP error whatever the key, even one letter long, in a message printed once', async () => {
    const server = await demoServer({ stores: 1 })
    const store = server.stores[0]!
    server.setFault('*', { kind: 'http', status: 500 })
    for (const key of ['k', 'e']) {
      const r = await cli(['fetch', ...target(server, store)], { home: await tempHome(), env: { STOREGLANCE_API_KEY: key } })
      expect(r.code, key).toBe(3)
      expect(r.stderr, key).not.toMatch(/\[r\[|debug/)
      expect(r.stderr.trimEnd().split('\n'), key).toHaveLength(1)
    }
  })

  it('exit 2 when the server answers with an error, with its message', async () => {
    const server = await demoServer({ stores: 1 })
    const store = server.stores[0]!
    server.setFault(store.accountId, { kind: 'apiError', message: 'Account suspended for maintenance' })
    const r = await cli(['fetch', ...target(server, store), '--json'], { home: await tempHome(), ...withKey(store) })
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe('storeglance: Server error: The server refused the request: Account suspended for maintenance\n')
  })

  it('exit 2 for a wrong key, which is never printed', async () => {
    const server = await demoServer({ stores: 1 })
    const r = await cli(['fetch', ...target(server, server.stores[0]!)], { home: await tempHome(), env: { STOREGLANCE_API_KEY: ENV_KEY } })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^storeglance: Server error: The server refused the request: /)
  })

  it('--debug adds the stack trace; without it there is none', async () => {
    const server = await demoServer({ stores: 1 })
    const store = server.stores[0]!
    server.setFault(store.accountId, { kind: 'http', status: 503 })
    const r = await cli(['fetch', ...target(server, store), '--debug'], { home: await tempHome(), ...withKey(store) })
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/^\s+at .+/m)
  })

  it('the key goes in the header only: it is in no request line or body the server sees', async () => {
    const seen: string[] = []
    const spy = createServer((req, res) => {
      let body = ''
      req.on('data', (d) => (body += d))
      req.on('end', () => {
        seen.push(`${req.url} ${body}`)
        res.end('<response status="error"><error>nope</error></response>')
      })
    })
    await new Promise<void>((r) => spy.listen(0, '127.0.0.1', r))
    try {
      const url = `http://127.0.0.1:${(spy.address() as AddressInfo).port}`
      const r = await cli(['fetch', '--endpoint', url, '--user-id', 'u', '--account-id', 'a'], {
        home: await tempHome(),
        env: { STOREGLANCE_API_KEY: ENV_KEY },
      })
      expect(r.code).toBe(2)
      expect(seen).toHaveLength(1)
      expect(seen[0]).not.toContain(ENV_KEY)
    } finally {
      spy.close()
    }
  })
})

describe('storeglance fetch without STOREGLANCE_API_KEY', () => {
  it('exit 4 when no key is available, saying how to provide one', async () => {
    const server = await demoServer({ stores: 1 })
    const r = await cli(['fetch', ...target(server, server.stores[0]!)], { home: await tempHome() })
    expect(r.code).toBe(4)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      'storeglance: No API key for this store. Set STOREGLANCE_API_KEY or add the store with `storeglance accounts add`.\n',
    )
  })

  it.skipIf(skipKeychain)('reads the key of the configured store from the keychain (endpoint as given or with /api.php)', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    await seedAccounts(home, server, server.stores)
    const store = server.stores[1]!
    const r = await cli(
      ['fetch', '--endpoint', `${server.url}/api.php`, '--user-id', store.userId, '--account-id', store.accountId, '--json'],
      { home },
    )
    expect(r.code, r.stderr).toBe(0)
    expect(withoutFetchedAt(JSON.parse(r.stdout))).toEqual(withoutFetchedAt(await clientSnapshot(server, store)))
  })

  it.skipIf(skipKeychain)('STOREGLANCE_API_KEY wins over the keychain', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    await seedAccounts(home, server, server.stores)
    const r = await cli(['fetch', ...target(server, server.stores[0]!)], { home, env: { STOREGLANCE_API_KEY: ENV_KEY } })
    expect(r.code).toBe(2) // the (wrong) environment key was used
  })

  it.skipIf(skipKeychain)('exit 4 when the configured store has no key in the keychain', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    await seedWithoutKeys(home, server, server.stores)
    const r = await cli(['fetch', ...target(server, server.stores[0]!)], { home })
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(
      /^storeglance: The keychain holds no key for "Harbour Café"\. Set STOREGLANCE_API_KEY, or give the store its key again in Storeglance/,
    )
  })

  it('exit 4 with the keychain’s own advice when no keychain answers', async () => {
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    await seedWithoutKeys(home, server, server.stores)
    const r = await cli(['fetch', ...target(server, server.stores[0]!)], { home, env: { DBUS_SESSION_BUS_ADDRESS: NO_DBUS } })
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/^storeglance: Storeglance keeps API keys only in the system keychain/)
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1)
  })
})
