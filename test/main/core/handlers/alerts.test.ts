/** The alert log's channels over real parts: the alert file in the rig's folder, on its fake clock. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { alertHandlers, MAX_MUTE_MS } from '../../../../src/main/core/handlers/alerts'
import { handlerRigPerTest } from '../../../helpers/handlerRig'

const start = handlerRigPerTest()

describe('alert handlers', () => {
  it('alerts:mute records the mute in the alert file and alerts:unmute ends it', async () => {
    const h = await start(1)
    const handlers = alertHandlers(h.ctx)
    const until = new Date(h.rig.clock.now() + 3_600_000).toISOString()
    expect((await handlers['alerts:mute']({ until })).mutedUntil).toBe(until)
    expect((await handlers['alerts:list'](null)).mutedUntil).toBe(until)
    expect(await readFile(join(h.rig.dir, 'alerts.json'), 'utf8')).toContain(until)
    expect((await handlers['alerts:unmute'](null)).mutedUntil).toBeNull()
  })

  it('alerts:mute refuses a mute longer than a week and changes nothing', async () => {
    const h = await start(1)
    const handlers = alertHandlers(h.ctx)
    const until = new Date(h.rig.clock.now() + MAX_MUTE_MS + 60_000).toISOString()
    await expect(handlers['alerts:mute']({ until })).rejects.toThrow(/at most a week/)
    expect((await handlers['alerts:list'](null)).mutedUntil).toBeNull()
  })

  it('alerts:markAllRead leaves nothing unread', async () => {
    const h = await start(1)
    const id = h.rig.accounts.list()[0]!.id
    const at = new Date(h.rig.clock.now()).toISOString()
    // Three failed polls in a row: the store is unreachable.
    for (let i = 0; i < 3; i++) await h.ctx.alerts().handle({ id, at, error: { kind: 'network', message: 'refused' } })
    const handlers = alertHandlers(h.ctx)
    expect((await handlers['alerts:list'](null)).unread).toBe(1)
    const view = await handlers['alerts:markAllRead'](null)
    expect(view.unread).toBe(0)
    expect(view.alerts.map((a) => a.kind)).toEqual(['unreachable'])
  })
})
