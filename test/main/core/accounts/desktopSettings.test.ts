/**
 * The desktop settings (launch at login, global shortcut), added to settings.json after the first
 * release: an older file reads with their defaults and no warning, a patch changes only what it
 * names, and a shortcut must be modifiers and one key.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_GLOBAL_SHORTCUT, DEFAULT_SETTINGS } from '../../../../src/shared/model'
import { acceleratorSchema, settingsPatchSchema, settingsSchema } from '../../../../src/main/core/accounts/schemas'
import { createAccountService } from '../../../../src/main/core/accounts/accountService'
import { openSettingsFile } from '../../../../src/main/core/accounts/settingsFile'
import { MemorySecretStore } from '../../../../src/main/core/accounts/keychain'

const dirs: string[] = []
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true })
})

describe('desktop settings', () => {
  it('default to launch at login off and Ctrl/Cmd+Alt+G', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ launchAtLogin: false, globalShortcut: 'CommandOrControl+Alt+G' })
    expect(settingsSchema.parse({ intervalSec: 300, alerts: DEFAULT_SETTINGS.alerts })).toEqual({
      ...DEFAULT_SETTINGS,
      intervalSec: 300,
      launchAtLogin: false,
      globalShortcut: DEFAULT_GLOBAL_SHORTCUT,
    })
  })

  it('an older settings.json reads with the defaults and no warning; a patch changes only what it names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storeglance-desktop-settings-'))
    dirs.push(dir)
    await writeFile(
      join(dir, 'settings.json'),
      JSON.stringify({ version: 1, settings: { intervalSec: 600, notifications: false, quietHours: null }, accounts: [] }),
    )
    const service = await createAccountService({
      settingsFile: openSettingsFile(dir),
      secrets: new MemorySecretStore(),
      testConnection: async () => undefined as never,
    })
    expect(service.warnings).toEqual([])
    expect(service.settings()).toMatchObject({
      intervalSec: 600,
      alerts: { enabled: false },
      launchAtLogin: false,
      globalShortcut: DEFAULT_GLOBAL_SHORTCUT,
    })
    await service.updateSettings({ launchAtLogin: true })
    expect(service.settings()).toMatchObject({ intervalSec: 600, launchAtLogin: true, globalShortcut: DEFAULT_GLOBAL_SHORTCUT })
    await service.updateSettings({ globalShortcut: null })
    const saved = JSON.parse(await readFile(join(dir, 'settings.json'), 'utf8'))
    expect(saved.settings).toMatchObject({ intervalSec: 600, alerts: { enabled: false }, launchAtLogin: true, globalShortcut: null })
    expect(settingsPatchSchema.parse({ intervalSec: 900 })).toEqual({ intervalSec: 900 })
  })

  it('accepts modifiers plus one key and refuses plain keys and nonsense', () => {
    for (const ok of ['CommandOrControl+Alt+G', 'Ctrl+Shift+F12', 'Alt+Space', 'Super+Shift+1', 'CmdOrCtrl+/'])
      expect(acceleratorSchema.safeParse(ok).success, ok).toBe(true)
    for (const bad of [
      'G',
      'Ctrl+',
      'Ctrl+Alt',
      'Ctrl+G+H',
      'Ctrl+Hyper+G',
      'ctrl+g',
      '',
      'Ctrl+Alt+Shift+Super+Meta+G',
      'Ctrl+' + 'A'.repeat(100),
    ]) {
      expect(acceleratorSchema.safeParse(bad).success, bad).toBe(false)
    }
  })
})
