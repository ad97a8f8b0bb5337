/** Alert texts read as sentences: one poll, one transaction, one minute, one day; many otherwise. */
import { describe, expect, it } from 'vitest'
import {
  behindPaceText,
  quietStoreText,
  recordDayText,
  recoveredText,
  targetText,
  unreachableText,
} from '../../../../src/main/core/alerts/messages'

describe('alert texts', () => {
  it('say one in the singular and many in the plural, with thousands separators', () => {
    const err = { kind: 'network' as const, message: 'refused' }
    expect(unreachableText('S', 1, err).body).toBe('S failed 1 poll in a row (network: refused).')
    expect(unreachableText('S', 3, err).body).toBe('S failed 3 polls in a row (network: refused).')
    expect(recoveredText('S', 1).body).toBe('S answered again: 1 transaction this month.')
    expect(recoveredText('S', 1200).body).toBe('S answered again: 1,200 transactions this month.')
    expect(recoveredText('S', null).body).toBe('S answered again.')
    expect(behindPaceText('S', 612, 795).body).toBe('S is 23 % behind last month: 612 transactions against 795 by this date')
    expect(behindPaceText('S', 1, 50).body).toBe('S is 98 % behind last month: 1 transaction against 50 by this date')
    expect(quietStoreText('S', 1, 7).body).toBe('S has had no new transaction for 1 minute (still 7 this month).')
    expect(quietStoreText('S', 90, 7).body).toBe('S has had no new transaction for 90 minutes (still 7 this month).')
    expect(recordDayText('S', 1, 0, 1).body).toBe('S has 1 transaction today, more than on any of the previous 1 day (best so far 0).')
    expect(recordDayText('S', 40, 30, 7).body).toBe(
      'S has 40 transactions today, more than on any of the previous 7 days (best so far 30).',
    )
    expect(targetText('S', 1, 100).body).toBe('S is projected at 1 transaction this month, 1 % of its target of 100.')
  })
})
