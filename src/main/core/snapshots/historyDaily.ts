/**
 * A store's transactions per day from its local history: what the month-end projection's weekday
 * figures draw on where the history reaches further back than the API's per-day activity.
 */
import { dailyTotals, type DailyCount } from '../../../shared/projection'
import { activitySeries, type HistoryStore } from './historyStore'

/** The store's daily totals from its history, ascending; empty when it has none. */
export async function historyDaily(history: HistoryStore, id: string): Promise<DailyCount[]> {
  return dailyTotals(activitySeries(await history.read(id)))
}
