/**
 * Adding, editing and removing stores through the window, with the real keychain (the test command
 * runs inside a private gnome-keyring session) and a demo server on loopback; and the leak test:
 * the key appears nowhere but the one request that carried it into main.
 */
import { expect, test, type Page } from '@playwright/test'
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { startDemoServer, type DemoServer } from '../../src/main/core/demo'
import { startHarness, type Harness } from './harness'

let h: Harness
let server: DemoServer
const consoleLines: string[] = []

test.beforeEach(async () => {
  server = await startDemoServer({ stores: 2, seed: 11 })
  h = await startHarness({ core: { monitor: { spreadMs: () => 0, refreshDebounceMs: 0 } } })
  h.page.on('console', (m) => consoleLines.push(m.text()))
})
test.afterEach(async () => {
  await h.close()
  await server.close()
})

/** What libsecret's own client finds for this account id in the keychain ('' when nothing). */
function keychainLookup(id: string): string {
  try {
    return execFileSync('secret-tool', ['lookup', 'service', 'Storeglance', 'account', id], { encoding: 'utf8' })
  } catch {
    return ''
  }
}

async function fillAddForm(page: Page, store: { label: string; userId: string; accountId: string }, key: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('button', { name: 'Add a store' }).click()
  await page.getByLabel('Name').fill(store.label)
  await page.getByLabel('User id').fill(store.userId)
  await page.getByLabel('Account id').fill(store.accountId)
  await page.getByLabel('API key').fill(key)
  await page.getByLabel('Endpoint').fill(server.url)
  await page.getByLabel('Time zone').fill('Europe/London')
  await page.getByRole('button', { name: 'Test and add' }).click()
}

/** Removes the first store in Settings, through its confirmation. */
async function removeFirstStore(page: Page): Promise<void> {
  await page.locator('.account-list li').first().getByRole('button', { name: 'Remove' }).click()
  const confirm = page.getByRole('alertdialog')
  await expect(confirm).toContainText('saved figures are deleted')
  await confirm.getByRole('button', { name: 'Remove' }).click()
  await expect(page.getByText('No stores yet.')).toBeVisible()
}

/** Every file under a directory, as text. */
function allFiles(dir: string): { path: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? allFiles(path) : [{ path, text: readFileSync(path, 'latin1') }]
  })
}

test('a store is tested, saved with its key in the keychain, polled, and removed with its key', async () => {
  const { page } = h
  const store = server.stores[0]!
  await fillAddForm(page, { label: 'My Café', userId: store.userId, accountId: store.accountId }, store.key)
  await expect(page.locator('.account-list li')).toContainText('My Café')
  const account = h.core.accounts.list().find((a) => a.label === 'My Café')!
  expect(keychainLookup(account.id)).toBe(store.key)
  expect(readFileSync(join(h.userDataDir, 'settings.json'), 'utf8')).toContain(store.accountId)
  await page.getByRole('button', { name: 'Overview', exact: true }).click()
  await expect(page.locator('table.comparison thead')).toContainText('My Café')
  await expect(page.locator('table.comparison thead')).toContainText('as of just now', { timeout: 15_000 })
  await h.screenshot('overview-one-store')
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await removeFirstStore(page)
  expect(keychainLookup(account.id)).toBe('')
  expect(readFileSync(join(h.userDataDir, 'settings.json'), 'utf8')).not.toContain(store.accountId)
})

