/** The stores' channel over real parts: a refresh asks the server again at once. */
import { describe, expect, it } from 'vitest'
import { storeHandlers } from '../../../../src/main/core/handlers'
import { handlerRigPerTest } from '../../../helpers/handlerRig'
import { run } from '../../../helpers/monitorRig'

const start = handlerRigPerTest()

describe('store handlers', () => {
  it('stores:refresh fetches every store again without waiting for the interval', async () => {
    const h = await start(2)
    await h.rig.monitor.start()
    await run(h.rig, 20_000)
    const oks = () => h.rig.statusEvents.filter((s) => s.state === 'ok').length
    const before = oks()
    await run(h.rig, 10_000)
    expect(oks()).toBe(before)
    expect(await storeHandlers(h.ctx)['stores:refresh']({})).toBeNull()
    await run(h.rig, 10_000)
    expect(oks()).toBeGreaterThanOrEqual(before + 2)
  })

  it('stores:refresh with an id fetches that store only', async () => {
    const h = await start(2)
    await h.rig.monitor.start()
    await run(h.rig, 20_000)
    const [a, b] = h.rig.accounts.list()
    const oksOf = (id: string) => h.rig.statusEvents.filter((s) => s.id === id && s.state === 'ok').length
    const [beforeA, beforeB] = [oksOf(a!.id), oksOf(b!.id)]
    await storeHandlers(h.ctx)['stores:refresh']({ id: a!.id })
    await run(h.rig, 10_000)
    expect(oksOf(a!.id)).toBe(beforeA + 1)
    expect(oksOf(b!.id)).toBe(beforeB)
  })
})
