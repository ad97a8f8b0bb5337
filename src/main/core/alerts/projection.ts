/**
 * The month-end projection the `target` rule compares with the store's target. One function, so
 * the app's projection (today a straight line through the month) can be swapped for a better one
 * without touching the rule.
 */
import { monthEndPace } from '../../../shared/period'
import type { StoreSnapshot } from '../../../shared/model'

/** The app's projection of this month's transactions at month end, on the store's calendar at `at`; null when unknown. */
export function projectMonthEnd(snapshot: StoreSnapshot, at: Date, timeZone: string): number | null {
  return monthEndPace(snapshot.transactions.thisMonth, at, timeZone)
}
