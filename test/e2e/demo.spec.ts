import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from './harness'
import { formatFigure } from '../../src/shared/comparison'

let h: Harness
test.beforeEach(async () => {
  h = await startHarness({ core: { demo: 'on', demoOptions: { stores: 4, seed: 3 }, monitor: { spreadMs: () => 0 } } })
})
test.afterEach(async () => {
  await h.close()
})

/** Waits until every demo store has figures in the core. */
async function allFetched(): Promise<void> {
  await expect.poll(() => h.core.monitor.snapshots().length, { timeout: 15_000 }).toBe(4)
}

test('the overview compares the demo stores side by side, each with its age, plus a total', async () => {
  const { page } = h
  await allFetched()
  await expect(page.getByText('Demo', { exact: true })).toBeVisible()
  const headers = page.locator('table.comparison thead th')
  await expect(headers).toHaveCount(6)
  for (const store of h.demo!.stores) await expect(headers.filter({ hasText: store.label })).toHaveCount(1)
  await expect(page.locator('table.comparison thead').getByText('as of just now')).toHaveCount(4)
  // Every store's figure on screen is the one the core fetched.
  const accounts = h.core.accounts.list()
  const row = page.locator('tr[data-row="transactionsThisMonth"] td')
  for (let i = 0; i < accounts.length; i++) {
    const snap = h.core.monitor.snapshots().find((p) => p.id === accounts[i]!.id)!.current
    await expect(row.nth(i).locator('.figure')).toHaveText(formatFigure(snap.transactions.thisMonth))
  }
  const total = h.core.monitor.snapshots().reduce((sum, p) => sum + (p.current.transactions.thisMonth ?? 0), 0)
  await expect(row.nth(4).locator('.figure')).toHaveText(formatFigure(total))
  await expect(page.locator('tr[data-row="pace"] th')).toContainText('projection')
  await expect(page.locator('.chart canvas').first()).toBeVisible()
  await expect(page.getByRole('status')).toContainText('4 stores · updated just now')
  await h.screenshot('overview-demo')
})

test('the stores view shows activity per campaign, most active customers and latest activity', async () => {
  const { page } = h
  await allFetched()
  await page.getByRole('button', { name: 'Stores', exact: true }).click()
  const cards = page.locator('article.store')
  await expect(cards).toHaveCount(4)
  const first = cards.first()
  const account = h.core.accounts.list()[0]!
  const snap = h.core.monitor.snapshots().find((p) => p.id === account.id)!.current
  await expect(first.getByRole('heading', { name: account.label })).toBeVisible()
  await expect(first.locator('.chart canvas')).toBeVisible()
  const top = snap.mostActive[0]!
  await expect(first.locator('table.list').first().locator('tbody tr').first()).toContainText(`${top.firstName} ${top.lastName}`.trim())
  // Store-local timestamps are shown as sent, never shifted.
  await expect(first.getByText(snap.lastCustomers[0]!.timeStamp).first()).toBeVisible()
  await h.screenshot('stores-demo')
})

test('a store that fails keeps its last figures on screen, with the reason', async () => {
  const { page } = h
  await allFetched()
  const victim = h.demo!.stores[1]!
  const id = h.core.accounts.list().find((a) => a.accountId === victim.accountId)!.id
  const before = h.core.monitor.snapshots().find((p) => p.id === id)!.current.transactions.thisMonth
  h.demo!.setFault(victim.accountId, { kind: 'http', status: 502 })
  await page.getByRole('button', { name: 'Stores', exact: true }).click()
  await page.locator('article.store').nth(1).getByRole('button', { name: 'Refresh' }).click()
  await expect.poll(() => h.core.monitor.status(id)?.state, { timeout: 10_000 }).toBe('error')
  const card = page.locator('article.store').nth(1)
  await expect(card.getByRole('alert')).toContainText('502')
  await expect(card.locator('.badge')).toHaveText('not updating')
  await page.getByRole('button', { name: 'Overview', exact: true }).click()
  await expect(page.locator('tr[data-row="transactionsThisMonth"] td').nth(1).locator('.figure')).toHaveText(formatFigure(before))
  await page.getByRole('button', { name: /^Alerts/ }).click()
  await expect(page.getByText(victim.label)).toBeVisible()
  await h.screenshot('alerts-failing-store')
})
