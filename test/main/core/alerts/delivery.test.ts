/** Delivery: the global switch, levels, mutes, quiet hours (local time, weekdays), urgent alerts breaking through. */
import { describe, expect, it } from 'vitest'
import type { EngineEvent } from '../../../../src/main/core/alerts'
import { ctxOf, fail, ok, replay, store } from './kit'

const outage = (t: string, id = 's1'): EngineEvent[] => [fail(t, 'network', id), fail(t, 'network', id), fail(t, 'network', id)]
/** An urgent alert (unreachable) and a non-urgent one (recovered), both at `t`. */
const both = (t: string, id = 's1') => [...outage(t, id), ok(t, {}, id)]

describe('delivery', () => {
  it('delivers by default and records the reason when not', () => {
    const { alerts } = replay(both('2025-03-10T12:00:00Z'), ctxOf([store('s1')]))
    expect(alerts.map((a) => [a.kind, a.delivered, a.suppressedBy])).toEqual([
      ['unreachable', true, undefined],
      ['recovered', true, undefined],
    ])
    expect('suppressedBy' in alerts[0]!).toBe(false)
  })

  it('global switch off suppresses everything, urgent included, before any other reason', () => {
    const off = ctxOf([store('s1', { notify: 'none' })], (s) => (s.enabled = false))
    expect(replay(both('2025-03-10T12:00:00Z'), off).alerts.map((a) => a.suppressedBy)).toEqual(['disabled', 'disabled'])
  })

  it('levels: none suppresses all, important lets urgent through', () => {
    const t = '2025-03-10T12:00:00Z'
    const none = replay(both(t), ctxOf([store('s1', { notify: 'none' })])).alerts
    expect(none.map((a) => a.suppressedBy)).toEqual(['level', 'level'])
    const important = replay(both(t), ctxOf([store('s1', { notify: 'important' })])).alerts
    expect(important.map((a) => a.suppressedBy)).toEqual([undefined, 'level'])
    // level comes before muted and quiet hours
    const quiet = ctxOf(
      [store('s1', { notify: 'important' })],
      (s) => (s.quietHours = { from: '00:00', to: '00:00', days: [0, 1, 2, 3, 4, 5, 6] }),
    )
    expect(replay([{ at: t, mute: { until: '2025-03-11T00:00:00Z' } }, ...both(t)], quiet).alerts[1]!.suppressedBy).toBe('level')
  })

  it('a mute covers [at, until), an unmute ends it, urgent alerts break through', () => {
    const ctx = ctxOf([store('s1')])
    const mute: EngineEvent = { at: '2025-03-10T12:00:00Z', mute: { until: '2025-03-10T13:00:00Z' } }
    const during = replay([mute, ...both('2025-03-10T12:00:00Z')], ctx).alerts
    expect(during.map((a) => [a.delivered, a.suppressedBy])).toEqual([
      [true, undefined],
      [false, 'muted'],
    ])
    expect(replay([mute, ...both('2025-03-10T12:59:59Z')], ctx).alerts[1]!.suppressedBy).toBe('muted')
    expect(replay([mute, ...both('2025-03-10T13:00:00Z')], ctx).alerts[1]!.delivered).toBe(true)
    const unmuted = replay([mute, { at: '2025-03-10T12:10:00Z', unmute: true }, ...both('2025-03-10T12:20:00Z')], ctx).alerts
    expect(unmuted[1]!.delivered).toBe(true)
    // muted comes before quiet hours
    const quiet = ctxOf([store('s1')], (s) => (s.quietHours = { from: '00:00', to: '00:00', days: [0, 1, 2, 3, 4, 5, 6] }))
    expect(replay([mute, ...both('2025-03-10T12:30:00Z')], quiet).alerts[1]!.suppressedBy).toBe('muted')
  })

  it('quiet hours across midnight, in local time, weekdays counted from the day the window starts', () => {
    // Friday nights 22:00–07:00 in the computer's zone (Paris, UTC+1 in March).
    const ctx = ctxOf([store('s1')], (s) => (s.quietHours = { from: '22:00', to: '07:00', days: [5] }), 'Europe/Paris')
    const reason = (t: string) => replay(both(t), ctx).alerts.map((a) => a.suppressedBy)
    expect(reason('2025-03-14T21:00:00Z')).toEqual([undefined, 'quietHours']) // Fri 22:00 local, included
    expect(reason('2025-03-15T00:00:00Z')).toEqual([undefined, 'quietHours']) // Sat 01:00 local: Friday's window
    expect(reason('2025-03-15T05:59:00Z')).toEqual([undefined, 'quietHours']) // Sat 06:59
    expect(reason('2025-03-15T06:00:00Z')).toEqual([undefined, undefined]) // Sat 07:00, excluded
    expect(reason('2025-03-15T21:00:00Z')).toEqual([undefined, undefined]) // Sat 22:00: not a chosen day
    expect(reason('2025-03-14T00:00:00Z')).toEqual([undefined, undefined]) // Fri 01:00 belongs to Thursday
    expect(reason('2025-03-14T20:59:00Z')).toEqual([undefined, undefined]) // Fri 21:59
  })

  it('quiet hours within one day', () => {
    const ctx = ctxOf([store('s1')], (s) => (s.quietHours = { from: '12:00', to: '14:00', days: [1] }))
    expect(replay(both('2025-03-10T12:00:00Z'), ctx).alerts[1]!.suppressedBy).toBe('quietHours') // Monday
    expect(replay(both('2025-03-11T12:00:00Z'), ctx).alerts[1]!.delivered).toBe(true) // Tuesday
  })
})
