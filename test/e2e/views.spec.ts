/**
 * Every view in both themes, with demo stores, one failing store and an urgent alert: axe reports no serious or
 * critical violation, and a screenshot of each is saved (test-results/screenshots/<view>-<theme>).
 * Also: 20 stores at 800×600 stay readable and the page never scrolls sideways.
 */
import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from './harness'
import { seriousViolations } from './axe'

async function allFetched(h: Harness, n: number): Promise<void> {
  await expect.poll(() => h.core.monitor.snapshots().length, { timeout: 30_000 }).toBe(n)
}

for (const theme of ['light', 'dark'] as const) {
  test(`every view passes axe in the ${theme} theme, with a failing store, and is saved as a screenshot`, async () => {
    test.setTimeout(120_000)
    const h = await startHarness({
      colorScheme: theme,
      core: { demo: 'on', demoOptions: { stores: 4, seed: 3 }, monitor: { spreadMs: () => 0 } },
    })
    try {
      const { page } = h
      await allFetched(h, 4)
      const victim = h.demo!.stores[1]!
      const id = h.core.accounts.list().find((a) => a.accountId === victim.accountId)!.id
      h.demo!.setFault(victim.accountId, { kind: 'http', status: 502 })
      h.core.monitor.refreshNow(id)
      await expect.poll(() => h.core.monitor.status(id)?.state, { timeout: 15_000 }).toBe('error')
      // A refused key: an urgent alert, drawn in its own colour on the Alerts view.
      const refused = h.demo!.stores[2]!
      h.demo!.setFault(refused.accountId, { kind: 'apiError', message: 'Invalid API key' })
      h.core.monitor.refreshNow(h.core.accounts.list().find((a) => a.accountId === refused.accountId)!.id)
      await expect.poll(() => h.core.alerts.list().some((a) => a.urgent), { timeout: 15_000 }).toBe(true)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      const views: [string, string][] = [
        ['overview', '#/overview'],
        ['stores', '#/stores'],
        ['store', `#/store/${h.core.accounts.list()[0]!.id}`],
        ['store-failing', `#/store/${id}`],
        ['alerts', '#/alerts'],
        ['settings', '#/settings'],
      ]
      for (const [name, hash] of views) {
        await page.evaluate((x) => (location.hash = x), hash)
        await expect(page.locator('main h1').first()).toBeVisible()
        if (name === 'store' || name === 'store-failing') await expect(page.getByText(/History since|No local history yet/)).toBeVisible()
        if (name === 'alerts') await expect(page.locator('.alert-list li.urgent').first()).toBeVisible()
        expect(await seriousViolations(page), `${name} (${theme})`).toEqual([])
        await h.screenshot(`${name}-${theme}`)
      }
      await page.getByRole('button', { name: 'Add a store' }).click()
      await expect(page.getByRole('form', { name: 'Add a store' })).toBeVisible()
      expect(await seriousViolations(page), `add form (${theme})`).toEqual([])
      await h.screenshot(`settings-add-${theme}`)
    } finally {
      await h.close()
    }
  })
}

test('20 stores at 800×600: the table scrolls sideways inside its panel, the page never does', async () => {
  test.setTimeout(120_000)
  const h = await startHarness({
    viewport: { width: 800, height: 600 },
    core: { demo: 'on', demoOptions: { stores: 20, seed: 5 }, monitor: { spreadMs: () => 0, maxInFlight: 10 } },
  })
  try {
    const { page } = h
    await allFetched(h, 20)
    await expect(page.locator('table.comparison thead th[data-store]')).toHaveCount(20)
    const sizes = await page.evaluate(() => {
      const wrap = document.querySelector('.table-wrap')!
      const main = document.querySelector('main')!
      return {
        doc: document.documentElement.scrollWidth,
        view: document.documentElement.clientWidth,
        main: main.scrollWidth - main.clientWidth,
        wrap: wrap.scrollWidth - wrap.clientWidth,
      }
    })
    expect(sizes.doc).toBeLessThanOrEqual(sizes.view)
    expect(sizes.main).toBeLessThanOrEqual(0)
    expect(sizes.wrap).toBeGreaterThan(0)
    // Scrolled to the far right, the figure names are still on screen.
    await page.locator('.table-wrap').evaluate((el) => (el.scrollLeft = el.scrollWidth))
    await expect(page.locator('tr[data-row="transactionsThisMonth"] th')).toBeInViewport()
    await h.screenshot('overview-20-stores-800x600-light')
    for (const hash of ['#/stores', '#/settings', '#/alerts', `#/store/${h.core.accounts.list()[0]!.id}`]) {
      await page.evaluate((x) => (location.hash = x), hash)
      await expect(page.locator('main h1').first()).toBeVisible()
      const doc = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(doc, hash).toBeLessThanOrEqual(0)
    }
  } finally {
    await h.close()
  }
})
