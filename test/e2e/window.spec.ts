/**
 * The window's own features through the real core: sort and hide surviving a restart, the indexed
 * chart switch, a store's page with a seeded year of history, and the CSV export equal to the CLI's.
 */
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { expect, test } from '@playwright/test'
import { startHarness, type Harness } from './harness'
import { seedHistory, seededQuantity } from './seedHistory'
import { demoAccountInput, generateStores, startDemoServer } from '../../src/main/core/demo'
import { MemorySecretStore } from '../../src/main/core/accounts/keychain'
import { addDays } from '../../src/shared/period'
import { yearBefore } from '../../src/shared/history'
import type { AppCoreOptions } from '../../src/main/core/app'

const demoCore = (stores = 4): Partial<AppCoreOptions> => ({ demo: 'on', demoOptions: { stores, seed: 3 }, monitor: { spreadMs: () => 0 } })

async function allFetched(h: Harness, n: number): Promise<void> {
  await expect.poll(() => h.core.monitor.snapshots().length, { timeout: 20_000 }).toBe(n)
}

let dir: string
test.beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'storeglance-window-'))
})
test.afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

test('the sort and the hidden stores survive a restart', async () => {
  let h = await startHarness({ userDataDir: dir, core: demoCore() })
  try {
    await allFetched(h, 4)
    const header = h.page.locator('tr[data-row="customersAllTime"] th')
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    const hidden = h.core.accounts.list()[2]!
    await h.page.getByRole('button', { name: `Hide ${hidden.label} from the comparison` }).click()
    await expect(h.page.getByTestId('shown-count')).toContainText('Totals cover 3 of 4 stores')
    await expect(h.page.locator('table.comparison thead th[data-store]')).toHaveCount(3)
  } finally {
    await h.close()
  }
  h = await startHarness({ userDataDir: dir, core: demoCore() })
  try {
    await allFetched(h, 4)
    const header = h.page.locator('tr[data-row="customersAllTime"] th')
    await expect(header).toHaveAttribute('aria-sort', 'descending')
    await expect(h.page.getByTestId('shown-count')).toContainText('Totals cover 3 of 4 stores')
    const figures = await h.page.locator('tr[data-row="customersAllTime"] td:not(.total) .figure').allTextContents()
    const values = figures.map((t) => Number(t.replace(/\D/g, '')))
    expect(values).toHaveLength(3)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    // Hidden from the comparison, still polled.
    const hidden = h.core.accounts.list()[2]!
    expect(h.core.accounts.list().find((a) => a.id === hidden.id)!.enabled).toBe(true)
    await h.page.getByRole('button', { name: `Show ${hidden.label} in the comparison` }).click()
    await expect(h.page.getByTestId('shown-count')).toContainText('Totals cover all 4 stores')
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'none')
  } finally {
    await h.close()
  }
})

test('quick clicks on hide and on move all count: main applies each to the settings it holds', async () => {
  const h = await startHarness({ userDataDir: dir, core: demoCore(3) })
  try {
    await allFetched(h, 3)
    const [a, b, c] = h.core.accounts.list()
    // Each pair of clicks lands in one task of the page, so neither is answered before both are sent.
    const clickAll = (names: string[]) =>
      h.page.evaluate((names) => {
        for (const name of names) {
          const button = [...document.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name)
          if (!button) throw new Error(`No button "${name}"`)
          button.click()
        }
      }, names)
    const hides = [a!, b!].map((s) => `Hide ${s.label} from the comparison`)
    for (const name of hides) await expect(h.page.getByRole('button', { name })).toBeVisible()
    await clickAll(hides)
    await expect(h.page.getByTestId('shown-count')).toContainText('Totals cover 1 of 3 stores')
    expect(h.core.accounts.settings().hiddenStores.toSorted()).toEqual([a!.id, b!.id].toSorted())
    await h.page.getByRole('button', { name: 'Settings', exact: true }).click()
    await expect(h.page.getByRole('button', { name: `Move ${c!.label} up` })).toBeEnabled()
    await clickAll([`Move ${c!.label} up`, `Move ${c!.label} up`])
    const order = h.page.locator('.account-list li')
    await expect.poll(() => order.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-account')))).toEqual([c!.id, a!.id, b!.id])
    expect(h.core.accounts.settings().storeOrder).toEqual([c!.id, a!.id, b!.id])
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))
    expect(saved.settings.storeOrder).toEqual([c!.id, a!.id, b!.id])
  } finally {
    await h.close()
  }
})

test('the per-day chart switches to indexed figures, and keeps the choice', async () => {
  const h = await startHarness({ userDataDir: dir, core: demoCore() })
  try {
    await allFetched(h, 4)
    const panel = h.page.locator('section[aria-labelledby="activity-title"]')
    await expect(panel.getByRole('button', { name: 'Absolute' })).toHaveAttribute('aria-pressed', 'true')
    await panel.getByRole('button', { name: /Indexed/ }).click()
    await expect(panel.getByRole('button', { name: /Indexed/ })).toHaveAttribute('aria-pressed', 'true')
    await expect(panel.locator('canvas')).toHaveAttribute('aria-label', /percentage of its own daily average/)
    expect(h.core.accounts.settings().chartScale).toBe('indexed')
    await h.screenshot('overview-indexed-light')
  } finally {
    await h.close()
  }
})

