/**
 * The whole app in a real Electron runtime. Runs wherever an Electron binary exists
 * (ELECTRON_PATH, or the one the electron package downloaded); elsewhere it is reported as
 * skipped with the reason, never as passed. The app runs with Chromium's sandbox: no --no-sandbox.
 */
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createApi } from '../../src/shared/api'

const ROOT = resolve(__dirname, '../..')

/** The Electron executable, found without triggering the package's download. */
function electronBinary(): string | null {
  if (process.env['ELECTRON_PATH'] && existsSync(process.env['ELECTRON_PATH'])) return process.env['ELECTRON_PATH']
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt')
  if (!existsSync(pathFile)) return null
  const binary = join(ROOT, 'node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()
test.skip(!binary, 'No Electron binary on this machine (its download is not reachable); set ELECTRON_PATH to run the full-app test')
// Chromium refuses to run its sandbox as root, and this test must not turn the sandbox off.
test.skip(
  process.getuid?.() === 0,
  'Running as root: Electron will not start with its sandbox as root, and this test never passes --no-sandbox; run it as a normal user',
)

/** The API's shape: each group's member names, sorted. */
type Shape = Record<string, string[]>
const shapeOf = (api: object): Shape =>
  Object.fromEntries(Object.entries(api).map(([group, members]) => [group, Object.keys(members as object).sort()]))

let app: ElectronApplication
let page: Page
/** Set by a test that ends the app itself (the tray's Quit). */
let quitByTest = false

test.beforeEach(async () => {
  const env = { ...process.env, STOREGLANCE_HOME: mkdtempSync(join(tmpdir(), 'storeglance-electron-')) } as Record<string, string>
  delete env['ELECTRON_RENDERER_URL']
  // chromiumSandbox: without it Playwright adds --no-sandbox on Linux.
  app = await electron.launch({ executablePath: binary!, args: [ROOT], env, chromiumSandbox: true })
  page = await app.firstWindow()
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()
})
test.afterEach(async () => {
  if (!quitByTest) await app.close()
  quitByTest = false
})

test('the window is sandboxed and isolated, with DevTools off', async () => {
  const prefs = await app.evaluate(({ BrowserWindow }) => {
    const w = BrowserWindow.getAllWindows()[0]!
    // Not in Electron's type definitions, but present at run time in current versions.
    const wc = w.webContents as unknown as { getLastWebPreferences: () => Record<string, unknown> }
    const p = wc.getLastWebPreferences()
    return {
      sandbox: p['sandbox'],
      contextIsolation: p['contextIsolation'],
      nodeIntegration: p['nodeIntegration'],
      webviewTag: p['webviewTag'],
      webSecurity: p['webSecurity'],
      devTools: p['devTools'],
      windows: BrowserWindow.getAllWindows().length,
    }
  })
  expect(prefs).toEqual({
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    webviewTag: false,
    webSecurity: true,
    devTools: false,
    windows: 1,
  })
  // The preferences above are what was asked for; the command line says the sandbox really is on.
  expect(await app.evaluate(({ app }) => app.commandLine.hasSwitch('no-sandbox'))).toBe(false)
})

test('the page is served from app://storeglance', async () => {
  expect(page.url()).toBe('app://storeglance/index.html')
  expect(await page.evaluate(() => location.origin)).toBe('app://storeglance')
  // A file outside the renderer folder is not served. A plain `..` is folded away by the URL parser
  // before the handler sees it; encoded separators reach the handler and name out/main/index.js.
  const status = (url: string) => page.evaluate((u) => fetch(u).then((r) => r.status), url)
  expect(await status('app://storeglance/..%2fmain%2findex.js')).toBe(404)
  expect(await status('app://storeglance/..%5cmain%5cindex.js')).toBe(404)
  expect(await status('app://storeglance/index.html')).toBe(200)
})

test("window.storeglance has exactly the contract's members and no require or process", async () => {
  const expected = shapeOf(
    createApi(
      async () => ({ ok: true, value: null }) as never,
      () => () => undefined,
    ),
  )
  const actual = await page.evaluate(() => {
    const api = (window as unknown as { storeglance: Record<string, Record<string, unknown>> }).storeglance
    return Object.fromEntries(Object.entries(api).map(([group, members]) => [group, Object.keys(members).sort()]))
  })
  expect(actual).toEqual(expected)
  const globals = await page.evaluate(() => [
    typeof (window as unknown as { require?: unknown }).require,
    typeof (window as unknown as { process?: unknown }).process,
  ])
  expect(globals).toEqual(['undefined', 'undefined'])
})

test('navigation and window.open are refused', async () => {
  await app.evaluate(({ BrowserWindow }) => {
    const g = globalThis as unknown as { navigations: { url: string; prevented: boolean }[] }
    g.navigations = []
    // Registered after the app's own handler, so it sees whether that one refused.
    BrowserWindow.getAllWindows()[0]!.webContents.on('will-navigate', (event) =>
      g.navigations.push({ url: event.url, prevented: event.defaultPrevented }),
    )
  })
  await page.evaluate(() => {
    location.href = 'https://example.com/'
  })
  await expect
    .poll(() => app.evaluate(() => (globalThis as unknown as { navigations: unknown[] }).navigations))
    .toEqual([{ url: 'https://example.com/', prevented: true }])
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true)
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()))).toEqual([
    'app://storeglance/index.html',
  ])
})

