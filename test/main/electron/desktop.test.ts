import { mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({ registered: new Set<string>(), taken: new Set<string>() }))
vi.mock('electron', () => {
  const globalShortcut = {
    register: (accelerator: string) => {
      if (state.taken.has(accelerator)) return false
      state.registered.add(accelerator)
      return true
    },
    unregister: (accelerator: string) => {
      state.registered.delete(accelerator)
    },
  } satisfies Partial<(typeof import('electron'))['globalShortcut']>
  const app = { isPackaged: true, getAppPath: () => '/app' } satisfies Partial<(typeof import('electron'))['app']>
  return { globalShortcut, app }
})

const { createDesktopSettings } = await import('../../../src/main/electron/desktop')
const base = await mkdtemp(join(tmpdir(), 'storeglance-desktop-'))
afterAll(() => rm(base, { recursive: true, force: true }))

describe('desktop settings applied', () => {
  it('registers the shortcut, writes launch at login, and follows changes', async () => {
    const warnings: string[] = []
    const env = { XDG_CONFIG_HOME: base }
    const desktop = createDesktopSettings({ toggleWindow: () => undefined, warn: (m) => warnings.push(m), platform: 'linux', env })
    const entry = join(base, 'autostart', 'storeglance.desktop')
    await desktop.apply({ launchAtLogin: false, globalShortcut: 'CommandOrControl+Alt+G' })
    expect([...state.registered]).toEqual(['CommandOrControl+Alt+G'])
    await expect(stat(entry)).rejects.toMatchObject({ code: 'ENOENT' })
    await desktop.apply({ launchAtLogin: true, globalShortcut: 'CommandOrControl+Alt+G' })
    expect((await stat(entry)).isFile()).toBe(true)
    state.taken.add('Alt+Space')
    await desktop.apply({ launchAtLogin: true, globalShortcut: 'Alt+Space' })
    expect([...state.registered]).toEqual(['CommandOrControl+Alt+G'])
    expect(warnings).toEqual([
      'The shortcut Alt+Space could not be registered (another application may be using it); CommandOrControl+Alt+G still shows and hides the window.',
    ])
    desktop.dispose()
    expect(state.registered.size).toBe(0)
  })

  it('says so when launch at login cannot be written, and keeps running', async () => {
    const blocked = join(base, 'blocked')
    await mkdir(blocked)
    await writeFile(join(blocked, 'autostart'), 'a file where the folder should be')
    const warnings: string[] = []
    const desktop = createDesktopSettings({
      toggleWindow: () => undefined,
      warn: (m) => warnings.push(m),
      platform: 'linux',
      env: { XDG_CONFIG_HOME: blocked },
    })
    await desktop.apply({ launchAtLogin: true, globalShortcut: null })
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/^Launch at login could not be turned on: /)
  })
})
