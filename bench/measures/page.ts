/**
 * In-page helpers for the window measures (run in Chromium through page.evaluate, so each is
 * self-contained): waiting for text to be painted, counting canvas redraws, renderer metrics.
 */
import type { CDPSession, Page } from '@playwright/test'

/** Waits until every string is in the page's text, then for the frame that shows it; returns performance.now() then. */
export async function paintedWith(page: Page, texts: string[], timeoutMs = 60_000): Promise<number> {
  await page.waitForFunction((t) => t.every((s) => document.body.textContent?.includes(s)), texts, { timeout: timeoutMs, polling: 'raf' })
  return page.evaluate(() => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0))))
}

/** Counts canvas redraws (Chart.js clears its canvas before each draw) in window.__canvasDraws. */
export async function countCanvasDraws(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __canvasDraws: number }
    w.__canvasDraws = 0
    const proto = CanvasRenderingContext2D.prototype
    const clear = proto.clearRect
    proto.clearRect = function (...args: Parameters<typeof clear>) {
      w.__canvasDraws++
      return clear.apply(this, args)
    }
  })
}

/** The renderer's metrics (CDP Performance domain), after a garbage collection when `gc`. */
export async function metrics(cdp: CDPSession, gc = false): Promise<Record<string, number>> {
  if (gc) await cdp.send('HeapProfiler.collectGarbage')
  const { metrics: list } = await cdp.send('Performance.getMetrics')
  return Object.fromEntries(list.map((m) => [m.name, m.value]))
}
