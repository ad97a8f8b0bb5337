/**
 * The store page's view of the local history (shared/history.ts), built from the history file.
 */
import { summarizeHistory, type StoreHistory } from '../../../shared/history'
import { dailyTotals } from '../../../shared/projection'
import { activitySeries, type HistoryStore } from './historyStore'

/** Reads a store's history and summarizes it; a store without history gets an empty one. */
export async function storeHistory(history: HistoryStore, id: string): Promise<StoreHistory> {
  const records = await history.read(id)
  return summarizeHistory(id, records, dailyTotals(activitySeries(records)))
}
