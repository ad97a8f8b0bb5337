import { describe, expect, it } from 'vitest'
import { isRecord } from '../../src/shared/isRecord'

describe('isRecord', () => {
  it('accepts plain objects and refuses null, arrays and primitives', () => {
    expect(isRecord({})).toBe(true)
    expect(isRecord(Object.create(null))).toBe(true)
    expect(isRecord(null)).toBe(false)
    expect(isRecord([])).toBe(false)
    expect(isRecord('x')).toBe(false)
    expect(isRecord(1)).toBe(false)
    expect(isRecord(undefined)).toBe(false)
  })
})
