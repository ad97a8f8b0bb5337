/**
 * The alert rules, one function each (the table in the README). Each takes the store's state (a private copy
 * the engine owns, updated in place), the poll and the rule's settings, and returns the alerts it
 * raises as kind + text. The engine calls them in table order.
 */
import { dailyTotals } from '../../../shared/projection'
import type { ErrorKind, StoreSnapshot } from '../../../shared/model'
import { localDate } from '../../../shared/period'
import * as text from './messages'
import { projectMonthEnd } from './projection'
import { MAX_FIRED_KEYS, MAX_SEEN_TRANSACTIONS, remember, type StoreRuleState } from './state'
import { TRANSPORT_KINDS, defaultOpeningHours, type AlertKind, type AlertRules, type AlertStore } from './types'
import { windowStart } from './wallClock'

/** An alert a rule raised, before delivery is decided. */
export interface Raised {
  kind: AlertKind
  title: string
  body: string
}

/** `unreachable` and `keyRejected` on a failed poll; also keeps the transport-failure count. */
export function onFailure(s: StoreRuleState, error: { kind: ErrorKind; message: string }, store: AlertStore, rules: AlertRules): Raised[] {
  if (TRANSPORT_KINDS.has(error.kind)) {
    s.failures += 1
    const { enabled, polls } = rules.unreachable
    if (enabled && !s.outageAlerted && s.failures >= polls) {
      s.outageAlerted = true
      return [{ kind: 'unreachable', ...text.unreachableText(store.label, s.failures, error) }]
    }
    return []
  }
  // api / keychain: any non-transport outcome resets the count (the outage itself goes on).
  s.failures = 0
  if (rules.keyRejected.enabled && !s.keyAlerted) {
    s.keyAlerted = true
    return [{ kind: 'keyRejected', ...text.keyRejectedText(store.label, error) }]
  }
  return []
}

/** `recovered`: the first success after an urgent alert of the store; a success ends the outage. */
export function recovered(s: StoreRuleState, snapshot: StoreSnapshot, store: AlertStore): Raised[] {
  const owed = s.outageAlerted || s.keyAlerted
  s.failures = 0
  s.outageAlerted = false
  s.keyAlerted = false
  return owed ? [{ kind: 'recovered', ...text.recoveredText(store.label, snapshot.transactions.thisMonth) }] : []
}

/** `behindPace`: `polls` consecutive snapshots with `thisMonth × 100 ≤ samePeriod × (100 − percent)`. */
export function behindPace(s: StoreRuleState, snapshot: StoreSnapshot, store: AlertStore, rules: AlertRules): Raised[] {
  const { enabled, percent, minBase, polls } = rules.behindPace
  const { thisMonth, samePeriodLastMonth: base } = snapshot.transactions
  const holds = thisMonth !== null && base !== null && base >= minBase && thisMonth * 100 <= base * (100 - percent)
  if (!holds) {
    s.behindCount = 0
    s.behindFired = false
    return []
  }
  s.behindCount += 1
  if (!enabled || s.behindFired || s.behindCount < polls) return []
  s.behindFired = true
  return [{ kind: 'behindPace', ...text.behindPaceText(store.label, thisMonth, base) }]
}

/** The opening window `at` lies in ('always' when always open), or null when the store is closed. */
function openingWindow(store: AlertStore, at: Date): string | null {
  if (store.openingHours === null) return 'always'
  return windowStart(store.openingHours ?? defaultOpeningHours(), at, store.timeZone)
}

/**
 * `quietStore`: the same `thisMonth` on in-hours snapshots spanning at least `minutes`. A snapshot
 * out of hours, a changed value, or a closing time between two snapshots restarts the span.
 */
export function quietStore(s: StoreRuleState, snapshot: StoreSnapshot, at: string, store: AlertStore, rules: AlertRules): Raised[] {
  const value = snapshot.transactions.thisMonth
  const when = new Date(at)
  const window = openingWindow(store, when)
  if (value === null || window === null) {
    s.quiet = null
    return []
  }
  const q = s.quiet
  if (q && q.value === value && q.window === window) q.last = at
  else s.quiet = { value, start: at, last: at, window, fired: false }
  const span = s.quiet!
  const minutes = (when.getTime() - Date.parse(span.start)) / 60_000
  if (!rules.quietStore.enabled || span.fired || minutes < rules.quietStore.minutes) return []
  span.fired = true
  return [{ kind: 'quietStore', ...text.quietStoreText(store.label, Math.floor(minutes), value) }]
}

/** `recordDay`: today's total beats every earlier day present, with at least `minDays` of them. */
export function recordDay(s: StoreRuleState, snapshot: StoreSnapshot, at: string, store: AlertStore, rules: AlertRules): Raised[] {
  const { enabled, minDays } = rules.recordDay
  const today = localDate(at, store.timeZone)
  if (!enabled || s.recordDates.includes(today)) return []
  const totals = new Map(dailyTotals(snapshot.campaignActivity).map((d) => [d.date, d.quantity]))
  const todayTotal = totals.get(today) ?? 0
  const earlier = [...totals].filter(([date]) => date < today).map(([, q]) => q)
  if (earlier.length < minDays || earlier.length === 0) return []
  // A loop, not Math.max(...list): a long activity list must not overflow the stack.
  const best = earlier.reduce((a, b) => (b > a ? b : a), -Infinity)
  if (todayTotal <= best) return []
  s.recordDates = remember(s.recordDates, today, MAX_FIRED_KEYS)
  return [{ kind: 'recordDay', ...text.recordDayText(store.label, todayTotal, best, earlier.length) }]
}

/**
 * `bigTransaction`: a transaction of at least `amount` whose id no earlier snapshot of the store
 * had. The first snapshot ever seen is history. Ids are remembered whether the rule is on or off.
 */
export function bigTransaction(s: StoreRuleState, snapshot: StoreSnapshot, store: AlertStore, rules: AlertRules): Raised[] {
  const first = s.seenTransactions === null
  const seen = new Set(s.seenTransactions ?? [])
  const ids = [...(s.seenTransactions ?? [])]
  const raised: Raised[] = []
  for (const t of snapshot.lastTransactions) {
    if (seen.has(t.transactionId)) continue
    seen.add(t.transactionId)
    ids.push(t.transactionId)
    if (first || !rules.bigTransaction.enabled || t.amount === null || t.amount < rules.bigTransaction.amount) continue
    raised.push({ kind: 'bigTransaction', ...text.bigTransactionText(store.label, t.amount, t.transactionId, t.campaignName) })
  }
  s.seenTransactions = ids.length > MAX_SEEN_TRANSACTIONS ? ids.slice(ids.length - MAX_SEEN_TRANSACTIONS) : ids
  return raised
}

/** `target`: from the 10th (store calendar), a month-end projection below 90 % of the target; once a month. */
export function target(s: StoreRuleState, snapshot: StoreSnapshot, at: string, store: AlertStore, rules: AlertRules): Raised[] {
  const goal = store.monthlyTarget
  if (!rules.target.enabled || goal === null || goal <= 0) return []
  const date = localDate(at, store.timeZone)
  const month = date.slice(0, 7)
  if (Number(date.slice(8, 10)) < 10 || s.targetMonths.includes(month)) return []
  const projection = projectMonthEnd(snapshot, new Date(at), store.timeZone)
  if (projection === null || projection * 10 >= goal * 9) return []
  s.targetMonths = remember(s.targetMonths, month, MAX_FIRED_KEYS)
  return [{ kind: 'target', ...text.targetText(store.label, projection, goal) }]
}