test("a store's page shows its figures, lists and a year of local history with the year before", async () => {
  const store = generateStores(4, 3)[0]!
  const id = `demo-${store.accountId}`
  const today = new Date().toISOString().slice(0, 10)
  const first = await seedHistory(dir, id, 399, today)
  const h = await startHarness({ userDataDir: dir, core: demoCore() })
  try {
    await allFetched(h, 4)
    const { page } = h
    await page.locator('table.comparison thead').getByRole('link', { name: store.label }).click()
    await expect(page).toHaveURL(new RegExp(`#/store/${id}$`))
    await expect(page.getByRole('heading', { level: 1, name: store.label })).toBeVisible()
    const since = await page.evaluate(
      (d) =>
        new Intl.DateTimeFormat(navigator.language, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
          new Date(`${d}T00:00:00Z`),
        ),
      first,
    )
    await expect(page.getByText(`History since ${since}`)).toBeVisible()
    // Last month is shown beside the same month a year before, complete in the seeded history.
    const month = addDays(`${today.slice(0, 8)}01`, -1).slice(0, 7)
    const before = yearBefore(month)
    expect(first <= `${before}-01`).toBe(true)
    let expected = 0
    for (let i = 0; i < 399; i++) {
      const day = addDays(first, i)
      if (day.startsWith(before)) expected += seededQuantity(day, i)
    }
    const row = page.locator(`[data-testid="history-months"] tr[data-month="${month}"]`)
    await expect(row).toBeVisible()
    const cells = await row.locator('td').allTextContents()
    expect(expected).toBeGreaterThan(0)
    expect(Number(cells[1]!.replace(/\D/g, ''))).toBe(expected)
    // Both months complete: the change is given, with its sign and arrow.
    expect(cells[2]).toMatch(/^[▲▼±]/)
    await expect(page.locator('[data-testid="weekday-profile"] tr')).toHaveCount(7)
    // Latest transactions with the redeemed and cashier fields, timestamps as sent.
    const snap = h.core.monitor.snapshots().find((p) => p.id === id)!.current
    const tx = page.locator('table.list').filter({ has: page.getByRole('columnheader', { name: 'Cashier' }) })
    await expect(tx.getByRole('columnheader', { name: 'Redeemed' })).toBeVisible()
    await expect(tx.locator('tbody tr').first()).toContainText(snap.lastTransactions[0]!.date)
    await expect(tx.locator('tbody tr').first()).toContainText(snap.lastTransactions[0]!.user)
    await page.getByRole('button', { name: 'Lines' }).click()
    await expect(page.getByRole('button', { name: 'Lines' })).toHaveAttribute('aria-pressed', 'true')
    await h.screenshot('store-history-light')
  } finally {
    await h.close()
  }
})

test("the CSV export is the CLI's `snapshot --csv` for the same figures", async () => {
  const server = await startDemoServer({ stores: 3, seed: 4 })
  const out = join(dir, 'export.csv')
  const h = await startHarness({
    userDataDir: dir,
    core: {
      secrets: new MemorySecretStore(),
      monitor: { spreadMs: () => 0 },
      saveFile: async (_name, content) => {
        const { writeFile } = await import('node:fs/promises')
        await writeFile(out, content)
        return out
      },
    },
  })
  try {
    for (const s of server.stores) {
      await h.core.handlers['accounts:add']({
        input: demoAccountInput(server.url, s),
        key: s.key,
      })
    }
    await allFetched(h, 3)
    await h.page.getByRole('button', { name: 'Export CSV…' }).click()
    await expect(h.page.getByText(`Saved to ${out}`)).toBeVisible()
    const exported = await readFile(out, 'utf8')
    const cli = await promisify(execFile)(
      process.execPath,
      [resolve(__dirname, '../../out/main/cli.js'), 'snapshot', '--csv', '--offline'],
      {
        env: { ...process.env, STOREGLANCE_HOME: dir },
      },
    )
    const lines = (t: string) => t.trim().split('\n')
    // The CLI offline says "stored" where the app says "ok"; every figure, label and column is the same.
    const status = (t: string) => lines(t).find((l) => l.startsWith('status,'))
    expect(status(exported)).toBe('status,Status,ok,ok,ok,,')
    expect(status(cli.stdout)).toBe('status,Status,stored,stored,stored,,')
    expect(lines(exported).filter((l) => !l.startsWith('status,'))).toEqual(lines(cli.stdout).filter((l) => !l.startsWith('status,')))
    expect(lines(exported)[0]).toBe(`key,figure,${server.stores.map((s) => s.label).join(',')},Total,Stores in total`)
  } finally {
    await h.close()
    await server.close()
  }
})

test('the theme follows the system live, and the setting overrides it', async () => {
  const h = await startHarness({ userDataDir: dir, core: demoCore(2) })
  try {
    const html = h.page.locator('html')
    await expect(html).toHaveAttribute('data-theme', 'light')
    await h.page.emulateMedia({ colorScheme: 'dark' })
    await expect(html).toHaveAttribute('data-theme', 'dark')
    await h.page.getByRole('button', { name: 'Settings', exact: true }).click()
    await h.page.getByRole('radio', { name: 'Light' }).check()
    await expect(html).toHaveAttribute('data-theme', 'light')
    expect(h.core.accounts.settings().theme).toBe('light')
    await h.page.getByRole('radio', { name: 'As the system' }).check()
    await expect(html).toHaveAttribute('data-theme', 'dark')
  } finally {
    await h.close()
  }
})

test('first run: a welcome over the demo stores, and "Add your store" opens the form', async () => {
  const h = await startHarness({ userDataDir: dir, core: demoCore(2) })
  try {
    const welcome = h.page.getByRole('region', { name: 'Welcome to Storeglance' })
    await expect(welcome).toContainText('simulated')
    await welcome.getByRole('button', { name: 'Add your store' }).click()
    const form = h.page.getByRole('form', { name: 'Add a store' })
    await expect(form).toBeVisible()
    await expect(form).toContainText('Owner ID')
    await expect(form.getByLabel('API key')).toHaveAttribute('type', 'password')
  } finally {
    await h.close()
  }
})
