/**
 * Property: over random sequences of poll outcomes, mutes and restarts (state through JSON), no
 * alert fires twice for one cause and every `recovered` follows an urgent alert of its store.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { emptyEngineState, step, type Alert, type EngineEvent, type EngineState } from '../../../../src/main/core/alerts'
import { localDate } from '../../../../src/shared/period'
import { ctxOf, snap, store } from './kit'

const START = Date.parse('2025-03-08T06:00:00Z')
const KINDS = ['network', 'timeout', 'http', 'response', 'api', 'keychain'] as const

const outcome = fc.oneof(
  fc.record({
    type: fc.constant('ok' as const),
    thisMonth: fc.integer({ min: 0, max: 120 }),
    same: fc.integer({ min: 0, max: 120 }),
    txs: fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c', 'd', 'e'), fc.integer({ min: 0, max: 500 })), { maxLength: 3 }),
    today: fc.integer({ min: 0, max: 40 }),
  }),
  fc.record({ type: fc.constant('fail' as const), kind: fc.constantFrom(...KINDS) }),
  fc.record({ type: fc.constant('mute' as const), minutes: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ type: fc.constant('unmute' as const) }),
  fc.record({ type: fc.constant('restart' as const) }),
)

const sequence = fc.array(fc.tuple(fc.constantFrom('s1', 's2'), fc.integer({ min: 0, max: 180 }), outcome), { maxLength: 80 })

const ctx = ctxOf(
  [store('s1', { monthlyTarget: 5000 }), store('s2', { openingHours: null, timeZone: 'Asia/Tokyo', monthlyTarget: 100 })],
  (s) => {
    s.rules.bigTransaction.enabled = true
    s.rules.recordDay.minDays = 2
    s.rules.behindPace.minBase = 10
    s.quietHours = { from: '22:00', to: '06:00', days: [0, 5, 6] }
  },
)

interface Seen {
  index: number
  store: string
  ok: boolean
  thisMonth?: number
  same?: number
  at: string
}

/** The events of `store` strictly between two event indexes. */
const between = (log: Seen[], store: string, from: number, to: number) =>
  log.filter((e) => e.store === store && e.index > from && e.index < to)

/**
 * Whether the engine may raise `a` again after `prev` (same store and kind): the cause must have
 * ended in between, judged from the events alone.
 */
function newCause(a: Alert & { index: number }, prev: Alert & { index: number }, log: Seen[]): boolean {
  const tz = a.store === 's2' ? 'Asia/Tokyo' : 'UTC'
  const mid = between(log, a.store, prev.index, a.index)
  switch (a.kind) {
    case 'unreachable':
    case 'keyRejected':
      return mid.some((e) => e.ok)
    case 'recovered':
      return true // checked by the "follows an urgent alert" rule
    case 'behindPace':
      return mid.some((e) => e.ok && !(e.same! >= 10 && e.thisMonth! * 100 <= e.same! * 85))
    case 'quietStore': {
      const valueOf = log.find((e) => e.index === a.index)!.thisMonth
      const closed = (e: Seen) => a.store === 's1' && (new Date(e.at).getUTCHours() < 9 || new Date(e.at).getUTCHours() >= 21)
      const crossedDay = a.store === 's1' && localDate(a.at, tz) !== localDate(prev.at, tz)
      return crossedDay || mid.some((e) => e.ok && (e.thisMonth !== valueOf || closed(e)))
    }
    case 'recordDay':
      return localDate(a.at, tz) !== localDate(prev.at, tz)
    case 'target':
      return localDate(a.at, tz).slice(0, 7) !== localDate(prev.at, tz).slice(0, 7)
    case 'bigTransaction':
      return a.body !== prev.body
  }
}

describe('alert engine properties', () => {
  it('never repeats a cause; every recovered follows an urgent alert of its store', () => {
    fc.assert(
      fc.property(sequence, (items) => {
        let state: EngineState = emptyEngineState()
        let t = START
        const alerts: (Alert & { index: number })[] = []
        const log: Seen[] = []
        for (const [index, [id, gap, o]] of items.entries()) {
          t += gap * 60_000
          const at = new Date(t).toISOString()
          if (o.type === 'restart') {
            state = JSON.parse(JSON.stringify(state)) as EngineState
            continue
          }
          let event: EngineEvent
          if (o.type === 'mute') event = { at, mute: { until: new Date(t + o.minutes * 60_000).toISOString() } }
          else if (o.type === 'unmute') event = { at, unmute: true }
          else if (o.type === 'fail') {
            event = { at, store: id, error: { kind: o.kind, message: 'x' } }
            log.push({ index, store: id, ok: false, at })
          } else {
            const today = localDate(at, id === 's2' ? 'Asia/Tokyo' : 'UTC')
            const days = { '2025-03-01': 10, '2025-03-02': 12, [today]: o.today }
            log.push({ index, store: id, ok: true, thisMonth: o.thisMonth, same: o.same, at })
            event = {
              at,
              store: id,
              snapshot: snap({ thisMonth: o.thisMonth, same: o.same, txs: o.txs.map(([x, amount]) => [`${x}${amount}`, amount]), days }),
            }
          }
          const r = step(state, event, ctx)
          state = r.state
          alerts.push(...r.alerts.map((a) => ({ ...a, index })))
        }
        const owed = new Map<string, boolean>()
        const last = new Map<string, Alert & { index: number }>()
        for (const a of alerts) {
          if (a.urgent) owed.set(a.store, true)
          if (a.kind === 'recovered') {
            expect(owed.get(a.store)).toBe(true)
            owed.set(a.store, false)
          }
          const prev = [...last.values()]
            .filter((p) => p.store === a.store && p.kind === a.kind && (a.kind !== 'bigTransaction' || p.body === a.body))
            .at(-1)
          if (prev) expect(newCause(a, prev, log)).toBe(true)
          last.set(`${a.store} ${a.kind} ${a.kind === 'bigTransaction' ? a.body : ''}`, a)
        }
      }),
      { numRuns: 300 },
    )
  })
})
