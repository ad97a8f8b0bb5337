/**
 * The side-by-side comparison of `storeglance snapshot` as text, CSV and JSON. The rows and figures
 * come from shared/comparison.ts (the very table the window draws); this file only lays them out.
 */
import { formatCell, type Comparison } from '../../shared/comparison'
import { ageLine, ageText } from '../../shared/period'
import { rowLabel, type StoreColumn } from '../core/comparisonCsv'
import { failureLabel } from './exitCodes'
import { cliMessage, columns, oneLine } from './output'

export { compare, comparisonCsv, type ColumnState, type StoreColumn } from '../core/comparisonCsv'

const LIMITED_MARK = ' *'
const totalText = (r: Comparison['rows'][number]) =>
  r.total.coverage ? `${formatCell(r.total)} [${r.total.coverage}]` : formatCell(r.total)

/** One line about a store: its age and state, e.g. "as of 5 min ago  ok". */
function statusCells(c: StoreColumn, now: Date): string[] {
  const age = c.snapshot ? ageLine('as of', c.snapshot.fetchedAt, now) : 'no figures yet'
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
