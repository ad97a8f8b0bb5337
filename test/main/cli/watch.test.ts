/**
 * `storeglance watch` and `storeglance alerts history` through the built CLI against the demo
 * server with a fault: alerts print as they fire, SIGTERM ends the watch with exit 0, and the log
 * keeps what fired.
 */
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  cli,
  demoServer,
  requireKeychain,
  seedAccounts,
  seedWithoutKeys,
  skipKeychain,
  spawnCli,
  tempHome,
  type RunOptions,
} from './helpers'

/** Starts `watch`, waits for `lines` lines on stdout, then sends SIGTERM; returns the output and exit code. */
async function watchUntil(
  args: string[],
  opts: RunOptions,
  lines: number,
): Promise<{ code: number | null; signal: NodeJS.Signals | null; lines: string[]; stderr: string }> {
  const child = spawnCli(['watch', ...args], opts)
  let stdout = ''
  let stderr = ''
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const closed = new Promise<[number | null, NodeJS.Signals | null]>((done) => child.on('close', (code, signal) => done([code, signal])))
  await new Promise<void>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`watch printed no alert in time:\n${stdout}\n${stderr}`))
    }, 15_000)
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
      if (stdout.split('\n').length > lines) {
        clearTimeout(timer)
        done()
      }
    })
  })
  child.kill('SIGTERM')
  const [code, signal] = await closed
  return { code, signal, lines: stdout.trimEnd().split('\n'), stderr }
}

describe('storeglance watch', () => {
  it.skipIf(skipKeychain)('prints an urgent alert when the server refuses the key, stops on SIGTERM with exit 0, and logs it', async () => {
    requireKeychain()
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    const [account] = await seedAccounts(home, server, server.stores)
    server.setFault('*', { kind: 'apiError', message: 'Invalid API key' })
    const r = await watchUntil(['--json'], { home }, 1)
    expect(r.code, r.stderr).toBe(0)
    expect(r.stderr).toMatch(/Watching 1 store/)
    expect(r.stderr).toMatch(/Stopped watching \(SIGTERM\)/)
    const alert = JSON.parse(r.lines[0]!) as Record<string, unknown>
    expect(Object.keys(alert)).toEqual(['at', 'store', 'kind', 'urgent', 'title', 'body', 'delivered'])
    expect(alert).toMatchObject({ store: account!.id, kind: 'keyRejected', urgent: true, delivered: true })
    expect(alert.body).toContain('Invalid API key')

    const history = await cli(['alerts', 'history', '--json'], { home })
    expect(history.code).toBe(0)
    expect(
      history.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as unknown),
    ).toEqual([alert])

    // A restart does not repeat the alert: the refusal goes on, nothing new is raised, and the recovery is logged.
    server.setFault('*', null)
    const again = await watchUntil([], { home }, 1)
    expect(again.code, `${again.signal ?? ''} ${again.stderr}`).toBe(0)
    expect(again.lines).toHaveLength(1)
    expect(again.lines[0]).toMatch(new RegExp(`^\\S+  ${account!.id}  recovered  ${server.stores[0]!.label} is back: `))
  })

  it('treats a missing key as a refused key (no keychain needed), in the text shape', async () => {
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    const [account] = await seedWithoutKeys(home, server, server.stores)
    const r = await watchUntil([], { home, env: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/storeglance-bus' } }, 1)
    expect(r.code).toBe(0)
    expect(r.lines[0]).toMatch(new RegExp(`  ${account!.id}  keyRejected \\(urgent\\)  `))
  })

  it('follows settings.json: a store added while it runs is watched too', async () => {
    const server = await demoServer({ stores: 2 })
    const home = await tempHome()
    const [first] = await seedWithoutKeys(home, server, [server.stores[0]!])
    const env = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/storeglance-bus' }
    const child = spawnCli(['watch', '--json'], { home, env })
    let stdout = ''
    let stderr = ''
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const waiting: (() => void)[] = []
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      stdout += d
      waiting.forEach((check) => check())
    })
    const seen = (n: number) =>
      new Promise<void>((done, fail) => {
        const timer = setTimeout(
          () => fail(new Error(`watch printed ${stdout.split('\n').length - 1} alerts, not ${n}:\n${stdout}`)),
          15_000,
        )
        const check = () => {
          if (stdout.split('\n').length > n) {
            clearTimeout(timer)
            done()
          }
        }
        waiting.push(check)
        check()
      })
    const closed = new Promise<number | null>((done) => child.on('close', done))
    await seen(1)
    const [, second] = await seedWithoutKeys(home, server, [server.stores[1]!])
    await seen(2)
    child.kill('SIGTERM')
    expect(await closed).toBe(0)
    const stores = stdout
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { store: string }).store)
    expect(stores, `${stdout}\n${stderr}`).toEqual([first!.id, second!.id])
  })

  it('refuses to watch when no store is set up (exit 64)', async () => {
    const r = await cli(['watch'], { home: await tempHome() })
    expect(r.code).toBe(64)
    expect(r.stderr).toMatch(/No stores are set up yet/)
  })
})

describe('storeglance alerts history', () => {
  it('prints the log oldest first, filters with --since, and refuses a bad --since', async () => {
    const home = await tempHome()
    const entry = (id: number, at: string, kind: string) => ({
      id,
      at,
      store: 's1',
      kind,
      urgent: kind === 'unreachable',
      title: `T${id}`,
      body: `B${id}`,
      delivered: true,
    })
    const state = { version: 1, stores: {}, mute: null }
    const recent = new Date(Date.now() - 3_600_000).toISOString()
    const older = new Date(Date.now() - 7_200_000).toISOString()
    const log = [entry(1, older, 'unreachable'), { ...entry(2, recent, 'recovered'), delivered: false, suppressedBy: 'muted' }]
    await writeFile(join(home, 'alerts.json'), JSON.stringify({ version: 1, state, log, nextId: 3, readUpTo: 0 }))
    const all = await cli(['alerts', 'history', '--json'], { home })
    expect(
      all.stdout
        .trimEnd()
        .split('\n')
        .map((l) => JSON.parse(l) as { kind: string; suppressedBy?: string }),
    ).toMatchObject([{ kind: 'unreachable' }, { kind: 'recovered', suppressedBy: 'muted' }])
    const since = await cli(['alerts', 'history', '--since', recent], { home })
    expect(since.stdout).toBe(`${recent}  s1  recovered  T2: B2  [not delivered: muted]\n`)
    // Not a date, and dates or times that do not exist (Date.parse would roll them over).
    for (const value of ['last week', '2025-02-30', '2025-03-10T24:00:00Z', '2025-03-10T10:60Z', '2025-13-01']) {
      const bad = await cli(['alerts', 'history', '--since', value], { home })
      expect(bad.code, value).toBe(64)
      expect(bad.stderr, value).toMatch(/--since must be an ISO-8601 date/)
    }
    expect((await cli(['alerts', 'history', '--since', '2024-02-29'], { home })).code).toBe(0)
    const empty = await cli(['alerts', 'history'], { home: await tempHome() })
    expect(empty).toMatchObject({ code: 0, stdout: '', stderr: 'No alerts yet.\n' })
  })
})
