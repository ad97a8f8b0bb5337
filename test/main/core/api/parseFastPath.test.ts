/**
 * The fast paths of parse + normalise give exactly what the general ones give: a plain JSON.parse
 * is used only when no integer it rounded was read, list items are read without a copy only when
 * they are plain parsed objects, and the usual amount shapes skip the general amount reader.
 */
import { describe, expect, it } from 'vitest'
import { parseDashboard } from '../../../../src/main/core/api/parseDashboard'
import { normalize, normalizeUnlessRounded, parseAmount } from '../../../../src/main/core/api/normalize'
import { parseJson } from '../../../../src/main/core/api/parseJson'
import { META } from './fixtures'

const body = (code: string, extra = '') =>
  `{"status":"success"${extra},"most_active":[{"code":${code},"card_number":"1","first_name":"A","last_name":"B","transactions":3}]}`

describe('JSON read with a plain JSON.parse', () => {
  it('is refused when a field read held an integer past 2^53, and the exact read keeps every digit', () => {
    const text = body('12345678901234567')
    expect(normalizeUnlessRounded(parseJson(text, false), META)).toBeNull()
    expect(parseDashboard(text, 'json', META).mostActive[0]!.code).toBe('12345678901234567')
  })

  it('is used when the only big integer is in a field never read, with the same snapshot as the exact read', () => {
    const text = body('"12345678901234567"', ',"unused_id":98765432109876543210')
    const fast = normalizeUnlessRounded(parseJson(text, false), META)
    expect(fast).not.toBeNull()
    expect(fast).toEqual(normalize(parseJson(text), META))
    expect(parseDashboard(text, 'json', META)).toEqual(fast)
  })

  it('keeps 16-digit ids below 2^53 exact either way', () => {
    const text = body('1234567890123456')
    expect(normalizeUnlessRounded(parseJson(text, false), META)!.mostActive[0]!.code).toBe('1234567890123456')
  })

  it('still reports the exact path’s error for a broken body', () => {
    expect(() => parseDashboard('{"status":"success",', 'json', META)).toThrow(expect.objectContaining({ problem: 'truncated' }))
  })
})

describe('list items', () => {
  const raw = (item: object) => ({ status: 'success', root: { most_active: [item] }, rawEntities: true })

  it('are read from plain and null-prototype objects', () => {
    const bare = Object.assign(Object.create(null) as object, { code: '7', transactions: '2' })
    expect(normalize(raw({ code: '7' }), META).mostActive[0]!.code).toBe('7')
    expect(normalize(raw(bare), META).mostActive[0]!.transactions).toBe(2)
  })

  it('are skipped when they inherit from anything else, so nothing inherited is read', () => {
    const tricky = Object.create({ code: 'inherited' }) as Record<string, unknown>
    tricky['first_name'] = 'Eve'
    expect(normalize(raw(tricky), META).mostActive).toEqual([])
  })
})

describe('parseAmount', () => {
  it.each([
    ['12', 12],
    ['0012', 12],
    ['9,95', 9.95],
    ['9.95', 9.95],
    ['1,234', 1.234],
    ['1.234.567', 1234567],
    ['1.234,56', 1234.56],
    ['+5', 5],
    ['-2,5', -2.5],
    [' 3 ', 3],
    ['1234567890123456789', 1234567890123456789],
    ['', null],
    ['1,2,3', null],
    ['abc', null],
  ] as const)('%j → %j', (text, expected) => {
    expect(parseAmount(text)).toBe(expected)
  })
})

describe('campaign days', () => {
  const days = (dates: string[]) => {
    const raw = {
      status: 'success',
      root: { campaigns_per_day_activity: [{ campaign_id: '1', day: dates.map((date, i) => ({ date, quantity: i })) }] },
    }
    return normalize(raw, META).campaignActivity[0]!.days.map((d) => `${d.date}:${d.quantity}`)
  }

  it('come oldest first whether sent in order, newest first or mixed, equal dates in the order sent', () => {
    expect(days(['2024-01-01', '2024-01-02', '2024-01-03'])).toEqual(['2024-01-01:0', '2024-01-02:1', '2024-01-03:2'])
    expect(days(['2024-01-03', '2024-01-02', '2024-01-01'])).toEqual(['2024-01-01:2', '2024-01-02:1', '2024-01-03:0'])
    expect(days(['2024-01-02', '2024-01-03', '2024-01-01'])).toEqual(['2024-01-01:2', '2024-01-02:0', '2024-01-03:1'])
    expect(days(['2024-01-02', '2024-01-01', '2024-01-01'])).toEqual(['2024-01-01:1', '2024-01-01:2', '2024-01-02:0'])
  })
})
