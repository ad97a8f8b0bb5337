/**
 * The month-end projection the `target` rule compares with the store's target: the app's own
 * (so far + the remaining days at the store's weekday averages; linear under 14 known days), from
 * the per-day activity the snapshot carries. The engine is pure and sees only snapshots, so the
 * local history that can lengthen the window's weekday figures is not used here.
 */
import { dailyTotals, projectMonthEnd as project } from '../../../shared/projection'
import type { StoreSnapshot } from '../../../shared/model'

/** The app's projection of this month's transactions at month end, on the store's calendar at `at`; null when unknown. */
export function projectMonthEnd(snapshot: StoreSnapshot, at: Date, timeZone: string): number | null {
  return project(snapshot.transactions.thisMonth, at, timeZone, dailyTotals(snapshot.campaignActivity))?.value ?? null
}
