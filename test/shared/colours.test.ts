import { describe, expect, it } from 'vitest'
import { freeStoreColour } from '../../src/shared/colours'
import { STORE_COLOURS } from '../../src/shared/model'

describe('freeStoreColour', () => {
  it('gives the first palette colour no store uses, ignoring case', () => {
    expect(freeStoreColour([])).toBe(STORE_COLOURS[0])
    expect(freeStoreColour([STORE_COLOURS[0]!.toUpperCase(), '#123456'])).toBe(STORE_COLOURS[1])
    expect(freeStoreColour([STORE_COLOURS[1]!])).toBe(STORE_COLOURS[0])
  })

  it('falls back to the first colour when every one is taken', () => {
    expect(freeStoreColour([...STORE_COLOURS])).toBe(STORE_COLOURS[0])
  })
})
