import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  ageLine,
  ageText,
  change,
  isFromTheFuture,
  coverageText,
  daysInMonth,
  formatChange,
  localDate,
  shareOf,
  totalOf,
} from '../../src/shared/period'

describe('change against the same period last month', () => {
  it('gives a signed percentage against a known, non-zero base', () => {
    expect(change(8905, 9025)).toEqual({ delta: -120, pct: -120 / 9025 })
    expect(formatChange(change(8905, 9025))).toBe('−1.3%')
    expect(formatChange(change(276, 248))).toBe('+11.3%')
    expect(formatChange(change(5, 5))).toBe('±0.0%')
  })
  it('gives the absolute change alone when the base is 0, and nothing when unknown', () => {
    expect(change(12, 0)).toEqual({ delta: 12, pct: null })
    expect(formatChange(change(1200, 0))).toBe('+1,200')
    expect(formatChange(change(null, 10))).toBe('—')
    expect(formatChange(change(10, null))).toBe('—')
  })
  it('never yields Infinity or NaN', () => {
    fc.assert(
      fc.property(fc.option(fc.nat(), { nil: null }), fc.option(fc.nat(), { nil: null }), (a, b) => {
        const text = formatChange(change(a, b))
        expect(text).not.toMatch(/Infinity|NaN/)
      }),
    )
  })
})

describe('calendar', () => {
  it('takes the date on the store calendar, not the computer one', () => {
    expect(localDate('2026-11-29T23:30:00Z', 'Australia/Sydney')).toBe('2026-11-30')
    expect(localDate('2026-11-29T23:30:00Z', 'America/New_York')).toBe('2026-11-29')
    expect(localDate('2026-11-29T23:30:00Z', 'Not/AZone')).toBe('2026-11-29')
  })
  it('knows month lengths, leap years included', () => {
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(2026, 11), daysInMonth(2026, 12)]).toEqual([29, 28, 30, 31])
  })
})

describe('totals and shares', () => {
  it('adds only known figures and says what it covers', () => {
    const t = totalOf([10, null, 5, null, 1])
    expect(t).toEqual({ value: 16, covered: 3, of: 5 })
    expect(coverageText(t)).toBe('3 of 5 stores')
    expect(coverageText(totalOf([1, 2]))).toBe('')
    expect(totalOf([null, null]).value).toBeNull()
  })
  it('gives shares only against a known non-zero total', () => {
    expect(shareOf(25, 100)).toBe(0.25)
    expect(shareOf(0, 0)).toBeNull()
    expect(shareOf(null, 10)).toBeNull()
  })
})

describe('age', () => {
  const now = new Date('2026-11-29T12:00:00Z')
  it('words the age of a figure', () => {
    expect(ageText('2026-11-29T11:59:30Z', now)).toBe('just now')
    expect(ageText('2026-11-29T11:55:00Z', now)).toBe('5 min ago')
    expect(ageText('2026-11-29T09:00:00Z', now)).toBe('3 h ago')
    expect(ageText('2026-11-25T12:00:00Z', now)).toBe('4 days ago')
    expect(ageText('garbage', now)).toBe('unknown age')
  })
  it('never calls a figure dated in the future fresh: the clock was set back since', () => {
    expect(ageText('2026-11-29T12:01:00Z', now)).toBe('just now')
    expect(ageText('2026-11-29T15:00:00Z', now)).toBe('unknown age (clock changed)')
    expect(isFromTheFuture(Date.parse('2026-11-29T12:01:00Z'), now.getTime())).toBe(false)
    expect(isFromTheFuture(Date.parse('2026-11-29T12:02:01Z'), now.getTime())).toBe(true)
  })

  it('reads as a phrase after its lead, and on its own when the age is unknown', () => {
    expect(ageLine('as of', '2026-11-29T11:55:00Z', now)).toBe('as of 5 min ago')
    expect(ageLine('updated', '2026-11-29T12:00:00Z', now)).toBe('updated just now')
    expect(ageLine('as of', '2026-11-29T15:00:00Z', now)).toBe('age unknown (clock changed)')
    expect(ageLine('as of', 'yesterday', now)).toBe('age unknown')
  })
})
