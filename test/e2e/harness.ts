/**
 * The browser-test harness: the production renderer in real Chromium, with `window.storeglance`
 * provided by a test bridge that forwards to the real core running in this test process. Only
 * the preload/ipc glue is skipped (it has unit tests of its own). Every message that crosses the
 * bridge is recorded, so tests can check what the renderer was told (and that no key leaked).
 */
import { chromium, type Browser, type Page } from '@playwright/test'
import { existsSync, mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createApi } from '../../src/shared/api'
import { EVENT_CHANNELS } from '../../src/shared/ipc'
import { createAppCore, type AppCore, type AppCoreOptions } from '../../src/main/core/app'
import { createDispatcher } from '../../src/main/core/ipcDispatch'
import { serveStatic } from './staticServer'

export interface HarnessOptions {
  /** Where the core keeps settings and snapshots; a fresh temp dir when omitted (and removed on close). */
  userDataDir?: string
  /**
   * Options for the core. Defaults: no demo stores ('off'), the real keychain (the test command
   * runs inside a private gnome-keyring session), the real clock.
   */
  core?: Partial<AppCoreOptions>
  viewport?: { width: number; height: number }
  /** The OS colour scheme the page sees (the app's "system" theme follows it). */
  colorScheme?: 'light' | 'dark'
}

export interface BridgeMessage {
  direction: 'invoke' | 'result' | 'event'
  channel: string
  payload: unknown
}

export interface Harness {
  page: Page
  browser: Browser
  core: AppCore
  userDataDir: string
  /** The demo server when the core runs in demo mode. */
  demo: AppCore['demoServer']
  /** Everything that crossed the bridge, in order. */
  messages: BridgeMessage[]
  /** Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>
  close(): Promise<void>
}

const ROOT = resolve(__dirname, '../..')
const SCREENSHOTS = join(ROOT, 'test-results', 'screenshots')

/** Chromium from CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own browser. */
export function chromiumPath(): string | undefined {
  if (process.env['CHROMIUM_PATH']) return process.env['CHROMIUM_PATH']
  return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** The in-page half of the bridge: builds `window.storeglance` with the product's own createApi. */
function bridgeScript(): string {
  return `(() => {
    const createApi = ${createApi.toString()};
    const listeners = new Map();
    window.__storeglanceEmit = (channel, payload) => {
      for (const l of [...(listeners.get(channel) || [])]) l(payload);
    };
    const invoke = (channel, request) => window.__storeglanceInvoke(channel, request);
    const subscribe = (channel, listener) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel).add(listener);
      return () => listeners.get(channel).delete(listener);
    };
    window.storeglance = createApi(invoke, subscribe);
  })();`
}

/** Starts the core, a static server for out/renderer and Chromium, and opens the app's page. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const renderer = join(ROOT, 'out', 'renderer')
  if (!existsSync(join(renderer, 'index.html'))) throw new Error('out/renderer is missing: run `npm run build` first')
  const ownDir = !options.userDataDir
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'storeglance-e2e-')))
  const core = createAppCore({ userDataDir, version: '0.0.0-test', demo: 'off', ...options.core })
  await core.start()
  const dispatch = createDispatcher(core.handlers)
  const messages: BridgeMessage[] = []
  const server = await serveStatic(renderer)
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
  // A page of its own context: axe's AxeBuilder refuses pages made by browser.newPage().
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    colorScheme: options.colorScheme ?? 'light',
  })
  const page = await context.newPage()
  await page.exposeBinding('__storeglanceInvoke', async (_source, channel: unknown, request: unknown) => {
    messages.push({ direction: 'invoke', channel: String(channel), payload: request })
    const result = await dispatch(channel, request)
    messages.push({ direction: 'result', channel: String(channel), payload: result })
    return result
  })
  await page.addInitScript({ content: bridgeScript() })
  const offs = EVENT_CHANNELS.map((channel) =>
    core.events.on(channel, (payload) => {
      messages.push({ direction: 'event', channel, payload })
      void page
        .evaluate(([c, p]) => (window as unknown as { __storeglanceEmit: (c: string, p: unknown) => void }).__storeglanceEmit(c, p), [
          channel,
          payload,
        ] as const)
        .catch(() => {})
    }),
  )
  await page.goto(server.url)
  return {
    page,
    browser,
    core,
    userDataDir,
    messages,
    demo: core.demoServer,
    async screenshot(name) {
      mkdirSync(SCREENSHOTS, { recursive: true })
      const path = join(SCREENSHOTS, `${name}.png`)
      // The window scrolls inside <main>: grow the viewport for the shot so the whole view shows.
      const size = page.viewportSize()
      const extra = await page.evaluate(() => {
        const main = document.querySelector('main')
        return main ? Math.max(0, main.scrollHeight - main.clientHeight) : 0
      })
      if (size && extra > 0) await page.setViewportSize({ width: size.width, height: Math.min(size.height + extra, 6000) })
      await page.screenshot({ path, fullPage: true })
      if (size && extra > 0) await page.setViewportSize(size)
      return path
    },
    async close() {
      offs.forEach((off) => off())
      await browser.close()
      await server.close()
      await core.stop()
      if (ownDir) await rm(userDataDir, { recursive: true, force: true })
    },
  }
}
