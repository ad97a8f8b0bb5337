/**
 * Layout in real Chromium: what the reviewer saw cut or wrapped. The transactions' Amount column
 * shows whole on the Stores view; a store row in Settings keeps Enabled, Edit and Remove on the
 * name's line with the ids cut short (full text on hover); read-only fields look it, in both themes;
 * a form message sits under its own field.
 */
import { expect, test } from '@playwright/test'
import { startDemoServer } from '../../src/main/core/demo'
import { DEFAULT_SIZES } from '../../src/shared/model'
import { startHarness, type Harness } from './harness'

async function allFetched(h: Harness, n: number): Promise<void> {
  await expect.poll(() => h.core.monitor.snapshots().length, { timeout: 30_000 }).toBe(n)
}

test('the Stores view shows the transactions whole, Amount included, at 1280 and 800 wide', async () => {
  test.setTimeout(120_000)
  const h = await startHarness({ core: { demo: 'on', demoOptions: { stores: 2, seed: 5 }, monitor: { spreadMs: () => 0 } } })
  try {
    const { page } = h
    await allFetched(h, 2)
    await page.evaluate(() => (location.hash = '#/stores'))
    await expect(page.locator('.list-wrap').first()).toBeVisible()
    for (const width of [1280, 800]) {
      await page.setViewportSize({ width, height: 800 })
      const cut = await page.evaluate(() =>
        [...document.querySelectorAll('.list-wrap')].map((wrap) => {
          const amount = [...wrap.querySelectorAll('th')].find((th) => th.textContent?.trim() === 'Amount')!
          return {
            overflow: wrap.scrollWidth - wrap.clientWidth,
            beyond: amount.getBoundingClientRect().right - wrap.getBoundingClientRect().right,
          }
        }),
      )
      expect(cut.length, `${width}`).toBe(2)
      for (const c of cut) {
        expect(c.overflow, `${width}`).toBeLessThanOrEqual(0)
        expect(c.beyond, `${width}`).toBeLessThanOrEqual(0)
      }
    }
  } finally {
    await h.close()
  }
})

test('a Settings store row keeps its buttons on one line at 800 wide; read-only fields look it; form messages sit under their own fields', async () => {
  test.setTimeout(120_000)
  const server = await startDemoServer({ stores: 2, seed: 5 })
  const h = await startHarness({ viewport: { width: 800, height: 700 }, core: { monitor: { spreadMs: () => 0, refreshDebounceMs: 0 } } })
  try {
    const { page } = h
    for (const s of server.stores) {
      await h.core.handlers['accounts:add']({
        input: {
          label: s.label,
          endpoint: server.url,
          userId: s.userId,
          accountId: s.accountId,
          timeZone: s.timeZone,
          colour: '#2563eb',
          enabled: true,
          format: 'json',
          sizes: { ...DEFAULT_SIZES },
        },
        key: s.key,
      })
    }
    await page.evaluate(() => (location.hash = '#/settings'))
    const rows = page.locator('.account-list li')
    await expect(rows).toHaveCount(2)
    for (let i = 0; i < 2; i++) {
      const row = rows.nth(i)
      const name = (await row.locator('strong').boundingBox())!
      for (const control of [
        row.getByText('Enabled'),
        row.getByRole('button', { name: 'Edit' }),
        row.getByRole('button', { name: 'Remove' }),
      ]) {
        const box = (await control.boundingBox())!
        // The control's vertical middle lies within the name's line.
        expect(box.y + box.height / 2).toBeGreaterThan(name.y)
        expect(box.y + box.height / 2).toBeLessThan(name.y + name.height)
      }
      const ids = row.locator('.ids')
      await expect(ids).toHaveAttribute('title', `${server.stores[i]!.userId} · ${server.stores[i]!.accountId} · ${server.url}`)
      expect(await ids.evaluate((el) => getComputedStyle(el).textOverflow)).toBe('ellipsis')
    }
    // Editing: the form opens under its row, and the identity fields that cannot change look read-only, in both themes.
    await rows.first().getByRole('button', { name: 'Edit' }).click()
    const edit = page.locator('.account-list form')
    const rowName = (await rows.first().locator('strong').boundingBox())!
    expect((await edit.boundingBox())!.y).toBeGreaterThan(rowName.y + rowName.height)
    for (const theme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: theme })
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme)
      const look = (label: string) =>
        edit.getByLabel(label, { exact: true }).evaluate((el) => {
          const s = getComputedStyle(el)
          return { background: s.backgroundColor, color: s.color, border: s.borderTopStyle }
        })
      const editable = await look('Name')
      for (const label of ['User id', 'Account id (Owner ID)', 'Endpoint']) {
        await expect(edit.getByLabel(label, { exact: true })).toHaveAttribute('readonly', '')
        const fixed = await look(label)
        expect(fixed.background, `${label} ${theme}`).not.toBe(editable.background)
        expect(fixed.color, `${label} ${theme}`).not.toBe(editable.color)
        expect(fixed.border, `${label} ${theme}`).toBe('dashed')
      }
    }
    await page.emulateMedia({ colorScheme: 'light' })
    await edit.getByRole('button', { name: 'Cancel' }).click()
    // With room enough, the ids show whole.
    await page.setViewportSize({ width: 1280, height: 700 })
    expect(
      await rows
        .first()
        .locator('.ids')
        .evaluate((el) => el.scrollWidth - el.clientWidth),
    ).toBeLessThanOrEqual(0)
    await page.setViewportSize({ width: 800, height: 700 })
    // The add form: Endpoint's message lies under Endpoint, and no field changes column.
    await page.getByRole('button', { name: 'Add a store' }).click()
    const form = page.getByRole('form', { name: 'Add a store' })
    const before = await form.locator('input').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().x)))
    await form.getByLabel('Endpoint').fill('ftp://nope')
    await form.getByRole('button', { name: 'Test and add' }).click()
    const message = form.getByText('The address must start with https://')
    await expect(message).toBeVisible()
    const after = await form.locator('input').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().x)))
    expect(after).toEqual(before)
    const endpoint = (await form.getByLabel('Endpoint').boundingBox())!
    const under = (await message.boundingBox())!
    expect(Math.round(under.x)).toBe(Math.round(endpoint.x))
    expect(under.y).toBeGreaterThan(endpoint.y)
    await expect(form.getByLabel('Endpoint')).toHaveAccessibleDescription(/must start with https/)
  } finally {
    await h.close()
    await server.close()
  }
})
