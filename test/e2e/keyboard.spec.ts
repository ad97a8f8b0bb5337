/**
 * The whole store lifecycle with the keyboard alone: Tab, Shift+Tab, Enter, Space and Escape, a
 * visible focus ring, and a confirmation dialog that keeps the focus and closes on Escape.
 */
import { expect, test, type Page } from '@playwright/test'
import { startHarness, type Harness } from './harness'
import { startDemoServer, type DemoServer } from '../../src/main/core/demo'
import { MemorySecretStore } from '../../src/main/core/accounts/keychain'

let h: Harness
let server: DemoServer
test.beforeEach(async () => {
  server = await startDemoServer({ stores: 1, seed: 6 })
  h = await startHarness({ core: { secrets: new MemorySecretStore(), monitor: { spreadMs: () => 0 } } })
})
test.afterEach(async () => {
  await h.close()
  await server.close()
})

/** The accessible name of the focused element (aria-label, its label's text, or its text). */
function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el) return ''
    const label = (el as HTMLInputElement).labels?.[0]?.textContent ?? ''
    return (el.getAttribute('aria-label') ?? (label || el.textContent) ?? '').trim()
  })
}

/** Presses Tab (or Shift+Tab) until the focused element's name starts with `name`. */
async function tabTo(page: Page, name: string | RegExp, back = false): Promise<void> {
  for (let i = 0; i < 80; i++) {
    const current = await focusedName(page)
    if (typeof name === 'string' ? current.startsWith(name) : name.test(current)) return
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab')
  }
  throw new Error(`Tab never reached "${String(name)}" (last: "${await focusedName(page)}")`)
}

async function typeInto(page: Page, field: string, text: string): Promise<void> {
  await tabTo(page, field)
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(text)
}

test('add, edit and remove a store with the keyboard alone', async () => {
  test.setTimeout(90_000)
  const { page } = h
  const store = server.stores[0]!
  await expect(page.getByRole('heading', { name: 'No stores yet' })).toBeVisible()
  await tabTo(page, 'Add a store')
  // The focus ring is visible.
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)
  expect(outline).not.toBe('none')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('form', { name: 'Add a store' })).toBeVisible()
  await typeInto(page, 'Name', 'Keyboard Café')
  await typeInto(page, 'User id', store.userId)
  await typeInto(page, 'Account id', store.accountId)
  await typeInto(page, 'API key', store.key)
  await typeInto(page, 'Endpoint', 'ftp://nowhere')
  await expect(page.getByText('The address must start with https://')).toBeVisible()
  await page.keyboard.press('ControlOrMeta+a')
  await page.keyboard.type(server.url)
  await expect(page.getByText('The address must start with https://')).toHaveCount(0)
  await typeInto(page, 'Time zone', 'Europe/Lisbon')
  await tabTo(page, 'Test and add')
  await page.keyboard.press('Enter')
  await expect(page.locator('.account-list li strong')).toHaveText('Keyboard Café', { timeout: 15_000 })
  expect(h.core.accounts.list().map((a) => a.label)).toEqual(['Keyboard Café'])

  // Edit: Escape leaves the form without saving; Enter on Save saves.
  await tabTo(page, 'Edit')
  await page.keyboard.press('Enter')
  await typeInto(page, 'Name', 'Thrown away')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('form', { name: /^Edit/ })).toHaveCount(0)
  expect(h.core.accounts.list()[0]!.label).toBe('Keyboard Café')
  await page.locator('main').focus()
  await tabTo(page, 'Edit')
  await page.keyboard.press('Enter')
  await typeInto(page, 'Name', 'Keys Only')
  await typeInto(page, 'Monthly target', '5000')
  await tabTo(page, 'Save')
  await page.keyboard.press('Enter')
  await expect(page.locator('.account-list li strong')).toHaveText('Keys Only', { timeout: 15_000 })
  expect(h.core.accounts.list()[0]!.monthlyTarget).toBe(5000)

  // Remove: the dialog keeps the focus, Escape keeps the store, then Remove removes it.
  await page.locator('main').focus()
  await tabTo(page, 'Remove')
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('alertdialog', { name: 'Remove Keys Only?' })
  await expect(dialog).toBeVisible()
  for (let i = 0; i < 5; i++) {
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true)
  }
  await page.keyboard.press('Escape')
  await expect(dialog).toHaveCount(0)
  expect(h.core.accounts.list()).toHaveLength(1)
  await tabTo(page, 'Remove')
  await page.keyboard.press('Enter')
  await expect(dialog).toBeVisible()
  await tabTo(page, 'Remove')
  await page.keyboard.press('Space')
  await expect(page.getByText('No stores yet.')).toBeVisible({ timeout: 15_000 })
  expect(h.core.accounts.list()).toEqual([])
})
