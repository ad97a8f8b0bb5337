/** One-time hints are said once per user data folder, and a damaged file does not stop them. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { firstTime } from '../../../../src/main/core/glance/hints'

describe('firstTime', () => {
  it('is true once per hint, across restarts, and survives a damaged file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'storeglance-hints-'))
    try {
      expect(await firstTime(dir, 'tray')).toBe(true)
      expect(await firstTime(dir, 'tray')).toBe(false)
      expect(await firstTime(dir, 'other')).toBe(true)
      await writeFile(join(dir, 'hints.json'), '{not json')
      expect(await firstTime(dir, 'tray')).toBe(true)
      expect(await firstTime(dir, 'tray')).toBe(false)
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
