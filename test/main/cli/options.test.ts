/** The option tables: parser, checks and help read the same ranges and defaults, taken from the model. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_SIZES } from '../../../src/shared/model'
import { DEFAULT_TIMEOUT_MS, SIZE_LIMITS } from '../../../src/main/core/api'
import { UsageError } from '../../../src/main/cli/exitCodes'
import { FETCH_OPTIONS, intOption, optionLines, specOf } from '../../../src/main/cli/options'

describe('option tables', () => {
  it('defaults come from the model and the client', () => {
    expect(intOption({}, FETCH_OPTIONS, 'top', 'fetch')).toBe(DEFAULT_SIZES.mostActive)
    expect(intOption({}, FETCH_OPTIONS, 'days', 'fetch')).toBe(DEFAULT_SIZES.days)
    expect(intOption({}, FETCH_OPTIONS, 'timeout-ms', 'fetch')).toBe(DEFAULT_TIMEOUT_MS)
  })

  it('the parser enforces the range the help prints', () => {
    const max = SIZE_LIMITS.days
    expect(optionLines(FETCH_OPTIONS)).toContain(`days of campaign activity (1-${max}, default ${DEFAULT_SIZES.days})`)
    expect(intOption({ days: String(max) }, FETCH_OPTIONS, 'days', 'fetch')).toBe(max)
    expect(() => intOption({ days: String(max + 1) }, FETCH_OPTIONS, 'days', 'fetch')).toThrow(UsageError)
  })

  it('the parser knows every flag of the table and its type', () => {
    expect(specOf(FETCH_OPTIONS)).toMatchObject({ endpoint: { type: 'string' }, json: { type: 'boolean' } })
  })
})
