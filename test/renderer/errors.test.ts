/** A click whose request main refuses, with nobody awaiting it, becomes a warning the owner sees. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia, type Pinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { installCoreBridge, type CoreBridge } from './coreBridge'
import { connectStores } from '../../src/renderer/src/stores/connect'
import { useAlertsStore } from '../../src/renderer/src/stores/alerts'
import { useViewModel } from '../../src/renderer/src/stores/view'
import { failureMessage, reportUnhandledFailures } from '../../src/renderer/src/errors'

let bridge: CoreBridge
let disconnect: () => void
let pinia: Pinia
beforeEach(async () => {
  bridge = await installCoreBridge(1)
  pinia = createPinia()
  setActivePinia(pinia)
  disconnect = await connectStores()
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterEach(async () => {
  vi.restoreAllMocks()
  disconnect()
  await bridge.close()
})

/** A button that hides a store without awaiting the answer, as the comparison's buttons do. */
const HideButton = defineComponent({
  props: { id: { type: String, required: true } },
  setup(props) {
    const vm = useViewModel()
    return () => h('button', { onClick: () => vm.hide(props.id) }, 'Hide')
  },
})

describe('unhandled failures in the window', () => {
  it("show main's refusal of a click as a warning", async () => {
    const listeners = new EventTarget()
    const w = mount(HideButton, {
      props: { id: 'no-such-store' },
      global: { plugins: [pinia, { install: (app) => reportUnhandledFailures(app, pinia, listeners) }] },
    })
    await w.find('button').trigger('click')
    const alerts = useAlertsStore(pinia)
    await vi.waitFor(() => expect(alerts.warnings.map((x) => x.message)).toEqual(['That did not work: That store no longer exists.']), {
      timeout: 10_000,
    })
  })

  it('show an unhandled rejection as a warning and keep it off the console default', () => {
    const listeners = new EventTarget()
    const app = { config: {} } as Parameters<typeof reportUnhandledFailures>[0]
    reportUnhandledFailures(app, pinia, listeners)
    const event = Object.assign(new Event('unhandledrejection', { cancelable: true }), { reason: new Error('The keychain is locked.') })
    listeners.dispatchEvent(event)
    expect(event.defaultPrevented).toBe(true)
    expect(useAlertsStore(pinia).warnings[0]!.message).toBe('That did not work: The keychain is locked.')
  })

  it('says something plain when there is no message', () => {
    expect(failureMessage(undefined)).toBe('That did not work, for a reason the window was not told.')
    expect(failureMessage('x'.repeat(2000))).toHaveLength('That did not work: '.length + 500)
  })
})
