/**
 * Settings → Notifications in real Chromium against the real core: a rule number changed from the
 * keyboard lands in settings.json, a number out of range is refused with a message (and not
 * saved), a store's level is saved, and the section is axe-clean in both themes.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { startHarness } from './harness'
import { seriousViolations } from './axe'

test('a rule number typed in Settings → Notifications lands in settings.json; out of range is refused', async () => {
  const h = await startHarness({ core: { demo: 'on', demoOptions: { stores: 2, seed: 3 }, monitor: { spreadMs: () => 0 } } })
  try {
    const { page } = h
    const file = join(h.userDataDir, 'settings.json')
    // Before the first change the file may not exist yet: the defaults are in force.
    const saved = () => (existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).settings.alerts : { rules: {}, stores: {} })
    await page.evaluate(() => (location.hash = '#/settings'))
    const section = page.getByRole('region', { name: 'Notifications' })
    const minutes = section.getByLabel('No new transaction for')
    await expect(minutes).toHaveValue('90')
    await minutes.fill('45')
    await minutes.press('Tab')
    await expect.poll(() => saved().rules.quietStore?.minutes).toBe(45)
    const polls = section.getByLabel('Failed checks in a row')
    await polls.fill('0')
    await polls.press('Enter')
    await expect(section.getByRole('alert')).toHaveText('Failed checks in a row must be between 1 and 1000.')
    await polls.press('Tab')
    expect(saved().rules.unreachable.polls).toBe(3)
    const store = h.core.accounts.list()[0]!
    await section.getByLabel(`Notifications for ${store.label}`).selectOption('none')
    await expect.poll(() => saved().stores[store.id]?.notify).toBe('none')
    // Every other number is as it was: the whole section was sent each time.
    expect(saved().rules.quietStore.minutes).toBe(45)
  } finally {
    await h.close()
  }
})

for (const theme of ['light', 'dark'] as const) {
  test(`Settings → Notifications with quiet hours on is axe-clean in the ${theme} theme`, async () => {
    const h = await startHarness({
      colorScheme: theme,
      core: { demo: 'on', demoOptions: { stores: 2, seed: 3 }, monitor: { spreadMs: () => 0 } },
    })
    try {
      const { page } = h
      await page.evaluate(() => (location.hash = '#/settings'))
      const section = page.getByRole('region', { name: 'Notifications' })
      await section.getByLabel('Quiet hours (this computer').check()
      await expect(section.getByRole('group', { name: 'Quiet hours: days' })).toBeVisible()
      expect(await seriousViolations(page), theme).toEqual([])
      await h.screenshot(`settings-notifications-${theme}`)
    } finally {
      await h.close()
    }
  })
}
