/** The app's channels over real parts: its facts and the whole state the window starts from. */
import { describe, expect, it } from 'vitest'
import { appHandlers } from '../../../../src/main/core/handlers'
import { handlerRigPerTest, INFO } from '../../../helpers/handlerRig'
import { run } from '../../../helpers/monitorRig'

const start = handlerRigPerTest()

describe('app handlers', () => {
  it('app:info answers the app facts', async () => {
    const h = await start()
    expect(await appHandlers(h.ctx)['app:info'](null)).toEqual(INFO)
  })

  it('state:get gathers stores (with hasKey, never the key), figures, statuses, settings and warnings', async () => {
    const h = await start(2)
    await h.rig.monitor.start()
    await run(h.rig, 20_000)
    h.ctx.warn('History could not be written.')
    const state = await appHandlers(h.ctx)['state:get'](null)
    expect(state.info).toEqual(INFO)
    expect(state.accounts.map((a) => [a.label, a.hasKey])).toEqual(h.rig.accounts.list().map((a) => [a.label, true]))
    expect(JSON.stringify(state.accounts)).not.toContain(h.rig.server.stores[0]!.key)
    expect(state.snapshots.map((p) => p.id).sort()).toEqual(
      h.rig.accounts
        .list()
        .map((a) => a.id)
        .sort(),
    )
    expect(state.statuses.map((s) => s.state)).toEqual(['ok', 'ok'])
    expect(state.settings).toEqual(h.rig.accounts.settings())
    expect(state.warnings.map((w) => w.message)).toEqual(['History could not be written.'])
    // A copy: later warnings do not change a state already sent.
    h.ctx.warn('another')
    expect(state.warnings).toHaveLength(1)
  })

  it('diagnostics:copy puts the support text on the clipboard and answers it', async () => {
    const h = await start(2)
    const { text } = await appHandlers(h.ctx)['diagnostics:copy'](null)
    expect(text).toBe('diagnostics of 2 stores')
    expect(h.copied).toEqual([text])
  })

  it('diagnostics:copy without a clipboard (command line) says so and copies nothing', async () => {
    const h = await start(1)
    await expect(appHandlers({ ...h.ctx, copyText: null })['diagnostics:copy'](null)).rejects.toThrow(
      'Copying to the clipboard is not available here.',
    )
    expect(h.copied).toEqual([])
  })
})
