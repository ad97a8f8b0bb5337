/**
 * Measure 5, the window: the production renderer in real Chromium through the test harness, over
 * a core holding 50 saved stores. In the page, snapshot events for all 50 stores (new figures and
 * new chart data) are delivered at once, as the bridge delivers them; timed to the first painted
 * frame showing the new figures and to the chart's redraw, 1,000 times. Then the renderer's JS
 * heap (after a GC) and the renderer process's CPU over 60 idle seconds.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { startHarness } from '../../test/e2e/harness'
import { formatFigure } from '../../src/shared/comparison'
import type { SnapshotPair } from '../../src/shared/ipc'
import { notMeasured, row, type Row } from '../report'
import { median } from './parse'
import { countCanvasDraws, metrics, paintedWith } from './page'
import { savedStores } from './savedStores'

const STORES = 50
const UPDATES = 1_000
const IDLE_MS = 60_000
const FRAME_MS = 1000 / 60

/** The figure update `i` gives store `k` (unique, so its text proves the frame shows update i). */
const figureOf = (i: number, k: number) => 1_000_000 + i * 100 + k

/** Runs updates from..to in the page; returns [ms to painted figures, ms to chart redraw] each. */
function updates(page: Page, from: number, to: number, lastTexts: string[]): Promise<[number, number][]> {
  return page.evaluate(
    async ({ from, to, lastTexts, stores }) => {
      const w = window as unknown as {
        __benchBase: SnapshotPair[]
        __canvasDraws: number
        __storeglanceEmit: (c: string, p: unknown) => void
      }
      const frame = () => new Promise<number>((r) => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))
      const out: [number, number][] = []
      for (let i = from; i < to; i++) {
        const pairs = w.__benchBase.map((p, k) => {
          const c = structuredClone(p.current)
          c.fetchedAt = new Date(Date.parse(c.fetchedAt) + i * 1000).toISOString()
          c.customers.allTime = 1_000_000 + i * 100 + k
          for (const camp of c.campaignActivity) for (const d of camp.days) d.quantity = (d.quantity + i) % 500
          return { id: p.id, current: c, previous: p.current }
        })
        const draws = w.__canvasDraws
        const t0 = performance.now()
        for (const p of pairs) w.__storeglanceEmit('event:snapshot', p)
        let painted = -1
        let charted = -1
        for (let f = 0; f < 600 && (painted < 0 || charted < 0); f++) {
          const t = await frame()
          if (painted < 0 && document.body.textContent?.includes(lastTexts[i - from]!)) painted = t - t0
          if (charted < 0 && w.__canvasDraws > draws) charted = t - t0
        }
        out.push([painted, charted])
      }
      void stores
      return out
    },
    { from, to, lastTexts, stores: STORES },
  )
}

/** Renderer processes' CPU seconds so far (Chromium's SystemInfo), or null when not reported. */
async function rendererCpu(page: Page): Promise<number | null> {
  try {
    const cdp = await page.context().browser()!.newBrowserCDPSession()
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] }
    await cdp.detach()
    return info.processInfo.filter((p) => p.type === 'renderer').reduce((s, p) => s + p.cpuTime, 0)
  } catch {
    return null
  }
}

/** Measure 5: update latency, heap after 1,000 updates and idle CPU of the window. */
export async function measureWindow(root: string): Promise<Row[]> {
  if (!existsSync(join(root, 'out', 'renderer', 'index.html')))
    return [notMeasured(5, 'window', 'the window', 'out/renderer is missing (run npm run build)')]
  const saved = await savedStores(STORES)
  const h = await startHarness({ userDataDir: saved.dir, core: { demo: 'off', secrets: saved.secrets } })
  try {
    const { page } = h
    await paintedWith(
      page,
      saved.pairs.map((p) => formatFigure(p.current.customers.allTime)),
    )
    await countCanvasDraws(page)
    await page.evaluate((base) => void ((window as unknown as { __benchBase: unknown }).__benchBase = base), h.core.monitor.snapshots())
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Performance.enable')
    const heapBefore = (await metrics(cdp, true))['JSHeapUsedSize']! / 1024 / 1024
    const times: [number, number][] = []
    for (let i = 1; i <= UPDATES; i += 50) {
      const to = Math.min(UPDATES + 1, i + 50)
      const last = Array.from({ length: to - i }, (_, j) => formatFigure(figureOf(i + j, STORES - 1)))
      times.push(...(await updates(page, i, to, last)))
    }
    const heapAfter = (await metrics(cdp, true))['JSHeapUsedSize']! / 1024 / 1024
    const missed = times.filter(([p, c]) => p < 0 || c < 0).length
    const task0 = (await metrics(cdp))['TaskDuration']!
    const cpu0 = await rendererCpu(page)
    await new Promise((r) => setTimeout(r, IDLE_MS))
    const cpu1 = await rendererCpu(page)
    const idleCpu = cpu0 !== null && cpu1 !== null ? cpu1 - cpu0 : (await metrics(cdp))['TaskDuration']! - task0
    const paint = median(times.map(([p]) => p).filter((p) => p >= 0))
    const chart = median(times.map(([, c]) => c).filter((c) => c >= 0))
    const p95 = [...times.map(([p]) => p)].sort((a, b) => a - b)[Math.floor(times.length * 0.95)]!
    const frame = { figure: FRAME_MS, unit: 'ms', what: 'one frame' }
    const note = missed ? { note: `${missed} updates not seen within 600 frames` } : {}
    return [
      row(
        5,
        'window.paint',
        `${STORES} stores' snapshots → Overview painted (median of ${UPDATES}, p95 ${p95.toFixed(0)} ms)`,
        paint,
        'ms',
        frame,
        note,
      ),
      row(5, 'window.chart', `${STORES} stores' snapshots → chart redrawn and painted (median)`, chart, 'ms', frame),
      row(5, 'window.heap', `renderer JS heap after ${UPDATES} updates (after GC)`, heapAfter, 'MB', {
        figure: heapBefore,
        unit: 'MB',
        what: 'before the updates',
      }),
      row(
        5,
        'window.idle',
        `renderer CPU over ${IDLE_MS / 1000} idle s${cpu0 === null ? ' (main-thread task time)' : ''}`,
        idleCpu * 1000,
        'ms',
        {
          figure: IDLE_MS,
          unit: 'ms',
          what: 'wall time',
        },
      ),
    ]
  } finally {
    await h.close()
    await saved.close()
  }
}
