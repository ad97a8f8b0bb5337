/**
 * `storeglance snapshot` in a child process against demo stores whose keys are in the real keychain
 * (inside scripts/with-keyring.sh): the table, CSV and JSON carry the demo server's own figures,
 * snapshots are saved, failed stores are marked with exit 1 (2, 3 or 4 when all fail), and
 * --offline prints the stored figures with their age without making a single request.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { StoreSnapshot } from '../../../src/shared/model'
import { createAccountService, MemorySecretStore, openSettingsFile } from '../../../src/main/core/accounts'
import type { DemoServer } from '../../../src/main/core/demo'
import { createSnapshotStore } from '../../../src/main/core/snapshots'
import {
  cli,
  clientSnapshot,
  demoInput,
  demoServer,
  NO_DBUS,
  parseCsv,
  requireKeychain,
  seedAccounts,
  seedWithoutKeys,
  skipKeychain,
  tempHome,
  withoutFetchedAt,
} from './helpers'

const fig = (n: number | null) => (n === null ? '—' : n.toLocaleString('en-US'))
/** The change as the table shows it, computed here independently of shared/period.ts. */
function changeText(cur: number, base: number): string {
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '−' : '±')
  if (base === 0) return `${sign(cur)}${Math.abs(cur).toLocaleString('en-US')}`
  const pct = ((cur - base) / base) * 100
  return `${sign(pct)}${Math.abs(pct).toFixed(1)}%`
}
const sum = (xs: (number | null)[]) => xs.reduce<number>((a, b) => a + (b ?? 0), 0)

/** The text table: header cells and each row's cells, split on runs of 2+ spaces. */
function parseTable(stdout: string): { header: string[]; rows: Map<string, string[]>; rest: string } {
  const [table, ...rest] = stdout.split('\n\n')
  const [head, ...lines] = table!.split('\n')
  const rows = new Map(lines.map((l) => l.split(/\s{2,}/)).map((cells) => [cells[0]!, cells.slice(1)]))
  return { header: head!.trim().split(/\s{2,}/), rows, rest: rest.join('\n\n') }
}

async function figuresOf(server: DemoServer): Promise<StoreSnapshot[]> {
  return Promise.all(server.stores.map((s) => clientSnapshot(server, s)))
}

