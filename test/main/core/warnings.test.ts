import { describe, expect, it } from 'vitest'
import { createWarningList, MAX_WARNINGS } from '../../../src/main/core/warnings'

describe('the warning list', () => {
  it('keeps a repeated warning once, with its latest time, and announces it only the first time', () => {
    const list = createWarningList()
    expect(list.add('history of A could not be saved', 't1')).toEqual({ message: 'history of A could not be saved', at: 't1' })
    expect(list.add('settings repaired', 't2')).not.toBeNull()
    for (let i = 3; i < 1000; i++) expect(list.add('history of A could not be saved', `t${i}`)).toBeNull()
    expect(list.list()).toEqual([
      { message: 'settings repaired', at: 't2' },
      { message: 'history of A could not be saved', at: 't999' },
    ])
  })

  it('holds at most its cap, dropping the oldest', () => {
    const list = createWarningList()
    for (let i = 0; i < MAX_WARNINGS + 25; i++) list.add(`problem ${i}`, `t${i}`)
    const kept = list.list()
    expect(kept).toHaveLength(MAX_WARNINGS)
    expect(kept[0]!.message).toBe('problem 25')
    expect(kept.at(-1)!.message).toBe(`problem ${MAX_WARNINGS + 24}`)
  })
})
