import { describe, expect, it } from 'vitest'
import { errorKindOf } from '../../src/shared/errorKind'
import { TimeoutError } from '../../src/main/core/api'
import { AccountError } from '../../src/main/core/accounts'

describe('errorKindOf', () => {
  it('reads the one discriminant of any failure', () => {
    expect(errorKindOf(new TimeoutError(100))).toBe('timeout')
    expect(errorKindOf(new AccountError('duplicate', 'x'))).toBe('duplicate')
    expect(errorKindOf(Object.assign(new Error('x'), { kind: 'storage' }))).toBe('storage')
    expect(errorKindOf({ kind: 'api' })).toBe('api')
  })

  it('is undefined for anything without a string kind', () => {
    for (const v of [new Error('x'), { kind: 3 }, null, undefined, 'api', 42]) expect(errorKindOf(v)).toBeUndefined()
  })
})
