/** Settings → Desktop against the real core: launch at login and the global shortcut land in settings.json; a refused shortcut and main's warning are shown. */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { installCoreBridge, type CoreBridge } from './coreBridge'
import { connectStores } from '../../src/renderer/src/stores/connect'
import DesktopSettings from '../../src/renderer/src/components/DesktopSettings.vue'
import { acceleratorError } from '../../src/shared/accelerator'
import { acceleratorSchema } from '../../src/main/core/accounts/schemas'

let bridge: CoreBridge
let disconnect: () => void
beforeEach(async () => {
  bridge = await installCoreBridge(1)
  setActivePinia(createPinia())
  disconnect = await connectStores()
})
afterEach(async () => {
  disconnect()
  await bridge.close()
})

const saved = async () => JSON.parse(await readFile(join(bridge.dir, 'settings.json'), 'utf8').catch(() => '{"settings":{}}')).settings
const eventually = (check: () => Promise<unknown> | unknown) => vi.waitFor(check, { timeout: 10_000, interval: 20 })

describe('Settings → Desktop', { timeout: 20_000 }, () => {
  it('saves launch at login', async () => {
    const w = mount(DesktopSettings)
    const box = w.find('input[type="checkbox"]')
    expect((box.element as HTMLInputElement).checked).toBe(false)
    await box.setValue(true)
    await eventually(async () => expect((await saved()).launchAtLogin).toBe(true))
    await box.setValue(false)
    await eventually(async () => expect((await saved()).launchAtLogin).toBe(false))
  })

  it('saves a valid shortcut, refuses one without a modifier, and clears it to none', async () => {
    const w = mount(DesktopSettings)
    const input = w.find('#global-shortcut')
    expect((input.element as HTMLInputElement).value).toBe('CommandOrControl+Alt+G')
    await input.setValue('G')
    await input.trigger('change')
    expect(w.find('[role="alert"]').text()).toContain('modifiers and one key')
    expect(input.attributes('aria-invalid')).toBe('true')
    await input.setValue('Ctrl+Shift+F5')
    await w.find('form').trigger('submit')
    expect(w.find('[role="alert"]').exists()).toBe(false)
    await eventually(async () => expect((await saved()).globalShortcut).toBe('Ctrl+Shift+F5'))
    await input.setValue('')
    await input.trigger('change')
    await eventually(async () => expect((await saved()).globalShortcut).toBeNull())
  })

  it("shows main's warning when the shortcut could not be registered, and not older warnings", async () => {
    bridge.core.events.emit('event:warning', { message: 'The shortcut Alt+X could not be registered (old).', at: new Date().toISOString() })
    const w = mount(DesktopSettings)
    expect(w.text()).not.toContain('(old)')
    const input = w.find('#global-shortcut')
    await input.setValue('Alt+F9')
    await input.trigger('change')
    await eventually(async () => expect((await saved()).globalShortcut).toBe('Alt+F9'))
    // Main's desktop adapter says so when the system refuses the shortcut (electron/desktop.ts).
    const message =
      'The shortcut Alt+F9 could not be registered (another application may be using it); CommandOrControl+Alt+G still shows and hides the window.'
    bridge.core.events.emit('event:warning', { message, at: new Date().toISOString() })
    await eventually(() => expect(w.find('[role="status"]').text()).toBe(message))
  })

  it('accepts exactly what settings.json accepts', () => {
    for (const text of [
      'CommandOrControl+Alt+G',
      'Ctrl+Shift+F24',
      'Alt+Space',
      'Super+Plus',
      'G',
      'Ctrl+',
      'Ctrl+Alt+Shift+Super+Meta+G',
      'Ctrl+F25',
      'Ctrl+g',
      `Ctrl+${'A'.repeat(90)}`,
    ]) {
      expect(acceleratorError(text) === null, text).toBe(acceleratorSchema.safeParse(text).success)
    }
  })
})
