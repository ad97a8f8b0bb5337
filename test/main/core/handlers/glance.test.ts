/** `glance:hide`: the handler asks the glance window to hide, and the dispatcher accepts only our own routes. */
import { describe, expect, it } from 'vitest'
import { createHandlers, windowHandlers } from '../../../../src/main/core/handlers'
import { createDispatcher } from '../../../../src/main/core/ipcDispatch'
import { handlerRigPerTest } from '../../../helpers/handlerRig'

const start = handlerRigPerTest()

describe('glance:hide', () => {
  it('hides the glance window and passes on the route to open', async () => {
    const h = await start()
    const hide = windowHandlers(h.ctx)['glance:hide']
    expect(await hide({ openRoute: null })).toBeNull()
    expect(await hide({ openRoute: '#/store/abc' })).toBeNull()
    expect(h.glanceHides).toEqual([null, '#/store/abc'])
  })

  it('is no error where there is no glance window', async () => {
    const h = await start()
    expect(await windowHandlers({ ...h.ctx, glance: null })['glance:hide']({ openRoute: '' })).toBeNull()
  })

  it('refuses a route that is not one of our pages, before the handler runs', async () => {
    const h = await start()
    const dispatch = createDispatcher(createHandlers(h.ctx))
    for (const openRoute of ['javascript:alert(1)', 'https://evil.example/', '#/store/a b', '#/x/y/z', '#/'.padEnd(400, 'a')]) {
      const result = await dispatch('glance:hide', { openRoute })
      expect(result.ok, openRoute).toBe(false)
    }
    expect((await dispatch('glance:hide', { openRoute: '#/overview', extra: 1 })).ok).toBe(false)
    expect(h.glanceHides).toEqual([])
    expect((await dispatch('glance:hide', { openRoute: '#/store/demo-1' })).ok).toBe(true)
    expect((await dispatch('glance:hide', { openRoute: '' })).ok).toBe(true)
    expect(h.glanceHides).toEqual(['#/store/demo-1', ''])
  })
})
