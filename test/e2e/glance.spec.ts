/**
 * The tray's glance window (`#/glance`) at its real size, 360×520, against the real core: one row
 * per store with figures, change and state, the latest alerts, axe-clean in both themes (saved as
 * glance-light/glance-dark), mute from the glance seen in the alert log, and Escape, a row or
 * "Open Storeglance" asking main to hide the window (and where to open the main window).
 */
import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from './harness'
import { seriousViolations } from './axe'

const GLANCE = { width: 360, height: 520 }

/** A harness on the glance route whose glance window records what it is asked to do. */
async function glanceHarness(theme: 'light' | 'dark', hides: (string | null)[]): Promise<Harness> {
  const h = await startHarness({
    viewport: GLANCE,
    colorScheme: theme,
    core: {
      demo: 'on',
      demoOptions: { stores: 4, seed: 3 },
      monitor: { spreadMs: () => 0, refreshDebounceMs: 0 },
      glance: { hide: (route) => hides.push(route) },
    },
  })
  await expect.poll(() => h.core.monitor.snapshots().length, { timeout: 30_000 }).toBe(4)
  await h.page.evaluate(() => (location.hash = '#/glance'))
  return h
}

for (const theme of ['light', 'dark'] as const) {
  test(`the glance shows every store with its state and the latest alerts, axe-clean in the ${theme} theme`, async () => {
    test.setTimeout(120_000)
    const hides: (string | null)[] = []
    const h = await glanceHarness(theme, hides)
    try {
      const { page } = h
      const victim = h.demo!.stores[1]!
      const id = h.core.accounts.list().find((a) => a.accountId === victim.accountId)!.id
      h.demo!.setFault(victim.accountId, { kind: 'apiError', message: 'Invalid API key' })
      h.core.monitor.refreshNow(id)
      await expect.poll(() => h.core.alerts.list().some((a) => a.kind === 'keyRejected'), { timeout: 15_000 }).toBe(true)
      await expect(page.getByRole('heading', { name: 'Storeglance', level: 1 })).toBeVisible()
      const rows = page.locator('.glance-row')
      await expect(rows).toHaveCount(4)
      for (const pair of h.core.monitor.snapshots()) {
        const account = h.core.accounts.list().find((a) => a.id === pair.id)!
        const row = rows.filter({ hasText: account.label })
        await expect(row.locator('.glance-figure')).toHaveText(`${pair.current.transactions.thisMonth!.toLocaleString('en-US')} tx`)
        if (pair.current.transactions.samePeriodLastMonth) await expect(row.locator('.glance-change')).toHaveText(/^(▲ \+|▼ −|± )\d/)
      }
      await expect(rows.filter({ hasText: victim.label }).locator('.glance-state')).toHaveText('Needs attention')
      await expect(page.locator('.glance-state', { hasText: 'OK' })).toHaveCount(3)
      await expect(page.locator('.glance-alerts li').first()).toContainText(`${victim.label} refused the key`)
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      // Nothing at 360 px wide may scroll sideways.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(GLANCE.width)
      expect(await seriousViolations(page), `glance (${theme})`).toEqual([])
      await h.screenshot(`glance-${theme}`)
    } finally {
      await h.close()
    }
  })
}

test('mute from the glance shows in the alert log; unmute ends it; Escape, a row and "Open Storeglance" ask main to hide the glance', async () => {
  test.setTimeout(120_000)
  const hides: (string | null)[] = []
  const h = await glanceHarness('light', hides)
  try {
    const { page } = h
    await page.getByRole('button', { name: 'Mute until tomorrow 08:00' }).click()
    await expect(page.getByRole('status')).toContainText('Muted until')
    const until = await expect
      .poll(() => h.core.alerts.mutedUntil())
      .not.toBeNull()
      .then(() => h.core.alerts.mutedUntil()!)
    const end = await page.evaluate((iso) => {
      const d = new Date(iso)
      return {
        hours: d.getHours(),
        minutes: d.getMinutes(),
        days: Math.round((new Date(d).setHours(0, 0, 0, 0) - new Date().setHours(0, 0, 0, 0)) / 86_400_000),
      }
    }, until)
    expect(end).toEqual({ hours: 8, minutes: 0, days: 1 })
    await page.keyboard.press('Escape')
    await expect.poll(() => hides).toEqual([null])
    // The main window's alert log shows the same mute.
    await page.evaluate(() => (location.hash = '#/alerts'))
    const log = page.locator('section.alert-log')
    await expect(log.getByText(/Muted until/)).toBeVisible()
    await page.evaluate(() => (location.hash = '#/glance'))
    await page.getByRole('button', { name: 'Unmute' }).click()
    await expect(page.getByRole('status')).toHaveText('Notifications are on.')
    expect(h.core.alerts.mutedUntil()).toBeNull()
    await page.getByRole('button', { name: 'Mute for 1 hour' }).click()
    await expect.poll(() => h.core.alerts.mutedUntil() !== null).toBe(true)
    const first = h.core.accounts.list()[0]!
    await page.locator('.glance-row', { hasText: first.label }).click()
    await page.getByRole('button', { name: 'Open Storeglance' }).click()
    await expect.poll(() => hides).toEqual([null, `#/store/${encodeURIComponent(first.id)}`, ''])
  } finally {
    await h.close()
  }
})
