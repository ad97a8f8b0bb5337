/** The urgent rules and their recovery: unreachable, keyRejected, recovered. */
import { describe, expect, it } from 'vitest'
import { ctxOf, fail, kinds, ok, plus, replay, store } from './kit'

const T = '2025-03-10T10:00:00Z'
const at = (i: number) => plus(T, i * 5)
const ctx = ctxOf([store('s1', { label: 'Harbour Café' })])

describe('unreachable', () => {
  it('fires on exactly the 3rd consecutive transport failure, with that poll as `at`', () => {
    const two = replay([fail(at(0)), fail(at(1), 'timeout')], ctx)
    expect(two.alerts).toEqual([])
    const { alerts } = replay([fail(at(0)), fail(at(1), 'timeout'), fail(at(2), 'http'), fail(at(3), 'response')], ctx)
    expect(kinds(alerts)).toEqual(['unreachable'])
    expect(alerts[0]).toMatchObject({ at: at(2), store: 's1', urgent: true, delivered: true })
    expect(alerts[0]!.title).toContain('Harbour Café')
    expect(alerts[0]!.body).toContain('3 polls')
  })

  it('honours a changed `polls` and the rule switch', () => {
    const five = ctxOf([store('s1')], (s) => (s.rules.unreachable.polls = 5))
    const events = [0, 1, 2, 3, 4].map((i) => fail(at(i)))
    expect(replay(events.slice(0, 4), five).alerts).toEqual([])
    expect(replay(events, five).alerts[0]!.at).toBe(at(4))
    const off = ctxOf([store('s1')], (s) => (s.rules.unreachable.enabled = false))
    expect(replay(events, off).alerts).toEqual([])
  })

  it('is reset by any other outcome, and fires once per outage (only a success ends it)', () => {
    const reset = replay([fail(at(0)), fail(at(1)), fail(at(2), 'api'), fail(at(3)), fail(at(4))], ctx)
    expect(kinds(reset.alerts)).toEqual(['keyRejected'])
    const events = [fail(at(0)), fail(at(1)), fail(at(2)), fail(at(3), 'api'), fail(at(4)), fail(at(5)), fail(at(6)), fail(at(7))]
    expect(kinds(replay(events, ctx).alerts)).toEqual(['unreachable', 'keyRejected'])
    const twoOutages = [...events, ok(at(8)), fail(at(9)), fail(at(10)), fail(at(11))]
    expect(kinds(replay(twoOutages, ctx).alerts)).toEqual(['unreachable', 'keyRejected', 'recovered', 'unreachable'])
  })
})

describe('keyRejected', () => {
  it('fires on an api or keychain failure, once until a success', () => {
    expect(kinds(replay([fail(at(0), 'api'), fail(at(1), 'keychain'), fail(at(2), 'api')], ctx).alerts)).toEqual(['keyRejected'])
    const again = replay([fail(at(0), 'keychain'), ok(at(1)), fail(at(2), 'api')], ctx).alerts
    expect(kinds(again)).toEqual(['keyRejected', 'recovered', 'keyRejected'])
    expect(again[0]).toMatchObject({ urgent: true, at: at(0) })
    expect(again[0]!.body).toMatch(/keychain/)
  })
})

describe('recovered', () => {
  it('follows the first success after an urgent alert only', () => {
    const { alerts } = replay([fail(at(0)), fail(at(1)), fail(at(2)), ok(at(3), { thisMonth: 612 }), ok(at(4))], ctx)
    expect(kinds(alerts)).toEqual(['unreachable', 'recovered'])
    expect(alerts[1]).toMatchObject({ at: at(3), urgent: false })
    expect(alerts[1]!.body).toBe('Harbour Café answered again: 612 transactions this month.')
    expect(replay([fail(at(0)), fail(at(1)), ok(at(2))], ctx).alerts).toEqual([])
  })

  it('is not raised when the urgent rule was off', () => {
    const off = ctxOf([store('s1')], (s) => (s.rules.keyRejected.enabled = false))
    expect(replay([fail(at(0), 'api'), ok(at(1))], off).alerts).toEqual([])
  })
})

describe('unknown stores', () => {
  it('are labelled with their id', () => {
    const { alerts } = replay([fail(at(0), 'api', 'mystery')], ctxOf([]))
    expect(alerts[0]).toMatchObject({ store: 'mystery', title: 'mystery refused the key' })
  })
})

describe('state across a restart', () => {
  it('neither repeats an alert nor forgets an outage when the state goes through JSON', () => {
    const first = replay([fail(at(0)), fail(at(1)), fail(at(2))], ctx)
    const restored = JSON.parse(JSON.stringify(first.state)) as typeof first.state
    const second = replay([fail(at(3)), fail(at(4)), fail(at(5)), ok(at(6))], ctx, restored)
    expect(kinds(second.alerts)).toEqual(['recovered'])
    const counting = replay([fail(at(0)), fail(at(1))], ctx)
    expect(kinds(replay([fail(at(2))], ctx, JSON.parse(JSON.stringify(counting.state)) as typeof first.state).alerts)).toEqual([
      'unreachable',
    ])
  })
})
