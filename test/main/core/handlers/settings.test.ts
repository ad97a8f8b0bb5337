/** The settings channel over real parts: saved, followed by the monitor, sent to the window. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AccountError } from '../../../../src/main/core/accounts'
import { settingsHandlers } from '../../../../src/main/core/handlers'
import { handlerRigPerTest } from '../../../helpers/handlerRig'

const start = handlerRigPerTest()

describe('settings handlers', () => {
  it('settings:update saves the change and sends the new settings', async () => {
    const h = await start(1)
    const settings = await settingsHandlers(h.ctx)['settings:update']({ intervalSec: 600 })
    expect(settings.intervalSec).toBe(600)
    expect(h.rig.accounts.settings().intervalSec).toBe(600)
    expect(JSON.parse(await readFile(join(h.rig.dir, 'settings.json'), 'utf8')).settings.intervalSec).toBe(600)
    expect(h.sent.filter((e) => e.channel === 'event:settings').map((e) => e.payload)).toEqual([settings])
  })

  it('settings:update refuses an interval under the minimum, keeps the settings and sends nothing', async () => {
    const h = await start(1)
    const before = h.rig.accounts.settings()
    const err = await settingsHandlers(h.ctx)
      ['settings:update']({ intervalSec: 10 })
      .catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccountError)
    expect(err).toMatchObject({ kind: 'invalid' })
    expect(h.rig.accounts.settings()).toEqual(before)
    expect(h.sent).toEqual([])
  })
})
