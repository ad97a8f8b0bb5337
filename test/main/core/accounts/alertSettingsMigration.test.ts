/** settings.json v1 → v2: the old `notifications`/`quietHours` move into the Notifications section. */
import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { defaultNotificationSettings } from '../../../../src/shared/alerts'
import { DEFAULT_SETTINGS } from '../../../../src/shared/model'
import { migrate } from '../../../../src/main/core/accounts/migrations'
import { openSettingsFile } from '../../../../src/main/core/accounts/settingsFile'
import { settingsPatchSchema, settingsSchema } from '../../../../src/main/core/accounts/schemas'
import { storeInput, tempDir } from './fixtures'

describe('settings v1 → v2 (notifications)', () => {
  it('moves the switch and the quiet hours (every day) into settings.alerts, defaults for the rest', () => {
    const v1 = {
      version: 1,
      settings: { intervalSec: 600, notifications: false, quietHours: { from: '22:00', to: '07:00' } },
      accounts: [],
    }
    expect(migrate(v1, 1)).toEqual({
      version: 2,
      settings: {
        intervalSec: 600,
        alerts: {
          ...defaultNotificationSettings(),
          enabled: false,
          quietHours: { from: '22:00', to: '07:00', days: [0, 1, 2, 3, 4, 5, 6] },
        },
      },
      accounts: [],
    })
    // Fields added later (launch at login, the shortcut) are not migrated: the schema's defaults fill them.
    expect(
      settingsSchema.parse(
        (
          migrate({ version: 1, settings: { intervalSec: 300, notifications: true, quietHours: null }, accounts: [] }, 1) as {
            settings: unknown
          }
        ).settings,
      ),
    ).toEqual(DEFAULT_SETTINGS)
  })

  it('upgrades a v1 file on disk, keeping a backup, and reads it back with every default', async () => {
    const dir = await tempDir()
    const file = openSettingsFile(dir)
    const v1 = JSON.stringify({
      version: 1,
      settings: { intervalSec: 300, notifications: true, quietHours: { from: '23:30', to: '06:00' } },
      accounts: [{ id: 'a1', ...storeInput() }],
    })
    await writeFile(file.path, v1)
    const loaded = await file.load()
    expect(loaded.warnings).toEqual([])
    expect(loaded.settings.alerts).toMatchObject({
      enabled: true,
      sound: false,
      quietHours: { from: '23:30', to: '06:00', days: [0, 1, 2, 3, 4, 5, 6] },
      stores: {},
    })
    expect(loaded.settings.alerts.rules.unreachable).toEqual({ enabled: true, polls: 3 })
    expect(loaded.accounts.map((a) => a.id)).toEqual(['a1'])
    expect(JSON.parse(await readFile(file.path, 'utf8'))).toMatchObject({
      version: 2,
      settings: { alerts: { quietHours: { from: '23:30' } } },
    })
    expect(await readFile(`${file.path}.v1-backup`, 'utf8')).toBe(v1)
  })

  it('validates the new shape with zod: per-store level and hours; partial rules take defaults', () => {
    const ok = settingsPatchSchema.safeParse({
      alerts: { rules: { behindPace: { percent: 20 } }, stores: { a1: { notify: 'important', openingHours: null } } },
    })
    expect(ok.success && ok.data.alerts).toMatchObject({
      rules: { behindPace: { enabled: true, percent: 20, minBase: 50, polls: 2 } },
      stores: { a1: { notify: 'important', openingHours: null } },
    })
    expect(settingsPatchSchema.safeParse({ alerts: { stores: { a1: { notify: 'sometimes' } } } }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ alerts: { stores: { '../x': { notify: 'all' } } } }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ alerts: { rules: { unreachable: { polls: 0 } } } }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ alerts: { quietHours: { from: '22:00', to: '07:00', days: [7] } } }).success).toBe(false)
  })
})
