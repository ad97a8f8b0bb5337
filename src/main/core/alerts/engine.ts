/**
 * The alert engine: state + event + settings → new state + alerts. Pure (no timers, no files, no
 * Electron); the app, `storeglance watch` and `storeglance alerts replay` all feed it the same
 * events. Every poll outcome of every store goes through `step`.
 */
import type { StoreSnapshot } from '../../../shared/model'
import { suppression } from './delivery'
import * as rules from './rules'
import { emptyStoreState, type EngineState, type StoreRuleState } from './state'
import { URGENT_KINDS, type Alert, type AlertStore, type EngineContext, type EngineEvent } from './types'

export interface StepResult {
  state: EngineState
  alerts: Alert[]
}

/** The store `id` as the engine sees it; an unknown id is labelled with itself, in UTC, notify all. */
export function storeFor(ctx: EngineContext, id: string): AlertStore {
  return ctx.stores.get(id) ?? { id, label: id, timeZone: 'UTC', notify: 'all', monthlyTarget: null }
}

function onSnapshot(s: StoreRuleState, snapshot: StoreSnapshot, at: string, store: AlertStore, ctx: EngineContext): rules.Raised[] {
  const r = ctx.settings.rules
  return [
    ...rules.recovered(s, snapshot, store),
    ...rules.behindPace(s, snapshot, store, r),
    ...rules.quietStore(s, snapshot, at, store, r),
    ...rules.recordDay(s, snapshot, at, store, r),
    ...rules.bigTransaction(s, snapshot, store, r),
    ...rules.target(s, snapshot, at, store, r),
  ]
}

/**
 * Applies one event. A poll outcome may raise alerts (each recorded, with whether it is delivered
 * and else why not); a mute or unmute only changes the state. The input state is not modified.
 */
export function step(state: EngineState, event: EngineEvent, ctx: EngineContext): StepResult {
  if ('mute' in event) return { state: { ...state, mute: { from: event.at, until: event.mute.until } }, alerts: [] }
  if ('unmute' in event) return { state: { ...state, mute: null }, alerts: [] }
  const store = storeFor(ctx, event.store)
  // Own properties only: a store id such as "constructor" must not find what every object inherits.
  const known = Object.hasOwn(state.stores, event.store) ? state.stores[event.store] : undefined
  const s: StoreRuleState = structuredClone(known ?? emptyStoreState())
  const raised =
    'snapshot' in event ? onSnapshot(s, event.snapshot, event.at, store, ctx) : rules.onFailure(s, event.error, store, ctx.settings.rules)
  const alerts = raised.map((r): Alert => {
    const urgent = URGENT_KINDS.has(r.kind)
    const base = { at: event.at, store: event.store, kind: r.kind, urgent, title: r.title, body: r.body }
    const why = suppression(base, store, ctx.settings, state.mute, ctx.localTimeZone, ctx.liveClock)
    return why ? { ...base, delivered: false, suppressedBy: why } : { ...base, delivered: true }
  })
  return { state: { ...state, stores: { ...state.stores, [event.store]: s } }, alerts }
}

/** Runs `events` in order from `state`; the alerts of all of them, in order. */
export function run(state: EngineState, events: Iterable<EngineEvent>, ctx: EngineContext): StepResult {
  let current = state
  const alerts: Alert[] = []
  for (const event of events) {
    const result = step(current, event, ctx)
    current = result.state
    // One by one: a spread of a very long list would overflow the stack.
    for (const alert of result.alerts) alerts.push(alert)
  }
  return { state: current, alerts }
}
