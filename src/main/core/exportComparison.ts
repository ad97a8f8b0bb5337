/**
 * "Export CSV" in the window: the comparison of every enabled store, in the user's order, as the
 * very CSV of `storeglance snapshot --csv` (one code path: comparisonCsv.ts), written to a file the
 * user picks in main's save dialog. The renderer never writes files.
 */
import type { Account } from '../../shared/model'
import type { SnapshotPair } from '../../shared/ipc'
import type { StoreStatus } from '../../shared/model'
import { compare, comparisonCsv, exportedAccounts, withHistory, type StoreColumn } from './comparisonCsv'
import type { HistoryStore } from './snapshots'

/**
 * Asks the user where to save `content` (suggesting `suggestedName`) and writes it there. Resolves
 * with the path written, or null when the user cancelled. Electron's dialog in the app.
 */
export type SaveFile = (suggestedName: string, content: string) => Promise<string | null>

export interface ExportSources {
  accounts: readonly Account[]
  storeOrder: readonly string[]
  snapshots: readonly SnapshotPair[]
  status: (id: string) => StoreStatus | null
  history: HistoryStore
  now: Date
}

/** One column per enabled store: its figures as the window shows them, and whether its last poll failed. */
function columnsOf(src: ExportSources): StoreColumn[] {
  const pairs = new Map(src.snapshots.map((p) => [p.id, p.current]))
  return exportedAccounts(src.accounts, src.storeOrder).map((account) => {
    const snapshot = pairs.get(account.id) ?? null
    const e = src.status(account.id)?.error
    const error = e ? { kind: e.kind, message: e.message } : null
    return { account, snapshot, error, state: error ? 'failed' : snapshot ? 'ok' : 'none' }
  })
}

/** The comparison CSV of what the app holds now. */
export async function comparisonCsvNow(src: ExportSources): Promise<string> {
  const cols = await withHistory(src.history, columnsOf(src))
  return comparisonCsv(cols, compare(cols), src.now)
}

/** A file name for the export, e.g. "storeglance-2026-12-01.csv". */
export function exportFileName(now: Date): string {
  return `storeglance-${now.toISOString().slice(0, 10)}.csv`
}
