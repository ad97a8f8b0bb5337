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
    expect(w.text()).toContain('The monthly target must be between 1 and 1,000,000,000')
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

  it("puts each field's message in that field's own block, named by its input", async () => {
    const w = mount(AccountForm, { attachTo: document.body })
    const field = (label: string) => w.findAll('.field').find((f) => f.find('label').text().startsWith(label))!
    await field('Endpoint').find('input').setValue('ftp://nope')
    await field('Monthly target').find('input').setValue('0')
    await w.find('form').trigger('submit')
    const expected: [string, string][] = [
      ['Name', 'Give the store a name'],
      ['User id', 'Enter the user id'],
      ['Account id', 'Enter the account id'],
      ['API key', 'Enter the API key'],
      ['Endpoint', 'The address must start with https://'],
      ['Monthly target', 'The monthly target must be between'],
    ]
    for (const [label, message] of expected) {
      const f = field(label)
      const error = f.find('.field-error')
      expect(error.text(), label).toContain(message)
      const input = f.find('input')
      expect(input.attributes('aria-invalid'), label).toBe('true')
      expect(input.attributes('aria-describedby'), label).toBe(error.attributes('id'))
      expect(document.getElementById(error.attributes('id')!)?.textContent, label).toContain(message)
    }
    // No message stands outside the blocks as a row of its own.
    expect(w.findAll('.field-error').every((e) => e.element.closest('.field') !== null)).toBe(true)
    await field('Endpoint').find('input').setValue('https://example.com/api.php')
    expect(field('Endpoint').find('.field-error').exists()).toBe(false)
    expect(field('Endpoint').find('input').attributes('aria-invalid')).toBe('false')
    expect(field('Endpoint').find('input').attributes('aria-describedby')).toBeUndefined()
    w.unmount()
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
