/** A saved store for tests of the glance, tray and notifications: Harbour Café, id "a", unless told otherwise. */
import { DEFAULT_SIZES, type Account } from '../../src/shared/model'

/** The store, with `over` applied (its account id follows its id unless given). */
export function testAccount(over: Partial<Account> = {}): Account {
  const id = over.id ?? 'a'
  return {
    id,
    label: 'Harbour Café',
    endpoint: 'https://x',
    userId: 'u',
    accountId: id,
    timeZone: 'UTC',
    colour: '#2563eb',
    enabled: true,
    format: 'xml',
    sizes: { ...DEFAULT_SIZES },
    ...over,
  }
}
