/** The glance row's staleness when the computer's clock was set back under saved figures. */
import { describe, expect, it } from 'vitest'
import { glanceAgeText, glanceStore } from '../../src/shared/glance'
import { type Account } from '../../src/shared/model'
import { testAccount } from '../helpers/testAccount'
import { makeSnapshot } from '../helpers/snapshotFixtures'

const NOW = new Date('2025-03-15T12:00:00Z')
const account: Account = testAccount()
const at = (ms: number) => makeSnapshot(1, new Date(NOW.getTime() + ms).toISOString())

describe('a glance row with figures dated in the future', () => {
  it('is stale, with an age that does not say "just now", once beyond a small clock skew', () => {
    const row = glanceStore(account, at(3 * 3_600_000), undefined, 300, NOW)
    expect(row).toMatchObject({ stale: true, state: 'stale' })
    expect(glanceAgeText(row, NOW)).toBe('age unknown (clock changed)')
  })
  it('is still fresh a minute ahead (two clocks a little apart)', () => {
    expect(glanceStore(account, at(60_000), undefined, 300, NOW)).toMatchObject({ stale: false, state: 'ok' })
  })
})
