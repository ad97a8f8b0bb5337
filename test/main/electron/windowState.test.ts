import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

type Rectangle = import('electron').Rectangle
type Display = import('electron').Display
const state = vi.hoisted(() => ({ displays: [] as { workArea: { x: number; y: number; width: number; height: number } }[] }))
vi.mock('electron', () => {
  const screen = {
    getAllDisplays: () => state.displays as Display[],
  } satisfies Partial<(typeof import('electron'))['screen']>
  return { screen }
})

const { restorableBounds, parseWindowState, createWindowStateStore, loadWindowBounds, trackWindowState } =
  await import('../../../src/main/electron/windowState')

const LAPTOP: Rectangle = { x: 0, y: 0, width: 1440, height: 875 }
const MONITOR: Rectangle = { x: 1440, y: 0, width: 2560, height: 1415 }
const saved = (over = {}) => ({ x: 1600, y: 100, width: 1200, height: 800, maximized: false, ...over })
const base = await mkdtemp(join(tmpdir(), 'storeglance-window-'))
afterAll(() => rm(base, { recursive: true, force: true }))

describe('window state', () => {
  it('restores onto a display that still exists', () => {
    expect(restorableBounds(saved(), [LAPTOP, MONITOR])).toEqual(saved())
  })

  it('forgets a position on a display that is gone, or with the title bar off every screen', () => {
    expect(restorableBounds(saved(), [LAPTOP])).toBeNull()
    expect(restorableBounds(saved({ x: 100, y: -200 }), [LAPTOP])).toBeNull()
    expect(restorableBounds(saved({ x: 1400, y: 10 }), [LAPTOP])).toBeNull() // only 40 px of title bar on screen
    expect(restorableBounds(null, [LAPTOP])).toBeNull()
  })

  it('caps the size to the display it opens on, never below the minimum', () => {
    expect(restorableBounds(saved({ x: 10, y: 10, width: 3000, height: 2000 }), [LAPTOP])).toMatchObject({ width: 1440, height: 875 })
    expect(restorableBounds(saved({ x: 10, y: 10, width: 100, height: 100 }), [LAPTOP])).toMatchObject({ width: 760, height: 520 })
  })

  it('reads saved state defensively', () => {
    expect(parseWindowState({ x: 1, y: 2, width: 800, height: 600, maximized: true })).toEqual({
      x: 1,
      y: 2,
      width: 800,
      height: 600,
      maximized: true,
    })
    for (const bad of [
      null,
      'x',
      { x: 1, y: 2, width: 800 },
      { x: 1.5, y: 2, width: 800, height: 600 },
      { x: 1e9, y: 2, width: 800, height: 600 },
      { x: 0, y: 0, width: -5, height: 600 },
    ]) {
      expect(parseWindowState(bad), JSON.stringify(bad)).toBeNull()
    }
  })

  it('saves after moving settles and on close, and loads back onto the current displays', async () => {
    vi.useFakeTimers()
    const dir = await mkdtemp(join(base, 'track-'))
    const listeners = new Map<string, () => void>()
    let bounds = { x: 1500, y: 50, width: 1000, height: 700 }
    const window = {
      on: (e: string, l: () => void) => listeners.set(e, l),
      off: (e: string) => listeners.delete(e),
      isDestroyed: () => false,
      isMaximized: () => false,
      getNormalBounds: () => bounds,
    }
    const errors: unknown[] = []
    const stop = trackWindowState(window as never, dir, (e) => errors.push(e), 500)
    listeners.get('move')!()
    bounds = { ...bounds, x: 1600 }
    listeners.get('move')!()
    await vi.advanceTimersByTimeAsync(500)
    vi.useRealTimers()
    await vi.waitFor(async () =>
      expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))).toMatchObject({ x: 1600, y: 50 }),
    )
    bounds = { ...bounds, width: 900 }
    listeners.get('close')!()
    await vi.waitFor(async () => expect(JSON.parse(await readFile(join(dir, 'window-state.json'), 'utf8'))).toMatchObject({ width: 900 }))
    state.displays = [{ workArea: LAPTOP }, { workArea: MONITOR }]
    expect(await loadWindowBounds(dir)).toMatchObject({ x: 1600, width: 900 })
    state.displays = [{ workArea: LAPTOP }]
    expect(await loadWindowBounds(dir)).toBeNull()
    stop()
    expect(listeners.size).toBe(0)
    expect(errors).toEqual([])
  })

  it('treats a damaged or oversized file as no state', async () => {
    const dir = await mkdtemp(join(base, 'bad-'))
    const store = createWindowStateStore(dir)
    await writeFile(store.file, '{not json')
    expect(await store.load()).toBeNull()
    await writeFile(store.file, JSON.stringify({ ...saved(), pad: 'x'.repeat(5000) }))
    expect(await store.load()).toBeNull()
  })
})
