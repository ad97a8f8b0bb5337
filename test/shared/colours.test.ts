import { describe, expect, it } from 'vitest'
import { freeStoreColour } from '../../src/shared/colours'
import { STORE_COLOURS } from '../../src/shared/model'

describe('freeStoreColour', () => {
  it('gives the first palette colour no store uses, ignoring case', () => {
    expect(freeStoreColour([])).toBe(STORE_COLOURS[0])
    expect(freeStoreColour([STORE_COLOURS[0]!.toUpperCase(), '#123456'])).toBe(STORE_COLOURS[1])
    expect(freeStoreColour([STORE_COLOURS[1]!])).toBe(STORE_COLOURS[0])
  })

  it('gives 12 distinct colours, then repeats the least used, so 20 stores use each at most twice', () => {
    expect(new Set(STORE_COLOURS.map((c) => c.toLowerCase())).size).toBe(STORE_COLOURS.length)
    expect(STORE_COLOURS.length).toBeGreaterThanOrEqual(12)
    const used: string[] = []
    for (let i = 0; i < 20; i++) used.push(freeStoreColour(used))
    expect(new Set(used.slice(0, STORE_COLOURS.length)).size).toBe(STORE_COLOURS.length)
    const counts = STORE_COLOURS.map((c) => used.filter((u) => u === c).length)
    expect(Math.max(...counts)).toBe(Math.ceil(20 / STORE_COLOURS.length))
    // When every colour is taken once, the next store gets the first again.
    expect(freeStoreColour([...STORE_COLOURS])).toBe(STORE_COLOURS[0])
    // A colour used twice is skipped for one used once.
    expect(freeStoreColour([...STORE_COLOURS, STORE_COLOURS[0]!])).toBe(STORE_COLOURS[1])
  })
})