describe(`storeglance snapshot with the real keychain${skipKeychain ? ' (SKIPPED: no keychain)' : ''}`, () => {
  it.skipIf(skipKeychain)('prints the side-by-side table of the demo server’s own figures, and saves the snapshots', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 3 })
    const home = await tempHome()
    const accounts = await seedAccounts(home, server, server.stores, { over: (s) => ({ limitedPermissions: s === server.stores[2] }) })
    const r = await cli(['snapshot'], { home })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toBe('')
    const snaps = await figuresOf(server)
    const { header, rows, rest } = parseTable(r.stdout)
    expect(header).toEqual(['Harbour Café', 'Greenwich & Sons Hardware', 'Bäckerei Müller *', 'Total'])
    const check = (row: string, pick: (s: StoreSnapshot) => number | null, base?: (s: StoreSnapshot) => number | null) => {
      const cells = rows.get(row)
      expect(cells, row).toBeDefined()
      const expected = snaps.map((s) => (base ? `${fig(pick(s))} (${changeText(pick(s)!, base(s)!)})` : fig(pick(s))))
      const total = sum(snaps.map(pick))
      expected.push(base ? `${fig(total)} (${changeText(total, sum(snaps.map(base)))})` : fig(total))
      expect(cells, row).toEqual(expected)
    }
    check('Customers, all time', (s) => s.customers.allTime)
    check(
      'New customers this month',
      (s) => s.customers.thisMonth,
      (s) => s.customers.samePeriodLastMonth,
    )
    check('New customers, same period last month', (s) => s.customers.samePeriodLastMonth)
    check(
      'Transactions this month',
      (s) => s.transactions.thisMonth,
      (s) => s.transactions.samePeriodLastMonth,
    )
    check('Transactions, same period last month', (s) => s.transactions.samePeriodLastMonth)
    check('Active campaigns', (s) => s.activeCampaigns)
    expect(rows.has('Transactions, month-end pace (projection)')).toBe(true)
    for (const s of server.stores) expect(rest).toMatch(new RegExp(`${s.label}:\\s+as of just now\\s+ok\\n`))
    expect(rest).toContain('* limited permissions: these figures cover only what that user may see.')

    const stored = createSnapshotStore({ dir: join(home, 'snapshots') })
    for (const [i, a] of accounts.entries())
      expect(withoutFetchedAt((await stored.load(a.id)).current!)).toEqual(withoutFetchedAt(snaps[i]!))
  })

  it.skipIf(skipKeychain)('--csv: the same rows and columns as plain numbers, with change rows, ages and statuses', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 3 })
    const home = await tempHome()
    await seedAccounts(home, server, server.stores)
    const r = await cli(['snapshot', '--csv'], { home })
    expect(r.code, r.stderr).toBe(0)
    const snaps = await figuresOf(server)
    const csv = parseCsv(r.stdout)
    expect(csv[0]).toEqual(['key', 'figure', ...server.stores.map((s) => s.label), 'Total', 'Stores in total'])
    const row = (key: string) => csv.find((c) => c[0] === key)!.slice(2)
    const plain = (pick: (s: StoreSnapshot) => number | null) => [...snaps.map((s) => String(pick(s))), String(sum(snaps.map(pick))), '3']
    expect(row('customersAllTime')).toEqual(plain((s) => s.customers.allTime))
    expect(row('customersThisMonth')).toEqual(plain((s) => s.customers.thisMonth))
    expect(row('customersSamePeriod')).toEqual(plain((s) => s.customers.samePeriodLastMonth))
    expect(row('transactionsThisMonth')).toEqual(plain((s) => s.transactions.thisMonth))
    expect(row('transactionsSamePeriod')).toEqual(plain((s) => s.transactions.samePeriodLastMonth))
    expect(row('activeCampaigns')).toEqual(plain((s) => s.activeCampaigns))
    expect(row('transactionsThisMonth.change')).toEqual(plain((s) => s.transactions.thisMonth! - s.transactions.samePeriodLastMonth!))
    const pct = (s: StoreSnapshot) =>
      (((s.transactions.thisMonth! - s.transactions.samePeriodLastMonth!) / s.transactions.samePeriodLastMonth!) * 100).toFixed(1)
    expect(row('transactionsThisMonth.changePct').slice(0, 3)).toEqual(snaps.map(pct))
    expect(row('status').slice(0, 3)).toEqual(['ok', 'ok', 'ok'])
    expect(row('age').slice(0, 3)).toEqual(['just now', 'just now', 'just now'])
    for (const t of row('fetchedAt').slice(0, 3)) expect(Date.parse(t)).not.toBeNaN()
    for (const key of [
      'customersAllTime',
      'customersThisMonth',
      'customersThisMonth.change',
      'customersThisMonth.changePct',
      'transactionsThisMonth',
      'activeCampaigns',
    ]) {
      for (const cell of row(key)) expect(cell, `${key}: plain numbers, no thousands separators`).toMatch(/^-?\d+(\.\d)?$/)
    }
  })

  it.skipIf(skipKeychain)('--json: every store with its state, age and snapshot, plus the shared rows', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    await seedAccounts(home, server, server.stores)
    const r = await cli(['snapshot', '--json'], { home })
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    const snaps = await figuresOf(server)
    expect(out.offline).toBe(false)
    expect(out.stores.map((s: { label: string; status: string; age: string }) => [s.label, s.status, s.age])).toEqual(
      server.stores.map((s) => [s.label, 'ok', 'just now']),
    )
    out.stores.forEach((s: { snapshot: StoreSnapshot }, i: number) =>
      expect(withoutFetchedAt(s.snapshot)).toEqual(withoutFetchedAt(snaps[i]!)),
    )
    expect(out.rows.find((x: { key: string }) => x.key === 'customersAllTime').total.value).toBe(sum(snaps.map((s) => s.customers.allTime)))
  })

  it.skipIf(skipKeychain)(
    'exit 1 when some stores fail: the table still prints, the failed store is marked, totals say what they cover',
    async () => {
      requireKeychain()
      const server = await demoServer({ stores: 3 })
      const home = await tempHome()
      await seedAccounts(home, server, server.stores)
      const snaps = await figuresOf(server)
      server.setFault(server.stores[1]!.accountId, { kind: 'http', status: 502 })
      const r = await cli(['snapshot'], { home })
      expect(r.code).toBe(1)
      expect(r.stderr).toBe('1 of 3 stores failed: Greenwich & Sons Hardware (HTTP error). Their status lines say why.\n')
      const { rows, rest } = parseTable(r.stdout)
      expect(rows.get('Customers, all time')).toEqual([
        fig(snaps[0]!.customers.allTime),
        '—',
        fig(snaps[2]!.customers.allTime),
        `${fig(snaps[0]!.customers.allTime! + snaps[2]!.customers.allTime!)} [2 of 3 stores]`,
      ])
      expect(rest).toMatch(/Greenwich & Sons Hardware:\s+no figures yet\s+FAILED, HTTP error: The server had a problem \(HTTP 502\)\.\n/)
      expect(rest).toMatch(/Harbour Café:\s+as of just now\s+ok/)
    },
  )

  it.skipIf(skipKeychain)('when every store fails: 2 if the server refused, 3 if the requests failed, 4 if keys are missing', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    await seedAccounts(home, server, server.stores)
    server.setFault('*', { kind: 'apiError', message: 'Maintenance' })
    const refused = await cli(['snapshot'], { home })
    expect(refused.code).toBe(2)
    expect(refused.stderr).toMatch(/^All 2 stores failed: .*\nServer error: The server refused the request: Maintenance\n$/)
    expect(refused.stdout).toMatch(/FAILED, Server error/)

    server.setFault('*', { kind: 'hang' })
    const hung = await cli(['snapshot', '--csv', '--timeout-ms', '300'], { home })
    expect(hung.code).toBe(3)
    expect(
      parseCsv(hung.stdout)
        .find((c) => c[0] === 'status')!
        .slice(2, 4),
    ).toEqual(['failed', 'failed'])
    expect(hung.stderr).toMatch(/\nTimeout: The server did not answer within 0\.3 s\.\n$/)

    server.setFault('*', null)
    const noKeys = await tempHome()
    await seedWithoutKeys(noKeys, server, server.stores)
    const missing = await cli(['snapshot'], { home: noKeys })
    expect(missing.code).toBe(4)
    expect(missing.stderr).toMatch(/\nKeychain: No API key is stored for/)
  })

  it.skipIf(skipKeychain)('--offline after the server is closed prints the stored figures with their age', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    await seedAccounts(home, server, server.stores)
    const online = await cli(['snapshot'], { home })
    expect(online.code).toBe(0)
    await server.close()
    const r = await cli(['snapshot', '--offline'], { home })
    expect(r.code, r.stderr).toBe(0)
    const a = parseTable(online.stdout)
    const b = parseTable(r.stdout)
    expect([...b.rows.entries()].filter(([k]) => !k.includes('pace'))).toEqual([...a.rows.entries()].filter(([k]) => !k.includes('pace')))
    for (const s of server.stores) expect(b.rest).toMatch(new RegExp(`${s.label}:\\s+as of just now\\s+stored figures \\(offline\\)`))
  })
})

