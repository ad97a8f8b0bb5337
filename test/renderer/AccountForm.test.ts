import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { installCoreBridge, type CoreBridge } from './coreBridge'
import { connectStores } from '../../src/renderer/src/stores/connect'
import { useAccountsStore } from '../../src/renderer/src/stores/accounts'
import AccountForm from '../../src/renderer/src/components/AccountForm.vue'

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

describe('the add form', () => {
  it('checks as the user types: https endpoint, a listed time zone, list sizes in the API ranges, the target', async () => {
    const w = mount(AccountForm)
    const input = (label: string) =>
      w
        .findAll('label')
        .find((l) => l.text().startsWith(label))!
        .find('input')
    await input('Endpoint').setValue('http://example.com')
    expect(w.text()).toContain('The address must start with https://')
    await input('Endpoint').setValue('https://example.com/api.php')
    expect(w.text()).not.toContain('The address must start with https://')
    await input('Time zone').setValue('Mars/Olympus')
    expect(w.text()).toContain('Pick a time zone from the list')
    await input('Time zone').setValue('Europe/Lisbon')
    expect(w.text()).not.toContain('Pick a time zone from the list')
    expect(w.findAll('datalist option').length).toBeGreaterThan(300)
    await input('Days of activity').setValue('91')
    expect(w.text()).toContain('Days of activity must be between 1 and 90')
    await input('Monthly target').setValue('0')
    expect(w.text()).toContain('The monthly target must be between 1 and 1000000000')
  })

  it('warns when another store already has the colour, and keeps the key write-only', async () => {
    const accounts = useAccountsStore()
    for (let i = 0; i < 50 && accounts.list.length < 2; i++) await new Promise((r) => setTimeout(r, 20))
    const w = mount(AccountForm)
    const colour = w.find('input[type="color"]')
    await colour.setValue(accounts.list[0]!.colour)
    expect(w.text()).toContain(`${accounts.list[0]!.label} already uses this colour`)
    const key = w.find('input[type="password"]')
    expect(key.attributes('autocomplete')).toBe('new-password')
    await key.setValue('secret-key-123')
    await w.find('form').trigger('submit')
    // Invalid (no name, ids): nothing is sent, and every problem is shown at once.
    expect(bridge.core.accounts.list()).toHaveLength(2)
    expect(w.text()).toContain('Give the store a name')
    expect(w.text()).toContain('Enter the user id')
  })

  it('the accounts store saves a target and a per-store interval, and null clears them', async () => {
    const accounts = useAccountsStore()
    for (let i = 0; i < 50 && accounts.list.length < 2; i++) await new Promise((r) => setTimeout(r, 20))
    const a = accounts.list[0]!
    // Demo stores live in memory; editing goes through the same core path as a real one.
    await accounts.update(a.id, { monthlyTarget: 1234, intervalSec: 600 })
    expect(bridge.core.accounts.list().find((x) => x.id === a.id)).toMatchObject({ monthlyTarget: 1234, intervalSec: 600 })
    await accounts.update(a.id, { monthlyTarget: null, intervalSec: null })
    const after = bridge.core.accounts.list().find((x) => x.id === a.id)!
    expect(after.monthlyTarget).toBeUndefined()
    expect(after.intervalSec).toBeUndefined()
  })
})
