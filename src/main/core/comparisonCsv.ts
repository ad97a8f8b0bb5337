/**
 * The side-by-side comparison as CSV: the one code path behind `storeglance snapshot --csv` and the
 * window's "Export CSV" (columns documented in the README). The rows and figures come from
 * shared/comparison.ts, the very table the window draws.
 */
import { stringify } from 'csv-stringify/sync'
import type { Account, StoreSnapshot } from '../../shared/model'
import { buildComparison, type Comparison, type ComparisonCell } from '../../shared/comparison'
import { inUserOrder } from '../../shared/order'
import { ageText } from '../../shared/period'
import type { DailyCount } from '../../shared/projection'
import { cliMessage } from '../cli/output'
import { historyDaily, type HistoryStore } from './snapshots'

/**
 * Where a store's figures stand: fetched now ('ok'), the request failed ('failed'; stored figures,
 * if any, are shown), shown from disk without a request ('stored'), or nothing ever fetched ('none').
 */
export type ColumnState = 'ok' | 'failed' | 'stored' | 'none'

/** One store's column: its account, the figures shown (null = none yet), and why. */
export interface StoreColumn {
  account: Account
  snapshot: StoreSnapshot | null
  state: ColumnState
  error: { kind: string; message: string } | null
  /** Per-day transactions from the local history, for the projection. */
  history?: DailyCount[]
}

/** The comparison of `cols`, through the shared builder (the same table the window shows). */
export function compare(cols: StoreColumn[]): Comparison {
  return buildComparison(
    cols.map((c) => ({
      id: c.account.id,
      label: c.account.label,
      timeZone: c.account.timeZone,
      snapshot: c.snapshot,
      ...(c.history ? { history: c.history } : {}),
    })),
  )
}

/** A row's label as shown: the projection says it is one. */
export const rowLabel = (r: Comparison['rows'][number]) => (r.projection ? `${r.label} (projection)` : r.label)

/** Change as a plain number for CSV: the percentage with one decimal, or the absolute delta. */
const pctOf = (c: ComparisonCell) => (c.change?.pct == null ? '' : (Math.round(c.change.pct * 1000) / 10).toFixed(1))
const deltaOf = (c: ComparisonCell) => (c.change?.delta == null ? '' : String(c.change.delta))
const plain = (v: number | null) => (v === null ? '' : String(v))

/**
 * The comparison as CSV (columns and rows documented in the README): a key and a label per row,
 * one column per store, the total and how many stores it covers; plain numbers, empty = unknown.
 */
export function comparisonCsv(cols: StoreColumn[], comparison: Comparison, now: Date): string {
  const records: string[][] = [['key', 'figure', ...cols.map((c) => c.account.label), 'Total', 'Stores in total']]
  for (const r of comparison.rows) {
    const covered = String(r.cells.filter((c) => c.value !== null).length)
    records.push([r.key, rowLabel(r), ...r.cells.map((c) => plain(c.value)), plain(r.total.value), covered])
    if (!r.total.change) continue
    records.push([`${r.key}.change`, `${r.label}: change vs same period last month`, ...r.cells.map(deltaOf), deltaOf(r.total), covered])
    records.push([`${r.key}.changePct`, `${r.label}: change vs same period last month (%)`, ...r.cells.map(pctOf), pctOf(r.total), covered])
  }
  const info = (key: string, label: string, f: (c: StoreColumn) => string) => records.push([key, label, ...cols.map(f), '', ''])
  info('fetchedAt', 'Fetched at', (c) => c.snapshot?.fetchedAt ?? '')
  info('age', 'Age', (c) => (c.snapshot ? ageText(c.snapshot.fetchedAt, now) : ''))
  info('status', 'Status', (c) => c.state)
  info('error', 'Error', (c) => (c.error ? `${c.error.kind}: ${cliMessage(c.error.message)}` : ''))
  info('limitedPermissions', 'Limited permissions', (c) => (c.account.limitedPermissions ? 'yes' : 'no'))
  return stringify(records, { record_delimiter: 'unix' })
}

/** Adds each store's local history (the projection's longer weekday figures); a damaged one is skipped. */
export async function withHistory(history: HistoryStore, cols: StoreColumn[]): Promise<StoreColumn[]> {
  return Promise.all(cols.map(async (c) => ({ ...c, history: await historyDaily(history, c.account.id).catch(() => []) })))
}

/** The enabled stores in the user's order (`storeOrder` from settings): the columns of every export. */
export function exportedAccounts(accounts: readonly Account[], storeOrder: readonly string[]): Account[] {
  return inUserOrder(
    accounts.filter((a) => a.enabled),
    storeOrder,
  )
}
