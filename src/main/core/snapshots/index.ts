/** The snapshot store and local history: what the app keeps on disk about each store's figures. */
export { createSnapshotStore, REFRESH_AFTER_MS } from './snapshotStore'
export type { SnapshotStore, SnapshotStoreOptions, LoadedSnapshots, SaveResult, WarningSink } from './snapshotStore'
export { createHistoryStore, activitySeries, HISTORY_DAYS } from './historyStore'
export type { HistoryStore, HistoryStoreOptions } from './historyStore'
export type { HistoryRecord, SnapshotEnvelope } from './schema'
export { historyDaily } from './historyDaily'
export { storeHistory } from './storeHistory'
