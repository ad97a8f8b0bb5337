/** The Notifications section of Settings against the real core: every change sends the whole section and lands in settings.json. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount, type VueWrapper } from '@vue/test-utils'
import { installCoreBridge, type CoreBridge } from './coreBridge'
import { connectStores } from '../../src/renderer/src/stores/connect'
import NotificationSettings from '../../src/renderer/src/components/NotificationSettings.vue'

let bridge: CoreBridge
let disconnect: () => void
beforeEach(async () => {
  bridge = await installCoreBridge(2)
  setActivePinia(createPinia())
  disconnect = await connectStores()
})
afterEach(async () => {
  disconnect()
  await bridge.close()
})

const saved = async () => JSON.parse(await readFile(join(bridge.dir, 'settings.json'), 'utf8')).settings.alerts
const byLabel = (w: VueWrapper, text: string) => {
  const label = w.findAll('label').find((l) => l.text().trim().startsWith(text))
  if (!label) throw new Error(`no label "${text}"`)
  const forId = label.attributes('for')
  return forId ? w.find(`#${CSS.escape(forId)}`) : label.find('input, select')
}
/** Waits until a check holds (an update's round trip to main and its file). */
const eventually = (check: () => Promise<unknown> | unknown) => vi.waitFor(check, { timeout: 10_000, interval: 20 })

describe('Settings → Notifications', { timeout: 20_000 }, () => {
  it('changes a rule number and its switch, and refuses a number outside the range without sending it', async () => {
    const w = mount(NotificationSettings)
    const percent = byLabel(w, 'Behind last month by at least')
    expect((percent.element as HTMLInputElement).value).toBe('15')
    await percent.setValue('20')
    await percent.trigger('change')
    await eventually(async () => expect((await saved()).rules.behindPace.percent).toBe(20))
    await eventually(() =>
      expect(bridge.core.accounts.settings().alerts.rules.behindPace).toMatchObject({ percent: 20, minBase: 50, polls: 2, enabled: true }),
    )

    const polls = byLabel(w, 'Failed checks in a row')
    await polls.setValue('0')
    await polls.trigger('change')
    await eventually(async () => expect(w.text()).toContain('Failed checks in a row must be between 1 and 1000.'))
    expect(polls.attributes('aria-invalid')).toBe('true')
    // The refused number stays on screen beside its message.
    expect((polls.element as HTMLInputElement).value).toBe('0')
    await polls.setValue('2.5')
    await polls.trigger('change')
    await eventually(() => expect(w.text()).toContain('must be a whole number'))
    expect(bridge.core.accounts.settings().alerts.rules.unreachable.polls).toBe(3)
    await polls.setValue('4')
    await polls.trigger('change')
    await eventually(() => expect(w.text()).not.toContain('must be'))
    await eventually(async () => expect((await saved()).rules.unreachable.polls).toBe(4))

    const big = byLabel(w, 'Big transaction')
    expect((big.element as HTMLInputElement).checked).toBe(false)
    await big.setValue(true)
    // The whole section went with it: the earlier numbers are kept.
    await eventually(async () =>
      expect((await saved()).rules).toMatchObject({
        bigTransaction: { enabled: true, amount: 250 },
        behindPace: { percent: 20 },
        unreachable: { polls: 4 },
      }),
    )
  })

  it('sets the global switch, sound and quiet hours with weekdays', async () => {
    const w = mount(NotificationSettings)
    await byLabel(w, 'Play a sound').setValue(true)
    await byLabel(w, 'Show notifications').setValue(false)
    await byLabel(w, 'Quiet hours').setValue(true)
    await eventually(async () =>
      expect(await saved()).toMatchObject({
        enabled: false,
        sound: true,
        quietHours: { from: '22:00', to: '07:00', days: [0, 1, 2, 3, 4, 5, 6] },
      }),
    )
    const from = w.find('#quiet-from')
    await from.setValue('23:30')
    await from.trigger('change')
    const sunday = w.findAll('[aria-label="Quiet hours: days"] input')[0]!
    await sunday.setValue(false)
    await eventually(async () => expect((await saved()).quietHours).toEqual({ from: '23:30', to: '07:00', days: [1, 2, 3, 4, 5, 6] }))
  })

  it('sets a store level and its opening hours, or always open', async () => {
    const w = mount(NotificationSettings)
    const store = bridge.core.accounts.list()[0]!
    const level = w.find(`[aria-label="Notifications for ${store.label}"]`)
    await level.setValue('important')
    await eventually(async () => expect((await saved()).stores[store.id]).toEqual({ notify: 'important' }))
    await w.find(`#hours-${store.id}-to`).setValue('18:00')
    await w.find(`#hours-${store.id}-to`).trigger('change')
    await eventually(async () =>
      expect((await saved()).stores[store.id]).toEqual({
        notify: 'important',
        openingHours: { from: '09:00', to: '18:00', days: [0, 1, 2, 3, 4, 5, 6] },
      }),
    )
    await w.find(`[aria-label="${store.label} is always open"]`).setValue(true)
    await eventually(async () => expect((await saved()).stores[store.id]).toEqual({ notify: 'important', openingHours: null }))
    await eventually(() => expect(w.find(`#hours-${store.id}-to`).exists()).toBe(false))
  })

  it('mutes and unmutes', async () => {
    const w = mount(NotificationSettings)
    await w
      .findAll('button')
      .find((b) => b.text() === 'Mute for 1 hour')!
      .trigger('click')
    await eventually(async () => expect(bridge.core.alerts.mutedUntil()).not.toBeNull())
    await eventually(() => expect(w.text()).toContain('Muted until'))
    await w
      .findAll('button')
      .find((b) => b.text() === 'Unmute')!
      .trigger('click')
    await eventually(async () => expect(bridge.core.alerts.mutedUntil()).toBeNull())
    await eventually(() => expect(w.text()).toContain('Not muted.'))
  })
})