test('editing changes the name and keeps the key unless a new one is tested and accepted', async () => {
  const { page } = h
  const store = server.stores[0]!
  await fillAddForm(page, { label: 'Before', userId: store.userId, accountId: store.accountId }, store.key)
  await expect(page.locator('.account-list li')).toContainText('Before')
  const id = h.core.accounts.list()[0]!.id
  await page.getByRole('button', { name: 'Edit' }).click()
  const form = page.getByRole('form', { name: 'Edit Before' })
  await expect(form.getByLabel('Account id')).toHaveAttribute('readonly', '')
  await form.getByLabel('Name').fill('After')
  await form.getByLabel('API key').fill('KEY-edit-wrong-6620')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(form.getByRole('alert')).toContainText(/key/i)
  expect(h.core.accounts.list()[0]!.label).toBe('Before')
  expect(keychainLookup(id)).toBe(store.key)
  await form.getByLabel('Name').fill('After')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(page.locator('.account-list li strong')).toHaveText('After')
  expect(keychainLookup(id)).toBe(store.key)
  expect(JSON.parse(readFileSync(join(h.userDataDir, 'settings.json'), 'utf8')).accounts[0].label).toBe('After')
  await h.screenshot('settings-edited')
})

test('a wrong key is refused with the server message and nothing is saved', async () => {
  const { page } = h
  const store = server.stores[1]!
  await fillAddForm(page, { label: 'Wrong', userId: store.userId, accountId: store.accountId }, 'KEY-wrong-5531-qq')
  await expect(page.getByRole('alert')).toContainText(/key/i)
  await h.screenshot('settings-add-refused')
  expect(h.core.accounts.list()).toEqual([])
  expect(allFiles(h.userDataDir).some((f) => f.text.includes(store.accountId))).toBe(false)
  // The key field is cleared whatever happened.
  await expect(page.getByLabel('API key')).toHaveValue('')
})

test('the key appears nowhere: files, logs, console, and every message but the one that carried it in', async () => {
  const { page } = h
  const logged: string[] = []
  const originals = { log: console.log, warn: console.warn, error: console.error, info: console.info }
  for (const level of Object.keys(originals) as (keyof typeof originals)[]) {
    console[level] = (...args: unknown[]) => {
      logged.push(args.map(String).join(' '))
      originals[level](...args)
    }
  }
  try {
    const good = server.stores[0]!
    const wrong = 'KEY-leak-8812-zz-wrong'
    // add (fails with a wrong key), add (succeeds), poll, edit with the key again, server error, remove
    await fillAddForm(page, { label: 'Leak test', userId: good.userId, accountId: good.accountId }, wrong)
    await expect(page.getByRole('alert')).toBeVisible()
    await page.getByLabel('API key').fill(good.key)
    await page.getByRole('button', { name: 'Test and add' }).click()
    await expect(page.locator('.account-list li')).toContainText('Leak test')
    const id = h.core.accounts.list()[0]!.id
    await expect.poll(() => h.core.monitor.snapshots().length, { timeout: 15_000 }).toBe(1)
    await page.evaluate(([accountId, key]) => window.storeglance.accounts.update(accountId, { label: 'Leak test 2' }, key), [
      id,
      good.key,
    ] as const)
    server.setFault(good.accountId, { kind: 'apiError', message: 'Permission denied for this user' })
    await page.evaluate((accountId) => window.storeglance.stores.refresh(accountId), id)
    await expect.poll(() => h.core.monitor.status(id)?.state, { timeout: 10_000 }).toBe('error')
    await page.getByRole('button', { name: 'Settings', exact: true }).click()
    await removeFirstStore(page)
    await h.core.monitor.whenIdle()

    for (const key of [good.key, wrong]) {
      for (const f of allFiles(h.userDataDir)) expect(f.text.includes(key), `key in ${f.path}`).toBe(false)
      expect(logged.filter((l) => l.includes(key))).toEqual([])
      expect(consoleLines.filter((l) => l.includes(key))).toEqual([])
      const carriers = h.messages.filter((m) => JSON.stringify(m.payload).includes(key))
      // Only renderer → main requests that set a key carry it; no answer and no event ever does.
      expect(carriers.every((m) => m.direction === 'invoke' && (m.channel === 'accounts:add' || m.channel === 'accounts:update'))).toBe(
        true,
      )
      expect(carriers.length).toBeGreaterThan(0)
    }
    // And the window's own state has no trace of either key.
    const dom = await page.content()
    expect(dom.includes(good.key) || dom.includes(wrong)).toBe(false)
  } finally {
    Object.assign(console, originals)
  }
})