describe('storeglance snapshot without a keychain', () => {
  it('exit 4 when no keychain answers, with its advice', async () => {
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    await seedWithoutKeys(home, server, server.stores)
    const r = await cli(['snapshot'], { home, env: { DBUS_SESSION_BUS_ADDRESS: NO_DBUS } })
    expect(r.code).toBe(4)
    expect(r.stderr).toMatch(/\nKeychain: Storeglance keeps API keys only in the system keychain/)
  })

  it('with no stores: says so and what to do, exit 64, nothing on stdout', async () => {
    const r = await cli(['snapshot', '--json'], { home: await tempHome() })
    expect(r.code).toBe(64)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(
      'storeglance: No stores are set up yet, so there is nothing to compare.\n' +
        'Add one with `storeglance accounts add --help`, or try the simulated stores of `storeglance demo-server`.\n',
    )
  })

  it('--offline makes no request: stored figures with their age, "no figures yet" for a store without any (exit 1)', async () => {
    let requests = 0
    const counter = createServer((_req, res) => {
      requests++
      res.end('not a dashboard')
    })
    await new Promise<void>((r) => counter.listen(0, '127.0.0.1', r))
    try {
      const endpoint = `http://127.0.0.1:${(counter.address() as AddressInfo).port}`
      const server = await demoServer({ stores: 3 })
      const home = await tempHome()
      const service = await createAccountService({
        settingsFile: openSettingsFile(home),
        secrets: new MemorySecretStore(),
        testConnection: async () => undefined,
      })
      const accounts = []
      for (const s of server.stores) accounts.push(await service.add(demoInput(server, s, { endpoint }), s.key))
      const snaps = await figuresOf(server)
      const store = createSnapshotStore({ dir: join(home, 'snapshots') })
      const fiveMinAgo = new Date(Date.now() - 5 * 60_000 - 10_000).toISOString()
      await store.save(accounts[0]!.id, { ...snaps[0]!, fetchedAt: fiveMinAgo })
      await store.save(accounts[1]!.id, { ...snaps[1]!, fetchedAt: fiveMinAgo })
      await store.flush()

      const r = await cli(['snapshot', '--offline'], { home })
      expect(requests).toBe(0)
      expect(r.code).toBe(1)
      expect(r.stderr).toBe('1 of 3 stores have no stored figures yet: Bäckerei Müller.\n')
      const { rows, rest } = parseTable(r.stdout)
      expect(rows.get('Customers, all time')).toEqual([
        fig(snaps[0]!.customers.allTime),
        fig(snaps[1]!.customers.allTime),
        '—',
        `${fig(snaps[0]!.customers.allTime! + snaps[1]!.customers.allTime!)} [2 of 3 stores]`,
      ])
      expect(rest).toMatch(/Harbour Café:\s+as of 5 min ago\s+stored figures \(offline\)/)
      expect(rest).toMatch(/Bäckerei Müller:\s+no figures yet\n/)

      const csv = await cli(['snapshot', '--offline', '--csv'], { home })
      expect(
        parseCsv(csv.stdout)
          .find((c) => c[0] === 'age')!
          .slice(2, 5),
      ).toEqual(['5 min ago', '5 min ago', ''])
      expect(requests).toBe(0)
      // The counter does count: a request to the same endpoint is seen.
      const s = server.stores[0]!
      const fetched = await cli(['fetch', '--endpoint', endpoint, '--user-id', s.userId, '--account-id', s.accountId], {
        home,
        env: { STOREGLANCE_API_KEY: 'KEY-cli-zz-991' },
      })
      expect(fetched.code).toBe(3)
      expect(requests).toBe(1)
    } finally {
      counter.close()
    }
  })
})
