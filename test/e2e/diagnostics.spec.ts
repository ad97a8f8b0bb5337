/**
 * "Copy diagnostics" in Settings: main puts the text it builds (versions, store states, warnings, the
 * end of the support log) on the clipboard (the page asks for no clipboard permission; every one is
 * denied in the app), and it holds no key, no customer name and no store label.
 */
import { expect, test } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFileLogger } from '../../src/main/core/log/fileLog'
import { startHarness, type Harness } from './harness'

let h: Harness
let dir: string
/** What main put on the clipboard. */
let copied: string[]
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storeglance-diag-'))
  const log = createFileLogger({ dir: join(dir, 'logs') })
  copied = []
  h = await startHarness({
    userDataDir: dir,
    core: { demo: 'on', demoOptions: { stores: 3, seed: 8 }, log, monitor: { spreadMs: () => 0 }, copyText: (text) => copied.push(text) },
  })
})
test.afterEach(async () => {
  await h.close()
  await rm(dir, { recursive: true, force: true })
})

test('Copy diagnostics puts a private-data-free report on the clipboard', async () => {
  const { page } = h
  await expect.poll(() => h.core.monitor.snapshots().length, { timeout: 15_000 }).toBe(3)
  await h.core.monitor.whenIdle()
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('button', { name: 'Copy diagnostics' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Diagnostics copied' })).toBeVisible()

  const sent = h.messages.find((m) => m.direction === 'result' && m.channel === 'diagnostics:copy')!.payload as {
    ok: true
    value: { text: string }
  }
  expect(copied).toEqual([sent.value.text])
  const [text] = copied as [string]
  expect(text).toContain('Storeglance 0.0.0-test diagnostics')
  for (const a of h.core.accounts.list()) expect(text).toContain(`${a.id} demo xml ok`)
  expect(text).toMatch(/INFO poll store=\S+ outcome=ok ms=\d+/)

  const people = h.core.monitor
    .snapshots()
    .flatMap((p) =>
      [...p.current.lastCustomers, ...p.current.mostActive, ...p.current.lastTransactions].flatMap((c) => [
        `${c.firstName} ${c.lastName}`,
        c.cardNumber,
      ]),
    )
  expect(people.length).toBeGreaterThan(0)
  const forbidden = [...h.demo!.stores.flatMap((s) => [s.key, s.label]), ...people]
  for (const secret of forbidden) expect(text, `diagnostics contain ${secret}`).not.toContain(secret)
})
