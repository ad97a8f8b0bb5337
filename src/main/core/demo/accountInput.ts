/** A demo store as a store of the app: what demo mode, the tests and the benchmarks add. */
import { DEFAULT_SIZES, STORE_COLOURS, type AccountInput } from '../../../shared/model'
import type { DemoStore } from './stores'

/** The account input of demo store `store` served at `endpoint` (XML, default sizes, enabled). */
export function demoAccountInput(
  endpoint: string,
  store: Pick<DemoStore, 'label' | 'userId' | 'accountId' | 'timeZone'>,
  colour = STORE_COLOURS[0]!,
): AccountInput {
  return {
    label: store.label,
    endpoint,
    userId: store.userId,
    accountId: store.accountId,
    timeZone: store.timeZone,
    colour,
    enabled: true,
    format: 'xml',
    sizes: { ...DEFAULT_SIZES },
  }
}
