/**
 * A settings file far too large to be ours (a sparse file: instant, no disk used) is damage like
 * invalid JSON: moved aside whole without being read, Storeglance starts with defaults, the user is
 * told the size, and the next save writes a fresh file without touching the copy set aside.
 */
import { readdir, readFile, stat, truncate, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, type Account } from '../../../../src/shared/model'
import { MAX_SETTINGS_FILE_BYTES, openSettingsFile } from '../../../../src/main/core/accounts/settingsFile'
import { storeInput, tempDir } from './fixtures'

const MB = 1024 * 1024

describe('an oversized settings file', () => {
  it('is moved aside unread, defaults are used, the size is said, and saving works again', async () => {
    const dir = await tempDir()
    const file = openSettingsFile(dir, () => new Date('2025-03-01T00:00:00Z'))
    await writeFile(file.path, '')
    await truncate(file.path, 600 * MB)
    const loaded = await file.load()
    expect(loaded.accounts).toEqual([])
    expect(loaded.settings).toEqual(DEFAULT_SETTINGS)
    expect(loaded.readOnlyReason).toBeNull()
    const moved = (await readdir(dir)).filter((f) => f.startsWith('settings.json.corrupt-'))
    expect(moved).toHaveLength(1)
    expect((await stat(`${dir}/${moved[0]}`)).size).toBe(600 * MB)
    expect(loaded.warnings).toEqual([
      `The settings file ${file.path} is too large (600 MB; at most 8 MB is expected). It was moved aside to ${dir}/${moved[0]} (nothing was deleted).`,
      'Storeglance started with default settings and no stores.',
    ])
    const account: Account = { id: 'acc-1', ...storeInput() }
    await file.save({ settings: DEFAULT_SETTINGS, accounts: [account] })
    expect((await openSettingsFile(dir).load()).accounts.map((a) => a.id)).toEqual(['acc-1'])
    expect((await stat(`${dir}/${moved[0]}`)).size).toBe(600 * MB)
  })

  it('a file just under the limit is still read (the limit is a size, not a guess)', async () => {
    const dir = await tempDir()
    const file = openSettingsFile(dir)
    await file.save({ settings: DEFAULT_SETTINGS, accounts: [{ id: 'acc-1', ...storeInput() }] })
    const text = await readFile(file.path, 'utf8')
    await writeFile(file.path, text.padEnd(MAX_SETTINGS_FILE_BYTES, ' '))
    const loaded = await file.load()
    expect(loaded.warnings).toEqual([])
    expect(loaded.accounts.map((a) => a.id)).toEqual(['acc-1'])
    expect(await readdir(dir)).toEqual(['settings.json'])
  })
})
