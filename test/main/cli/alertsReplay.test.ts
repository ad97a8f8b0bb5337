/**
 * `storeglance alerts replay FILE [--json]` through the built CLI: the scenario format, the JSON
 * fields, quiet hours in the process's TZ, and bad lines (exit 64 naming the line, nothing printed).
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { snap } from '../core/alerts/kit'
import { cli, tempHome } from './helpers'

async function scenarioFile(lines: unknown[]): Promise<string> {
  const dir = await tempHome()
  const file = join(dir, 'scenario.jsonl')
  await writeFile(file, lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n')
  return file
}

const header = {
  accounts: [{ id: 'harbour', label: 'Harbour Café', timeZone: 'Europe/Paris', notify: 'all', openingHours: null, monthlyTarget: null }],
  alerts: { quietHours: { from: '22:00', to: '07:00', days: [0, 1, 2, 3, 4, 5, 6] } },
}
const fail = (at: string, store = 'harbour') => ({ at, store, error: { kind: 'network', message: 'connection refused' } })

describe('storeglance alerts replay', () => {
  it('prints each alert as one JSON object with exactly the contract fields', async () => {
    const file = await scenarioFile([
      header,
      fail('2025-03-10T21:00:00Z'),
      fail('2025-03-10T21:05:00Z'),
      fail('2025-03-10T21:10:00Z'),
      { at: '2025-03-10T21:15:00Z', store: 'harbour', snapshot: snap({ thisMonth: 612, same: 795 }) },
      { at: '2025-03-10T21:20:00Z', store: 'harbour', snapshot: snap({ thisMonth: 612, same: 795 }) },
    ])
    const r = await cli(['alerts', 'replay', file, '--json'], { env: { TZ: 'Europe/Paris' } })
    expect(r).toMatchObject({ code: 0, stderr: '' })
    const alerts = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(alerts.map((a) => Object.keys(a))).toEqual([
      ['at', 'store', 'kind', 'urgent', 'title', 'body', 'delivered'],
      ['at', 'store', 'kind', 'urgent', 'title', 'body', 'delivered', 'suppressedBy'],
      ['at', 'store', 'kind', 'urgent', 'title', 'body', 'delivered', 'suppressedBy'],
    ])
    expect(alerts[0]).toMatchObject({ at: '2025-03-10T21:10:00Z', store: 'harbour', kind: 'unreachable', urgent: true, delivered: true })
    // 22:15 in Paris: quiet hours hold back what is not urgent.
    expect(alerts[1]).toMatchObject({ kind: 'recovered', urgent: false, delivered: false, suppressedBy: 'quietHours' })
    expect(alerts[2]).toMatchObject({
      kind: 'behindPace',
      body: 'Harbour Café is 23 % behind last month: 612 transactions against 795 by this date',
    })
  })

  it('uses the process TZ for quiet hours', async () => {
    const file = await scenarioFile([
      header,
      fail('2025-03-10T21:00:00Z'),
      fail('2025-03-10T21:05:00Z'),
      fail('2025-03-10T21:10:00Z'),
      { at: '2025-03-10T21:15:00Z', store: 'harbour', snapshot: snap() },
    ])
    const utc = await cli(['alerts', 'replay', file, '--json'], { env: { TZ: 'UTC' } })
    expect(JSON.parse(utc.stdout.trimEnd().split('\n')[1]!)).toMatchObject({ kind: 'recovered', delivered: true })
  })

  it('prints a line per alert for a person; an unknown store is its own label; no header means defaults', async () => {
    const file = await scenarioFile([{ at: '2025-03-10T09:00:00Z', store: 'x1', error: { kind: 'api', message: 'Invalid key' } }, ''])
    const r = await cli(['alerts', 'replay', file])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toBe(
      '2025-03-10T09:00:00Z  x1  keyRejected (urgent)  x1 refused the key: The server refused the key or permission of x1 (Invalid key). Check the key in Settings.\n',
    )
  })

  it('applies mutes and unmutes in order', async () => {
    const file = await scenarioFile([
      { at: '2025-03-10T10:00:00Z', mute: { until: '2025-03-10T12:00:00Z' } },
      fail('2025-03-10T10:01:00Z'),
      fail('2025-03-10T10:02:00Z'),
      fail('2025-03-10T10:03:00Z'),
      { at: '2025-03-10T10:04:00Z', store: 'harbour', snapshot: snap() },
      { at: '2025-03-10T10:05:00Z', unmute: true },
    ])
    const r = await cli(['alerts', 'replay', file, '--json'], { env: { TZ: 'UTC' } })
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { suppressedBy?: string })
        .map((a) => a.suppressedBy),
    ).toEqual([undefined, 'muted'])
  })

  it.each([
    [['{"at": "2025-03-10T09:00:00Z", "store": "a", "error": {"kind": "network"}}', 'not json'], 2, /not valid JSON/],
    [
      [
        header,
        { at: '2025-03-10T09:00:00Z', store: 'a', error: { kind: 'network' } },
        { at: '2025-03-10T08:59:59Z', store: 'a', error: { kind: 'network' } },
      ],
      3,
      /out of time order/,
    ],
    [[{ at: 'yesterday', store: 'a', error: { kind: 'network' } }], 1, /at: expected an ISO-8601 instant/],
    [[{ at: '2025-03-10T09:00:00Z', store: 'a', error: { kind: 'teapot' } }], 1, /line 1/],
    [[{ at: '2025-03-10T09:00:00Z', store: 'a' }], 1, /line 1/],
    [[{ at: '2025-03-10T09:00:00Z', store: 'a', snapshot: { transactions: { thisMonth: 'many' } } }], 1, /line 1/],
    [[{ at: '2025-03-10T09:00:00Z', store: 'a', error: { kind: 'api' } }, header], 2, /line 2/],
    [[{ accounts: [{ id: 'a', notify: 'sometimes' }] }], 1, /accounts\.0\.notify/],
    [[{ alerts: { rules: { unreachable: { polls: '3' } } } }], 1, /rules\.unreachable\.polls/],
    [[{ accounts: [{ id: 'a', openingHours: { from: '9', to: '21:00', days: [1] } }] }], 1, /openingHours\.from/],
    // Exactly the contract's names: a misspelt field is refused, never silently a default.
    [[{ alertz: { quietHours: { from: '22:00', to: '07:00' } } }], 1, /line 1/],
    [[{ accounts: [{ id: 'a', openinghours: null }] }], 1, /line 1/],
    [[{ alerts: { rules: { unreachable: { pols: 2 } } } }], 1, /line 1/],
    [[{ at: '2025-02-30T10:00:00Z', store: 'a', error: { kind: 'network' } }], 1, /at: expected an ISO-8601 instant/],
    // A per-day date that is no calendar day; a list longer than any the app keeps.
    [[{ at: '2025-03-10T09:00:00Z', store: 'a', snapshot: snap({ days: { '2025-02-30': 4 } }) }], 1, /not a calendar day/],
    [
      [
        {
          at: '2025-03-10T09:00:00Z',
          store: 'a',
          snapshot: { ...snap(), lastTransactions: Array.from({ length: 10_001 }, () => ({ transactionId: 't' })) },
        },
      ],
      1,
      /lastTransactions/,
    ],
  ])('refuses bad line %#: exit 64 naming the line, nothing printed', async (lines, line, problem) => {
    const file = await scenarioFile(lines)
    const r = await cli(['alerts', 'replay', file, '--json'])
    expect(r.code).toBe(64)
    expect(r.stdout).toBe('')
    expect(r.stderr).toContain(`line ${line}:`)
    expect(r.stderr).toMatch(problem)
    expect(r.stderr).toContain('Usage: storeglance alerts replay FILE')
  })

  it('reads every snapshot the app can make: an empty transaction id, a store called "constructor", a full list', async () => {
    const big = { alerts: { rules: { bigTransaction: { enabled: true, amount: 1 } } } }
    const many = snap({ txs: Array.from({ length: 10_000 }, (_, i): [string, number] => [`t${i}`, 5]) })
    const file = await scenarioFile([
      big,
      { at: '2025-03-10T09:00:00Z', store: 'constructor', snapshot: snap({ txs: [['', 5]] }) },
      {
        at: '2025-03-10T09:05:00Z',
        store: 'constructor',
        snapshot: snap({
          txs: [
            ['', 5],
            ['t-new', 7],
          ],
        }),
      },
      { at: '2025-03-10T09:10:00Z', store: '__proto__', snapshot: snap() },
      { at: '2025-03-10T09:15:00Z', store: '__proto__', snapshot: many },
    ])
    const r = await cli(['alerts', 'replay', file, '--json'])
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    const alerts = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { store: string; kind: string })
    expect(alerts[0]).toMatchObject({ store: 'constructor', kind: 'bigTransaction' })
    expect(alerts.filter((a) => a.store === '__proto__' && a.kind === 'bigTransaction')).toHaveLength(10_000)
  })

  it('refuses a missing file or argument with exit 64, and prints help', async () => {
    expect((await cli(['alerts', 'replay', '/nonexistent/scenario.jsonl'])).stderr).toMatch(/no such file/)
    expect((await cli(['alerts', 'replay'])).code).toBe(64)
    expect((await cli(['alerts'])).code).toBe(64)
    const help = await cli(['alerts', 'replay', '--help'])
    expect(help).toMatchObject({ code: 0 })
    expect(help.stdout).toMatch(/^Usage: storeglance alerts replay FILE \[--json\]/)
  })
})
