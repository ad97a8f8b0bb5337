/**
 * The support log: a rotating file that never holds a key (plain, URL-encoded or in another case),
 * whose lines cannot be forged by a message, and that records each poll's outcome class and
 * duration; and the diagnostics text built on it, without keys, customer names or store labels.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFileLogger } from '../../../../src/main/core/log/fileLog'
import { rememberSecret } from '../../../../src/main/core/log/logger'
import { createAppCore } from '../../../../src/main/core/app'
import { MemorySecretStore } from '../../../../src/main/core/accounts'
import { startDemoServer } from '../../../../src/main/core/demo'
import { DEFAULT_SIZES } from '../../../../src/shared/model'

const cleanups: (() => Promise<unknown>)[] = []
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!()
})
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-log-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}
const until = async (cond: () => boolean, what: string) => {
  for (let i = 0; i < 400 && !cond(); i++) await new Promise((r) => setTimeout(r, 25))
  expect(cond(), what).toBe(true)
}

describe('the log file', () => {
  it('rotates past its size, keeping a fixed number of old files, each within the limit', async () => {
    const dir = await tempDir()
    const log = createFileLogger({ dir, maxBytes: 2_000, keep: 3 })
    for (let i = 0; i < 400; i++) log.info('poll', { store: `s${i}`, outcome: 'ok', ms: i })
    await log.flush()
    expect((await readdir(dir)).sort()).toEqual(['main.log', 'main.log.1', 'main.log.2', 'main.log.3'])
    for (const f of await readdir(dir)) expect((await stat(join(dir, f))).size).toBeLessThanOrEqual(2_000)
    expect(await readFile(join(dir, 'main.log'), 'utf8')).toMatch(/ INFO poll store=s399 outcome=ok ms=399\n$/)
  })

  it('never writes a key it has seen, in any disguise, and keeps one line per entry', async () => {
    const dir = await tempDir()
    const key = 'Sekret+Key/42=='
    rememberSecret(key)
    const log = createFileLogger({ dir })
    log.warn('warning', { message: `server said ${key} and ${encodeURIComponent(key)} and ${key.toUpperCase()}` })
    log.error('failed', { message: 'first line\n2026-01-01T00:00:00.000Z INFO forged line' })
    await log.flush()
    const text = await readFile(join(dir, 'main.log'), 'utf8')
    expect(text.toLowerCase()).not.toContain(key.toLowerCase())
    expect(text).not.toContain(encodeURIComponent(key))
    expect(text).toContain('[redacted]')
    expect(text.trimEnd().split('\n')).toHaveLength(2)
    expect(await log.tail()).toBe(text)
  })

  it('redacts a key that straddles the point where a long value is cut', async () => {
    const dir = await tempDir()
    const key = 'hk_live_straddle_0123456789abcdef'
    rememberSecret(key)
    const log = createFileLogger({ dir })
    log.warn('warning', { message: `${'x'.repeat(495)}${key} and more` })
    await log.flush()
    const text = await readFile(join(dir, 'main.log'), 'utf8')
    expect(text).not.toContain(key.slice(0, 5))
  })

  it('does not throw into the caller when the disk refuses', async () => {
    const dir = await tempDir()
    const log = createFileLogger({ dir: join(dir, 'no\u0000such') })
    expect(() => log.info('start')).not.toThrow()
    await expect(log.flush()).resolves.toBeUndefined()
  })
})

describe('the app core with its log', () => {
  it('logs start, each poll outcome class and duration; diagnostics hold no key, customer or label', async () => {
    const server = await startDemoServer({ stores: 2, seed: 5 })
    cleanups.push(() => server.close())
    const dir = await tempDir()
    const log = createFileLogger({ dir: join(dir, 'logs') })
    const copied: string[] = []
    const core = createAppCore({
      userDataDir: dir,
      version: '9.9.9',
      secrets: new MemorySecretStore(),
      demo: 'off',
      log,
      monitor: { spreadMs: () => 0, refreshDebounceMs: 0 },
      copyText: (text) => copied.push(text),
    })
    await core.start()
    cleanups.push(() => core.stop())
    const [good, bad] = server.stores as [(typeof server.stores)[0], (typeof server.stores)[0]]
    const input = (s: typeof good, label: string) => ({
      label,
      endpoint: server.url,
      userId: s.userId,
      accountId: s.accountId,
      timeZone: 'Europe/London',
      colour: '#2563eb',
      enabled: true,
      format: 'xml' as const,
      sizes: { ...DEFAULT_SIZES },
    })
    const a = await core.handlers['accounts:add']({ input: input(good, 'Corner Shop of Jane'), key: good.key })
    const b = await core.handlers['accounts:add']({ input: input(bad, 'Second Shop'), key: bad.key })
    await until(() => [a.id, b.id].every((id) => core.monitor.status(id)?.state === 'ok'), 'both polled')
    server.setFault(bad.accountId, { kind: 'apiError', message: 'Invalid API key' })
    await core.handlers['stores:refresh']({ id: b.id })
    await until(() => core.monitor.status(b.id)?.needsAttention === true, 'second refused')
    await core.monitor.whenIdle()

    const text = (await core.handlers['diagnostics:copy'](null)).text
    expect(copied).toEqual([text])
    await log.flush()
    const file = await readFile(log.path, 'utf8')
    expect(file).toMatch(/ INFO started version=9\.9\.9 stores=0 demo=false/)
    expect(file).toMatch(new RegExp(`INFO poll store=${a.id} outcome=ok ms=\\d+`))
    expect(file).toMatch(new RegExp(`INFO poll store=${b.id} outcome=api ms=\\d+`))

    const people = (p: { firstName: string; lastName: string; cardNumber: string }[]) =>
      p.flatMap((c) => [`${c.firstName} ${c.lastName}`, c.cardNumber])
    const customers = core.monitor
      .snapshots()
      .flatMap((p) => [...people(p.current.lastCustomers), ...people(p.current.mostActive), ...people(p.current.lastTransactions)])
    expect(customers.length).toBeGreaterThan(0)
    for (const secret of [good.key, bad.key, 'Corner Shop of Jane', 'Second Shop', ...customers]) {
      expect(text, `diagnostics contain ${secret}`).not.toContain(secret)
      expect(file).not.toContain(good.key)
    }
    expect(text).toContain('Storeglance 9.9.9 diagnostics')
    expect(text).toMatch(new RegExp(`${b.id} xml error api x1`))
    expect(text).toContain(`poll store=${a.id} outcome=ok`)
  })
})