test('an injected inline script does not run', async () => {
  const result = await page.evaluate(
    () =>
      new Promise<{ directive: string; ran: boolean }>((done) => {
        document.addEventListener('securitypolicyviolation', (e) => done({ directive: e.effectiveDirective, ran: 'injected' in window }), {
          once: true,
        })
        const script = document.createElement('script')
        script.textContent = 'window.injected = true'
        document.head.appendChild(script)
      }),
  )
  expect(result).toEqual({ directive: 'script-src-elem', ran: false })
})

test('a round trip with the demo stores', async () => {
  const info = await page.evaluate(() =>
    (window as unknown as { storeglance: { app: { info(): Promise<{ demo: boolean }> } } }).storeglance.app.info(),
  )
  expect(info.demo).toBe(true)
  const result = await page.evaluate(async () => {
    const api = (window as unknown as { storeglance: ReturnType<typeof createApi> }).storeglance
    const state = await api.app.state()
    const ids = state.accounts.map((a) => a.id)
    const fetched = await new Promise<string>((done) => {
      const off = api.on.snapshot((pair) => {
        off()
        done(pair.id)
      })
      void api.stores.refresh()
    })
    return { ids, fetched }
  })
  expect(result.ids.length).toBeGreaterThan(0)
  expect(result.ids).toContain(result.fetched)
  await expect(page.getByText('Demo', { exact: true })).toBeVisible()
})

/** A literal text as a regular expression. */
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** The labels of the menu the app last attached to its tray ('---' for a separator). */
const trayLabels = (): Promise<string[]> =>
  app.evaluate(() => {
    const menus = (globalThis as unknown as { trayMenus: Electron.Menu[] }).trayMenus
    const menu = menus[menus.length - 1]
    return menu ? menu.items.map((item) => (item.type === 'separator' ? '---' : item.label)) : []
  })

/** Clicks the item of the tray's current menu whose label starts with `prefix`. */
const clickTray = (prefix: string): Promise<void> =>
  app.evaluate((_electron, start) => {
    const menus = (globalThis as unknown as { trayMenus: Electron.Menu[] }).trayMenus
    const item = menus[menus.length - 1]?.items.find((i) => i.label.startsWith(start))
    if (!item) throw new Error(`No tray menu item starts with ${start}`)
    item.click()
  }, prefix)

/** Records every menu the app attaches to its tray from now on, then has it redraw (a refresh). */
async function watchTray(): Promise<void> {
  await app.evaluate(({ Tray }) => {
    const g = globalThis as unknown as { trayMenus: Electron.Menu[] }
    g.trayMenus = []
    const attach = Tray.prototype.setContextMenu
    Tray.prototype.setContextMenu = function (this: Electron.Tray, menu: Electron.Menu | null) {
      if (menu) g.trayMenus.push(menu)
      return attach.call(this, menu)
    }
  })
  await page.evaluate(() => (window as unknown as { storeglance: ReturnType<typeof createApi> }).storeglance.stores.refresh())
  await expect.poll(trayLabels).toContain('Open Storeglance')
}

test('the tray menu lists the stores, mutes, and brings the window back after it was closed', async () => {
  await watchTray()
  const accounts = await page.evaluate(async () =>
    (await (window as unknown as { storeglance: ReturnType<typeof createApi> }).storeglance.app.state()).accounts.map((a) => ({
      id: a.id,
      label: a.label,
    })),
  )
  expect(accounts.length).toBeGreaterThan(0)
  const labels = await trayLabels()
  // One row per store, in front of the actions.
  for (const [i, account] of accounts.entries()) expect(labels[i], `row ${i}`).toMatch(new RegExp(`^${escapeRegExp(account.label)}: `))
  expect(labels.slice(accounts.length)).toEqual([
    '---',
    'Refresh now',
    'Mute for 1 hour',
    'Mute until tomorrow 08:00',
    '---',
    'Open Storeglance',
    'Quit',
  ])

  // Mute from the tray: the alert log says so, and the menu offers to unmute.
  await clickTray('Mute for 1 hour')
  await expect.poll(trayLabels).toContainEqual(expect.stringMatching(/^Unmute \(muted until \d\d:\d\d\)$/))
  const muted = await page.evaluate(
    async () => (await (window as unknown as { storeglance: ReturnType<typeof createApi> }).storeglance.alerts.list()).mutedUntil,
  )
  expect(muted).not.toBeNull()
  await clickTray('Unmute')
  await expect.poll(trayLabels).toContain('Mute for 1 hour')

  // Closing the window keeps the app in the tray; "Open Storeglance" brings a window back.
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.close())
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(0)
  const reopened = app.waitForEvent('window')
  await clickTray('Open Storeglance')
  page = await reopened
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible()

  // A store's row opens that store's page.
  await clickTray(`${accounts[0]!.label}: `)
  await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/store/${encodeURIComponent(accounts[0]!.id)}`)
})

test("the tray's Quit ends the app", async () => {
  await watchTray()
  const closed = app.waitForEvent('close')
  await clickTray('Quit')
  await closed
  quitByTest = true
})

test('Copy diagnostics fills the clipboard from main (the page has no clipboard permission)', async () => {
  await app.evaluate(({ clipboard }) => clipboard.writeText('before'))
  await page.getByRole('button', { name: 'Settings', exact: true }).click()
  await page.getByRole('button', { name: 'Copy diagnostics' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Diagnostics copied' })).toBeVisible()
  expect(await app.evaluate(({ clipboard }) => clipboard.readText())).toMatch(/^Storeglance \S+ diagnostics/)
  // The page itself is refused the clipboard, like every other permission.
  const denied = await page.evaluate(() =>
    navigator.clipboard.writeText('from the page').then(
      () => 'written',
      (err: unknown) => (err instanceof Error ? err.name : String(err)),
    ),
  )
  expect(denied).toBe('NotAllowedError')
})
