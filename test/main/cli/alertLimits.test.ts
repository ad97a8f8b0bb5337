/**
 * The alert file's bounds through the built CLI: a 600 MB alerts.json (a sparse file) no longer
 * makes `storeglance watch` or `storeglance alerts history` exit 1, and an alert older than 90
 * days is not in the history. A reader never moves or rewrites the file.
 */
import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { cli, demoServer, seedWithoutKeys, spawnCli, tempHome } from './helpers'

const MB = 1024 * 1024
const NO_BUS = { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/storeglance-bus' }

async function hugeAlertFile(home: string): Promise<string> {
  const file = join(home, 'alerts.json')
  await writeFile(file, '')
  await truncate(file, 600 * MB)
  return file
}

describe('an alert file of 600 MB', () => {
  it('alerts history: exit 0, the size said, the file left where it is', async () => {
    const home = await tempHome()
    const file = await hugeAlertFile(home)
    const r = await cli(['alerts', 'history'], { home })
    expect(r).toMatchObject({
      code: 0,
      stdout: '',
      stderr: `Warning: The alert file ${file} is too large (600 MB; at most 16 MB is expected).\nNo alerts yet.\n`,
    })
    expect((await readdir(home)).filter((f) => f.startsWith('alerts.json'))).toEqual(['alerts.json'])
    expect((await stat(file)).size).toBe(600 * MB)
  })

  it('watch: sets it aside, says so, and prints the alerts that fire', async () => {
    const server = await demoServer({ stores: 1 })
    const home = await tempHome()
    const [account] = await seedWithoutKeys(home, server, server.stores)
    await hugeAlertFile(home)
    const child = spawnCli(['watch'], { home, env: NO_BUS })
    let stdout = ''
    let stderr = ''
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
    const closed = new Promise<number | null>((done) => child.on('close', done))
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`watch printed no alert in time:\n${stdout}\n${stderr}`)), 15_000)
      child.stdout!.setEncoding('utf8').on('data', (d: string) => {
        stdout += d
        if (stdout.includes('\n')) {
          clearTimeout(timer)
          done()
        }
      })
      child.on('close', () => {
        clearTimeout(timer)
        fail(new Error(`watch ended early:\n${stdout}\n${stderr}`))
      })
    })
    child.kill('SIGTERM')
    expect(await closed).toBe(0)
    expect(stdout).toMatch(new RegExp(`  ${account!.id}  keyRejected \\(urgent\\)  `))
    const aside = (await readdir(home)).filter((f) => f.startsWith('alerts.json.corrupt-'))
    expect(aside).toHaveLength(1)
    expect((await stat(join(home, aside[0]!))).size).toBe(600 * MB)
    expect(stderr).toContain(
      `Warning: The alert file is too large (600 MB; at most 16 MB is expected); it was moved to ${join(home, aside[0]!)} and alerts start afresh.\n`,
    )
  })
})

describe('alerts history and the 90 days', () => {
  it('leaves out an alert 200 days old, without rewriting the file', async () => {
    const home = await tempHome()
    const entry = (id: number, daysAgo: number) => ({
      id,
      at: new Date(Date.now() - daysAgo * 86_400_000).toISOString(),
      store: 's1',
      kind: 'recovered',
      urgent: false,
      title: `T${id}`,
      body: `${daysAgo} days ago`,
      delivered: true,
    })
    const log = [entry(1, 200), entry(2, 1)]
    const text = JSON.stringify({ version: 1, state: { version: 1, stores: {}, mute: null }, log, nextId: 3, readUpTo: 0 })
    await writeFile(join(home, 'alerts.json'), text)
    const r = await cli(['alerts', 'history', '--json'], { home })
    expect(r.code).toBe(0)
    expect(
      r.stdout
        .trimEnd()
        .split('\n')
        .map((l) => (JSON.parse(l) as { body: string }).body),
    ).toEqual(['1 days ago'])
    expect(await readFile(join(home, 'alerts.json'), 'utf8')).toBe(text)
  })
})

describe('alerts replay and its size bound', () => {
  it('refuses a 300 MB scenario without reading it (exit 64)', async () => {
    const home = await tempHome()
    const file = join(home, 'scenario.json')
    await writeFile(file, '')
    await truncate(file, 300 * MB)
    const r = await cli(['alerts', 'replay', file], { home })
    expect(r.code).toBe(64)
    expect(r.stderr).toContain(`${file} is larger than 256 MB.`)
  })
})
