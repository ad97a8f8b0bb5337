/** The store list's channels over real parts: add, update and remove, and what the window is told. */
import { describe, expect, it } from 'vitest'
import { AccountError } from '../../../../src/main/core/accounts'
import { accountHandlers } from '../../../../src/main/core/handlers'
import { DEFAULT_SIZES, type AccountInput } from '../../../../src/shared/model'
import type { AccountView } from '../../../../src/shared/ipc'
import { handlerRigPerTest, type HandlerRig } from '../../../helpers/handlerRig'
import { run } from '../../../helpers/monitorRig'

const start = handlerRigPerTest()

const input = (h: HandlerRig, accountId: string): AccountInput => ({
  label: `Shop ${accountId}`,
  endpoint: h.rig.server.url,
  userId: 'owner',
  accountId,
  timeZone: 'Europe/Paris',
  colour: '#2563eb',
  enabled: true,
  format: 'xml',
  sizes: { ...DEFAULT_SIZES },
})
const lastList = (h: HandlerRig) => h.sent.filter((e) => e.channel === 'event:accounts').at(-1)?.payload as AccountView[] | undefined

describe('account handlers', () => {
  it('accounts:add stores it, leaves demo mode, and sends the new list (keys never, hasKey yes)', async () => {
    const h = await start(1)
    const added = await accountHandlers(h.ctx)['accounts:add']({ input: input(h, 'new-1'), key: 'KEY-handlers-123' })
    expect(added).toMatchObject({ label: 'Shop new-1', hasKey: true })
    expect(added).not.toHaveProperty('key')
    expect(h.leftDemo).toBe(1)
    expect(lastList(h)?.map((a) => a.label)).toContain('Shop new-1')
    expect(JSON.stringify(h.sent)).not.toContain('KEY-handlers-123')
  })

  it('accounts:add refuses a duplicate and tells the window nothing', async () => {
    const h = await start(1)
    const handlers = accountHandlers(h.ctx)
    await handlers['accounts:add']({ input: input(h, 'dup'), key: 'KEY-a' })
    const before = h.sent.length
    const err = await handlers['accounts:add']({ input: input(h, 'dup'), key: 'KEY-a' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(AccountError)
    expect(err).toMatchObject({ kind: 'duplicate' })
    expect(h.sent.length).toBe(before)
  })

  it('accounts:update fetches at once a store switched back on, not one merely renamed', async () => {
    const h = await start(1)
    await h.rig.monitor.start()
    await run(h.rig, 20_000)
    const id = h.rig.accounts.list()[0]!.id
    const handlers = accountHandlers(h.ctx)
    const polls = () => h.rig.statusEvents.filter((s) => s.id === id && s.state === 'ok').length
    const renamed = await handlers['accounts:update']({ id, patch: { label: 'Renamed' } })
    expect(renamed.label).toBe('Renamed')
    const afterRename = polls()
    await run(h.rig, 5_000)
    expect(polls()).toBe(afterRename)
    await handlers['accounts:update']({ id, patch: { enabled: false } })
    await handlers['accounts:update']({ id, patch: { enabled: true } })
    await run(h.rig, 5_000)
    expect(polls()).toBeGreaterThan(afterRename)
    expect(lastList(h)?.find((a) => a.id === id)).toMatchObject({ label: 'Renamed', enabled: true })
  })

  it('accounts:remove drops the store and sends the shorter list', async () => {
    const h = await start(2)
    const [a, b] = h.rig.accounts.list()
    expect(await accountHandlers(h.ctx)['accounts:remove']({ id: a!.id })).toBeNull()
    expect(h.rig.accounts.list().map((x) => x.id)).toEqual([b!.id])
    expect(lastList(h)?.map((x) => x.id)).toEqual([b!.id])
  })
})
