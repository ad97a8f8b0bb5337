import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from './harness'

let h: Harness
test.beforeEach(async () => {
  h = await startHarness()
})
test.afterEach(async () => {
  await h.close()
})

test('the shell renders its header, navigation, status bar and the empty state', async () => {
  const { page } = h
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
  for (const name of ['Overview', 'Stores', 'Alerts', 'Settings']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible()
  }
  await expect(page.getByRole('heading', { name: 'No stores yet' })).toBeVisible()
  await expect(page.getByRole('status')).toContainText('No stores yet')
  await expect(page.getByRole('status')).toContainText('v0.0.0-test')
  await h.screenshot('overview-empty')
})

test('every view can be reached from the navigation', async () => {
  const { page } = h
  await page.getByRole('button', { name: 'Stores', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'No stores yet' })).toBeVisible()
  await h.screenshot('stores-empty')
  await page.getByRole('button', { name: 'Alerts', exact: true }).click()
  await expect(page.getByText('Nothing needs your attention.')).toBeVisible()
  await h.screenshot('alerts-empty')
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible()
  await expect(page.getByText(h.userDataDir)).toBeVisible()
  await h.screenshot('settings-empty')
  await expect(page.getByRole('button', { name: 'Settings', exact: true })).toHaveAttribute('aria-current', 'page')
})

test('the page has no Node or Electron globals and runs under the CSP', async () => {
  const { page } = h
  const globals = await page.evaluate(() => ({
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    api: Object.keys(window.storeglance).sort(),
  }))
  expect(globals).toEqual({
    require: 'undefined',
    process: 'undefined',
    api: ['accounts', 'alerts', 'app', 'comparison', 'glance', 'history', 'on', 'settings', 'stores'],
  })
  // An inline script must be refused by the Content-Security-Policy.
  const ran = await page.evaluate(() => {
    const s = document.createElement('script')
    s.textContent = 'window.__inlineRan = true'
    document.head.appendChild(s)
    return (window as unknown as { __inlineRan?: boolean }).__inlineRan === true
  })
  expect(ran).toBe(false)
})
