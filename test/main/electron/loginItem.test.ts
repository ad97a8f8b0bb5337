import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'

type LoginItemSettings = import('electron').LoginItemSettings
type Settings = import('electron').Settings
const state = vi.hoisted(() => ({ set: [] as unknown[], openedAtLogin: false, packaged: true }))
vi.mock('electron', () => {
  const app = {
    setLoginItemSettings: (settings: Settings) => {
      state.set.push(settings)
    },
    getLoginItemSettings: () => ({ wasOpenedAtLogin: state.openedAtLogin }) as LoginItemSettings,
    getAppPath: () => '/src/storeglance',
    get isPackaged() {
      return state.packaged
    },
  } satisfies Partial<(typeof import('electron'))['app']>
  return { app }
})

const { autostartFile, desktopEntry, launchCommand, setLaunchAtLogin, startedAtLogin } =
  await import('../../../src/main/electron/loginItem')

const base = await mkdtemp(join(tmpdir(), 'storeglance-login-'))
afterAll(() => rm(base, { recursive: true, force: true }))
beforeEach(() => {
  state.set.length = 0
  state.openedAtLogin = false
  state.packaged = true
})

describe('launch at login', () => {
  it('on Linux writes and removes an XDG autostart entry that starts hidden', async () => {
    const env = { XDG_CONFIG_HOME: base, APPIMAGE: '/opt/My Apps/Storeglance.AppImage' }
    const file = autostartFile(env)
    expect(file).toBe(join(base, 'autostart', 'storeglance.desktop'))
    await setLaunchAtLogin(true, 'linux', env)
    const entry = await readFile(file, 'utf8')
    expect(entry).toContain('[Desktop Entry]')
    expect(entry).toContain('Exec="/opt/My Apps/Storeglance.AppImage" --hidden')
    expect((await stat(file)).mode & 0o777).toBe(0o644)
    await setLaunchAtLogin(false, 'linux', env)
    await expect(stat(file)).rejects.toMatchObject({ code: 'ENOENT' })
    await setLaunchAtLogin(false, 'linux', env) // already off: no error
    expect(state.set).toEqual([])
  })

  it('ignores a relative XDG_CONFIG_HOME, as the XDG spec says', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: 'rel' }, '/home/u')).toBe('/home/u/.config/autostart/storeglance.desktop')
  })

  it('quotes Exec arguments per the desktop entry spec', () => {
    expect(desktopEntry(['/a b/$x"`\\'])).toContain('Exec="/a b/\\\\$x\\\\"\\\\`\\\\\\\\" --hidden')
    expect(desktopEntry(['/usr/bin/storeglance'])).toContain('Exec=/usr/bin/storeglance --hidden')
    expect(() => desktopEntry(['/tmp/x\nExec=/bin/evil'])).toThrow(/control character/)
  })

  it('starts Electron with the app folder when not packaged', () => {
    state.packaged = false
    expect(launchCommand({})).toEqual([process.execPath, '/src/storeglance'])
  })

  it('on Windows and macOS uses the login item settings, hidden', async () => {
    await setLaunchAtLogin(true, 'win32', {})
    await setLaunchAtLogin(false, 'darwin', {})
    expect(state.set).toEqual([{ openAtLogin: true, path: process.execPath, args: ['--hidden'] }, { openAtLogin: false }])
  })

  it('recognises a launch at login', () => {
    expect(startedAtLogin(['electron', '.', '--hidden'], 'linux')).toBe(true)
    expect(startedAtLogin(['electron', '.'], 'linux')).toBe(false)
    expect(startedAtLogin(['Storeglance'], 'darwin')).toBe(false)
    state.openedAtLogin = true
    expect(startedAtLogin(['Storeglance'], 'darwin')).toBe(true)
  })
})
