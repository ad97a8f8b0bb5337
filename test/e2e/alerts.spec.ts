import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from './harness'

let h: Harness
test.beforeEach(async () => {
  h = await startHarness({
    core: { demo: 'on', demoOptions: { stores: 2, seed: 3 }, monitor: { spreadMs: () => 0, refreshDebounceMs: 0 } },
  })
})
test.afterEach(async () => {
  await h.close()
})

test('a refused key shows in the alert log with the unread count; mark all read clears it; filters narrow the log', async () => {
  const { page } = h
  await expect.poll(() => h.core.monitor.snapshots().length, { timeout: 15_000 }).toBe(2)
  await h.core.alerts.settled()
  const victim = h.demo!.stores[0]!
  const id = h.core.accounts.list().find((a) => a.accountId === victim.accountId)!.id
  h.demo!.setFault(victim.accountId, { kind: 'apiError', message: 'Invalid API key' })
  const before = h.core.alerts.unread()
  h.core.monitor.refreshNow(id)
  await expect.poll(() => h.core.alerts.list().some((a) => a.kind === 'keyRejected'), { timeout: 10_000 }).toBe(true)
  await page.getByRole('button', { name: /^Alerts/ }).click()
  const log = page.locator('section.alert-log')
  const refused = log.locator('li[data-kind="keyRejected"]')
  await expect(refused).toHaveCount(1)
  await expect(refused).toContainText(`${victim.label} refused the key`)
  await expect(refused).toContainText('Invalid API key')
  await expect(log.getByRole('heading', { name: /Alert log/ })).toContainText(`${before + 1} unread`)
  await log.getByLabel('Kind').selectOption('keyRejected')
  await expect(log.locator('li')).toHaveCount(1)
  await log.getByLabel('Kind').selectOption('')
  await log.getByRole('button', { name: 'Mark all read' }).click()
  await expect(log.getByRole('heading', { name: /Alert log/ })).not.toContainText('unread')
  expect(h.core.alerts.unread()).toBe(0)
  await log.getByRole('button', { name: 'Mute for 1 hour' }).click()
  await expect(log.getByText(/Muted until/)).toBeVisible()
  await expect.poll(() => h.core.alerts.mutedUntil() !== null).toBe(true)
  await log.getByRole('button', { name: 'Unmute' }).click()
  await expect(log.getByRole('button', { name: 'Mute for 1 hour' })).toBeVisible()
  expect(h.core.alerts.mutedUntil()).toBeNull()
  await h.screenshot('alerts-log')
})
