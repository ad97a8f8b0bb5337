/**
 * Offline start: the window opens on the last saved figures, with their age and the reason they
 * are not updating, never an empty screen or an endless spinner.
 */
import { expect, test } from '@playwright/test'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { startDemoServer } from '../../src/main/core/demo'
import { DEFAULT_SIZES } from '../../src/shared/model'
import { formatFigure } from '../../src/shared/comparison'
import { startHarness } from './harness'

test('after a restart with the server gone, the saved figures are shown with their age and the reason', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-offline-'))
  const server = await startDemoServer({ stores: 2, seed: 5 })
  const fast = { spreadMs: () => 0, refreshDebounceMs: 0 }
  const first = await startHarness({ userDataDir: dir, core: { monitor: fast } })
  try {
    for (const s of server.stores) {
      await first.core.handlers['accounts:add']({
        input: {
          label: s.label,
          endpoint: server.url,
          userId: s.userId,
          accountId: s.accountId,
          timeZone: s.timeZone,
          colour: '#16a34a',
          enabled: true,
          format: 'json',
          sizes: { ...DEFAULT_SIZES },
        },
        key: s.key,
      })
    }
    await expect.poll(() => first.core.monitor.snapshots().length, { timeout: 15_000 }).toBe(2)
  } finally {
    await first.close()
  }
  const saved = first.core.monitor.snapshots()
  await server.close()

  const second = await startHarness({ userDataDir: dir, core: { monitor: fast } })
  try {
    const { page } = second
    const head = page.locator('table.comparison thead')
    await expect(head.getByText(/^as of /)).toHaveCount(2)
    const row = page.locator('tr[data-row="customersAllTime"] td')
    const accounts = second.core.accounts.list()
    for (let i = 0; i < accounts.length; i++) {
      const before = saved.find((p) => p.id === accounts[i]!.id)!.current
      await expect(row.nth(i).locator('.figure')).toHaveText(formatFigure(before.customers.allTime))
    }
    // Saved a moment ago, so not fetched again at once; asking for fresh figures finds the server gone.
    await page.getByRole('button', { name: 'Stores', exact: true }).click()
    for (const button of await page.getByRole('button', { name: 'Refresh' }).all()) await button.click()
    await page.getByRole('button', { name: 'Overview', exact: true }).click()
    await expect(head.locator('.badge').filter({ hasText: 'not updating' })).toHaveCount(2, { timeout: 15_000 })
    await expect(head.getByText(/^as of /)).toHaveCount(2)
    await expect(page.getByRole('status')).toContainText('2 not updating')
    await second.screenshot('overview-offline')
    await page.getByRole('button', { name: 'Stores', exact: true }).click()
    await expect(page.locator('article.store').first().getByRole('alert')).toContainText(/refused|connect/i)
    await second.screenshot('stores-offline')
  } finally {
    await second.close()
    await rm(dir, { recursive: true, force: true })
  }
})
