/** The tray adapter with a mocked `electron` typed against Electron's definitions. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { GlanceInput, MenuAction } from '../../../src/main/core/glance/glance'
import { testAccount } from '../../helpers/testAccount'

const trays = vi.hoisted(
  () =>
    [] as {
      image: unknown
      tooltip: string
      title: string
      menu: Electron.MenuItemConstructorOptions[]
      handlers: Map<string, (...args: unknown[]) => void>
      destroyed: boolean
    }[],
)
vi.mock('electron', () => {
  const image = (path: string | null) => {
    const img = { path, template: false, setTemplateImage: (t: boolean) => void (img.template = t) }
    return img
  }
  const nativeImage = {
    createEmpty: () => image(null) as unknown as Electron.NativeImage,
    createFromPath: (p: string) => image(p) as unknown as Electron.NativeImage,
  } satisfies Partial<(typeof import('electron'))['nativeImage']>
  const Menu = {
    buildFromTemplate: (t: Electron.MenuItemConstructorOptions[]) => t as unknown as Electron.Menu,
  } satisfies Partial<(typeof import('electron'))['Menu']>
  class Tray {
    state = {
      image: null as unknown,
      tooltip: '',
      title: '',
      menu: [] as Electron.MenuItemConstructorOptions[],
      handlers: new Map<string, (...args: unknown[]) => void>(),
      destroyed: false,
    }
    constructor(img: unknown) {
      this.state.image = img
      trays.push(this.state)
    }
    on(event: string, fn: (...args: unknown[]) => void) {
      this.state.handlers.set(event, fn)
      return this as unknown as Electron.Tray
    }
    setImage(img: unknown) {
      this.state.image = img
    }
    setToolTip(t: string) {
      this.state.tooltip = t
    }
    setTitle(t: string) {
      this.state.title = t
    }
    setContextMenu(m: unknown) {
      this.state.menu = m as Electron.MenuItemConstructorOptions[]
    }
    destroy() {
      this.state.destroyed = true
    }
  }
  // Electron's own types keep the fake's drawing methods honest.
  Tray.prototype satisfies Pick<Electron.Tray, 'setImage' | 'setToolTip' | 'setTitle' | 'setContextMenu' | 'destroy'>
  return { nativeImage, Menu, Tray }
})

const { createTray } = await import('../../../src/main/electron/tray')

const dirs: string[] = []
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true })
})

const NOW = new Date('2025-03-15T12:00:00Z')
function input(over: Partial<GlanceInput> = {}): GlanceInput {
  const account = testAccount()
  return {
    accounts: [account],
    snapshots: [],
    statuses: [],
    intervalSec: 300,
    unreadAlerts: 0,
    paused: false,
    online: true,
    mutedUntil: null,
    now: NOW,
    ...over,
  }
}

describe('tray', () => {
  it('draws the state icon, tooltip and an always-attached menu whose items run their actions', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storeglance-icons-'))
    dirs.push(dir)
    await writeFile(join(dir, 'tray-attention.png'), '')
    const actions: MenuAction[] = []
    const clicks: Electron.Rectangle[] = []
    const view = createTray(
      { iconDir: dir, platform: 'linux', act: (a) => actions.push(a), onClick: (b) => clicks.push(b), showTitle: () => true },
      input({ online: false }),
    )
    const t = trays.at(-1)!
    // No icon file for "offline": an empty image, the tray still works.
    expect(t.image).toMatchObject({ path: null })
    expect(t.tooltip).toBe('1 store')
    expect(t.title).toBe('')
    view.update(input({ unreadAlerts: 2 }))
    expect(t.image).toMatchObject({ path: join(dir, 'tray-attention.png'), template: false })
    expect(t.tooltip).toBe('1 store · 2 alerts')
    const labels = t.menu.map((m) => m.label ?? m.type)
    expect(labels).toEqual([
      'Harbour Café: no figures yet',
      'separator',
      'Refresh now',
      'Mute for 1 hour',
      'Mute until tomorrow 08:00',
      'separator',
      'Open Storeglance',
      'Quit',
    ])
    for (const item of t.menu) (item.click as (() => void) | undefined)?.()
    expect(actions.map((a) => a.kind)).toEqual(['openStore', 'refresh', 'muteHour', 'muteTomorrow', 'open', 'quit'])
    // A left click passes on where the icon is (the glance window opens beside it).
    const bounds = { x: 1800, y: 0, width: 22, height: 22 }
    t.handlers.get('click')!({}, bounds, { x: 1810, y: 10 })
    expect(clicks).toEqual([bounds])
    view.destroy()
    expect(t.destroyed).toBe(true)
  })

  it('uses template images and the title beside the icon on macOS', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storeglance-icons-'))
    dirs.push(dir)
    await writeFile(join(dir, 'tray-okTemplate.png'), '')
    let showTitle = true
    const view = createTray(
      { iconDir: dir, platform: 'darwin', act: () => undefined, onClick: () => undefined, showTitle: () => showTitle },
      input(),
    )
    const t = trays.at(-1)!
    expect(t.image).toMatchObject({ path: join(dir, 'tray-okTemplate.png'), template: true })
    expect(t.title).toBe('1 store')
    showTitle = false
    view.update(input())
    expect(t.title).toBe('')
  })
})
