/**
 * isIsoDay reads digits by hand; it must agree with the calendar (Date.UTC) on every day of a
 * grid of years, months and days, leap years and out-of-range values included, and refuse
 * anything not written YYYY-MM-DD in ASCII digits.
 */
import { describe, expect, it } from 'vitest'
import { isIsoDay } from '../../../../src/main/core/api/bounds'

/** The calendar's answer: the day exists in that month (Date.UTC reads years 0-99 as 1900-1999). */
function calendar(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

describe('isIsoDay', () => {
  it('agrees with the calendar on a grid of years, months and days', () => {
    const pad = (n: number, w: number) => String(n).padStart(w, '0')
    let checked = 0
    for (const y of [0, 4, 99, 100, 1900, 1999, 2000, 2023, 2024, 2100, 2400, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          expect(isIsoDay(`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`), `${y}-${m}-${d}`).toBe(calendar(y, m, d))
          checked++
        }
      }
    }
    expect(checked).toBe(12 * 14 * 33)
  })

  it.each(['2024-1-011', '2024-01-1a', '+024-01-01', '2024/01/01', '', '2024-01-01 ', ' 024-01-01', '２０２４-01-01', '2024-02-30'])(
    'refuses %j',
    (s) => {
      expect(isIsoDay(s)).toBe(false)
    },
  )
})
