import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSettingsFile } from '../../../../src/main/core/accounts/settingsFile'
import { accountPatchSchema, settingsPatchSchema } from '../../../../src/main/core/accounts/schemas'
import { DEFAULT_SETTINGS } from '../../../../src/shared/model'

describe('view settings and targets in settings.json', () => {
  it('loads a file written before they existed, with their defaults and no warning', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sg-view-'))
    // The current format, written before the view settings were added (a v1 file is migrated and rewritten).
    const old = { version: 2, settings: { intervalSec: 600, alerts: { ...DEFAULT_SETTINGS.alerts, enabled: false } }, accounts: [] }
    await writeFile(join(dir, 'settings.json'), JSON.stringify(old))
    const before = await readFile(join(dir, 'settings.json'), 'utf8')
    const loaded = await openSettingsFile(dir).load()
    expect(loaded.warnings).toEqual([])
    expect(loaded.settings).toEqual({ ...DEFAULT_SETTINGS, intervalSec: 600, alerts: { ...DEFAULT_SETTINGS.alerts, enabled: false } })
    expect(await readFile(join(dir, 'settings.json'), 'utf8')).toBe(before)
  })

  it('round-trips them, and a patch changes only what it names', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'sg-view-'))
    const file = openSettingsFile(dir)
    const settings = {
      ...DEFAULT_SETTINGS,
      theme: 'dark' as const,
      hiddenStores: ['a-1'],
      comparisonSort: { row: 'pace', dir: 'desc' as const },
    }
    await file.save({ settings, accounts: [] })
    expect((await openSettingsFile(dir).load()).settings).toEqual(settings)
    expect(settingsPatchSchema.parse({ chartScale: 'indexed' })).toEqual({ chartScale: 'indexed' })
  })

  it('refuses bad values from the renderer', () => {
    expect(settingsPatchSchema.safeParse({ theme: 'neon' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ hiddenStores: ['../x'] }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ comparisonSort: { row: 'x;y', dir: 'asc' } }).success).toBe(false)
    expect(accountPatchSchema.safeParse({ monthlyTarget: 0 }).success).toBe(false)
    expect(accountPatchSchema.safeParse({ monthlyTarget: 1.5 }).success).toBe(false)
    expect(accountPatchSchema.parse({ monthlyTarget: null })).toEqual({ monthlyTarget: null })
  })
})
