/**
 * The side-by-side comparison of `storeglance snapshot` as text, CSV and JSON. The rows and figures
 * come from shared/comparison.ts (the very table the window draws); this file only lays them out.
 */
import { stringify } from 'csv-stringify/sync'
import type { Account, StoreSnapshot } from '../../shared/model'
import { buildComparison, formatCell, type Comparison, type ComparisonCell } from '../../shared/comparison'
import { ageText } from '../../shared/period'
import type { DailyCount } from '../../shared/projection'
import { failureLabel } from './exitCodes'
import { cliMessage, columns, oneLine } from './output'

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
    cols.map((c) => ({ id: c.account.id, label: c.account.label, timeZone: c.account.timeZone, snapshot: c.snapshot, ...(c.history ? { history: c.history } : {}) })),
  )
}

const LIMITED_MARK = ' *'
const rowLabel = (r: Comparison['rows'][number]) => (r.projection ? `${r.label} (projection)` : r.label)
const totalText = (r: Comparison['rows'][number]) => (r.total.coverage ? `${formatCell(r.total)} [${r.total.coverage}]` : formatCell(r.total))

/** One line about a store: its age and state, e.g. "as of 5 min ago  ok". */
function statusCells(c: StoreColumn, now: Date): string[] {
  const age = c.snapshot ? `as of ${ageText(c.snapshot.fetchedAt, now)}` : 'no figures yet'
  const failure = c.error ? `FAILED, ${failureLabel(c.error.kind)}: ${cliMessage(c.error.message)}` : ''
  switch (c.state) {
    case 'ok':
      return [age, 'ok']
    case 'stored':
      return [age, 'stored figures (offline)']
    case 'none':
      return [age, '']
    case 'failed':
      return [age, c.snapshot ? `${failure} (showing the last stored figures)` : failure]
  }
}

/** The comparison as aligned text: the table, then one status line per store, then footnotes. */
export function comparisonText(cols: StoreColumn[], comparison: Comparison, now: Date): string {
  const header = ['', ...cols.map((c) => oneLine(c.account.label) + (c.account.limitedPermissions ? LIMITED_MARK : '')), 'Total']
  const body = comparison.rows.map((r) => [rowLabel(r), ...r.cells.map(formatCell), totalText(r)])
  const align = ['left' as const, ...cols.map(() => 'right' as const), 'right' as const]
  const status = columns(cols.map((c) => [`${oneLine(c.account.label)}:`, ...statusCells(c, now)]))
  const notes: string[] = []
  if (cols.some((c) => c.account.limitedPermissions)) notes.push('* limited permissions: these figures cover only what that user may see.')
  if (comparison.rows.some((r) => r.total.coverage)) notes.push('[n of m stores]: the total leaves out stores without that figure.')
  return [columns([header, ...body], align), '', status, ...(notes.length ? ['', ...notes] : [])].join('\n') + '\n'
}

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

/** The comparison as JSON: each store with its state, age and snapshot, and the shared rows. */
export function comparisonJson(cols: StoreColumn[], comparison: Comparison, now: Date, offline: boolean): string {
  const stores = cols.map((c) => ({
    id: c.account.id,
    label: c.account.label,
    timeZone: c.account.timeZone,
    limitedPermissions: c.account.limitedPermissions === true,
    status: c.state,
    error: c.error,
    fetchedAt: c.snapshot?.fetchedAt ?? null,
    age: c.snapshot ? ageText(c.snapshot.fetchedAt, now) : null,
    snapshot: c.snapshot,
  }))
  return `${JSON.stringify({ generatedAt: now.toISOString(), offline, stores, rows: comparison.rows }, null, 2)}\n`
}
