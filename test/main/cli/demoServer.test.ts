/**
 * `storeglance demo-server` in a child process: it prints its URL and stores (a JSON line first
 * with --json), serves the same simulated stores as the in-process server with the same seed and
 * clock, and exits 0 on SIGTERM or SIGINT after closing.
 */
import type { ChildProcess } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import type { DemoStore } from '../../../src/main/core/demo'
import { clientSnapshot, demoServer, expectClean, NOW, spawnCli, withoutFetchedAt } from './helpers'

interface Running {
  child: ChildProcess
  firstLine: Promise<string>
  output: () => { stdout: string; stderr: string }
  exited: Promise<number | null>
}

const running: ChildProcess[] = []
afterEach(() => {
  while (running.length) running.pop()!.kill('SIGKILL')
})

function start(args: string[]): Running {
  const child = spawnCli(['demo-server', ...args])
  running.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8')
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const firstLine = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: string) => {
      stdout += d
      if (stdout.includes('\n')) resolve(stdout.split('\n')[0]!)
    })
    child.on('exit', () => reject(new Error(`demo-server exited early: ${stderr}`)))
  })
  firstLine.catch(() => undefined) // awaited where a test expects it; never an unhandled rejection
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)))
  return { child, firstLine, output: () => ({ stdout, stderr }), exited }
}

describe('storeglance demo-server', () => {
  it('--json prints one JSON line with the URL and stores, serves them, and exits 0 on SIGTERM', async () => {
    const run = start(['--json', '--stores', '3', '--seed', '7', '--now', NOW.toISOString()])
    const info = JSON.parse(await run.firstLine) as { url: string; stores: DemoStore[] }
    expect(info.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    const twin = await demoServer({ stores: 3, seed: 7 }) // same seed and clock, in this process
    expect(info.stores).toEqual(twin.stores)

    const store = info.stores[2]!
    const served = await clientSnapshot({ ...twin, url: info.url }, store, 'json')
    expect(withoutFetchedAt(served)).toEqual(withoutFetchedAt(await clientSnapshot(twin, twin.stores[2]!, 'json')))

    run.child.kill('SIGTERM')
    expect(await run.exited).toBe(0)
    const { stdout, stderr } = run.output()
    expect(stdout.trimEnd().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(/Demo server stopped \(SIGTERM\)\./)
    expectClean({ code: 0, stdout, stderr }, [], true)
  })

  it('without --json lists every store’s label, user id, account id and key; exits 0 on SIGINT', async () => {
    const run = start(['--stores', '2'])
    expect(await run.firstLine).toMatch(
      /^Demo server listening on http:\/\/127\.0\.0\.1:\d+ \(2 stores, seed 1\)\. Stop it with Ctrl\+C\.$/,
    )
    const twin = await demoServer({ stores: 2 })
    for (let i = 0; i < 100 && !run.output().stdout.includes('Add a store'); i++) await new Promise((r) => setTimeout(r, 20))
    for (const s of twin.stores)
      expect(run.output().stdout).toMatch(new RegExp(`${s.label}\\s+${s.userId}\\s+${s.accountId}\\s+${s.key}\\s+${s.timeZone}`))
    expect(run.output().stdout).toMatch(/printf '%s' '.+' \| storeglance accounts add --label 'Harbour Café' --endpoint http/)
    run.child.kill('SIGINT')
    expect(await run.exited).toBe(0)
  })

  it('a port already in use: a one-line message, exit 1', async () => {
    const busy = await demoServer({ stores: 1 })
    const port = new URL(busy.url).port
    const run = start(['--port', port])
    expect(await run.exited).toBe(1)
    expect(run.output().stderr).toBe(
      `storeglance: The demo server could not listen on 127.0.0.1 port ${port} (EADDRINUSE). Choose another --port.\n`,
    )
  })
})
