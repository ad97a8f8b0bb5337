/**
 * The one redaction rule: the key is found however a server may have written it, and removed
 * from every string of a parsed snapshot.
 */
import { describe, expect, it } from 'vitest'
import { containsSecret, redact, redactStrings } from '../../../src/main/core/redact'
import { redact as redactFromErrors } from '../../../src/main/core/api/errors'
import { asJsonEscapes, asXmlReferences } from '../../../src/main/core/demo/hostile'

const KEY = 'hk_Live/0123+abc&XYZ=9'

const disguises: [string, string][] = [
  ['plain', KEY],
  ['upper case', KEY.toUpperCase()],
  ['URL-encoded', encodeURIComponent(KEY)],
  ['URL-encoded, every character', [...KEY].map((c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`).join('')],
  ['XML decimal references', asXmlReferences(KEY)],
  ['XML hex references, padded', [...KEY].map((c) => `&#x00${c.charCodeAt(0).toString(16).toUpperCase()};`).join('')],
  ['JSON \\u escapes', asJsonEscapes(KEY)],
  [
    'mixed',
    `${asXmlReferences(KEY.slice(0, 5))}${asJsonEscapes(KEY.slice(5, 9))}${KEY.slice(9).replace('&', '&amp;').replace('/', '\\/')}`,
  ],
]

describe('redact', () => {
  it.each(disguises)('finds the key written %s', (_name, text) => {
    expect(containsSecret(`before ${text} after`, KEY)).toBe(true)
    expect(redact(`before ${text} after`, KEY)).toBe('before [redacted] after')
  })

  it('leaves text without the key, and a missing key, alone', () => {
    expect(redact('hk_Live/0123+abc&XYZ=8', KEY)).toBe('hk_Live/0123+abc&XYZ=8')
    expect(redact(`x ${KEY}`, '')).toBe(`x ${KEY}`)
    expect(redact(`x ${KEY}`, undefined)).toBe(`x ${KEY}`)
  })

  it('is the very function the API errors module exports (one rule everywhere)', () => {
    expect(redactFromErrors).toBe(redact)
  })

  it('redacts every string of a nested value, keys included, and returns a copy', () => {
    const value = { a: [`x${KEY}`, 1, null, { [KEY]: true, deep: [[`${KEY.toLowerCase()}`]] }], n: 5 }
    const out = redactStrings(value, KEY)
    expect(out).toEqual({ a: ['x[redacted]', 1, null, { '[redacted]': true, deep: [['[redacted]']] }], n: 5 })
    expect(value.a[0]).toBe(`x${KEY}`)
  })
})
