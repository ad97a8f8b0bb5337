import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { addDays, localDate } from '../../src/shared/period'

describe('localDate', () => {
  it('gives the day in the store zone, not UTC', () => {
    expect(localDate('2024-05-01T23:30:00Z', 'UTC')).toBe('2024-05-01')
    expect(localDate('2024-05-01T23:30:00Z', 'Australia/Sydney')).toBe('2024-05-02')
    expect(localDate('2024-05-02T03:30:00Z', 'America/Los_Angeles')).toBe('2024-05-01')
    expect(localDate(new Date('2024-12-31T23:59:59.999Z'), 'Pacific/Kiritimati')).toBe('2025-01-01')
  })

  it('handles daylight-saving transitions', () => {
    // Sydney leaves DST on 2024-04-07 at 03:00 local (16:00 UTC the day before)
    expect(localDate('2024-04-06T13:59:00Z', 'Australia/Sydney')).toBe('2024-04-07')
    expect(localDate('2024-04-07T13:59:00Z', 'Australia/Sydney')).toBe('2024-04-07')
    expect(localDate('2024-04-07T14:00:00Z', 'Australia/Sydney')).toBe('2024-04-08')
  })

  it('falls back to UTC for an invalid zone name', () => {
    expect(localDate('2024-05-01T23:30:00Z', 'Not/AZone')).toBe('2024-05-01')
    expect(localDate('2024-05-01T23:30:00Z', '')).toBe('2024-05-01')
  })

  it('refuses an invalid instant', () => {
    expect(() => localDate('not a date', 'UTC')).toThrow(RangeError)
  })

  it('agrees with toISOString in UTC for any instant', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1970-01-01'), max: new Date('9999-12-31'), noInvalidDate: true }), (d) => {
        expect(localDate(d, 'UTC')).toBe(d.toISOString().slice(0, 10))
      }),
      { seed: 42, numRuns: 300 },
    )
  })
})

describe('addDays', () => {
  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29')
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01')
    expect(addDays('2025-06-30', -399)).toBe('2024-05-27')
  })
})
