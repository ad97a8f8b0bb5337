/**
 * The side-by-side comparison of stores (one column per store plus a total, one row per figure),
 * built once here and drawn by both the window and the CLI, so they can never disagree.
 */
import type { StoreSnapshot } from './model'
import { change, coverageText, formatChange, shareOf, totalOf, type Change, type Total } from './period'
import { dailyTotals, mergeDaily, projectMonthEnd, type DailyCount, type Projection } from './projection'

/** One store's column input. `snapshot` is null when nothing was ever fetched. */
export interface ComparisonStore {
  id: string
  label: string
  timeZone: string
  snapshot: StoreSnapshot | null
  /** Older per-day transactions from the local history, for the projection's weekday figures. */
  history?: readonly DailyCount[]
}

export interface ComparisonCell {
  value: number | null
  /** Against the same period last month, where the row has one. */
  change?: Change
  /** Share of the row's total, 0–1, where the row has one. */
  share?: number | null
  /** The month-end projection behind the value, with its range and method (pace row only). */
  projection?: Projection
}

export interface ComparisonRow {
  key: string
  label: string
  cells: ComparisonCell[]
  total: ComparisonCell & { coverage: string }
  /** The row is a projection, not a reported figure. */
  projection?: boolean
}

export interface Comparison {
  stores: ComparisonStore[]
  rows: ComparisonRow[]
}

/** A figure of one store's snapshot (the store itself gives its calendar). */
type Pick = (snapshot: StoreSnapshot, store: ComparisonStore) => number | null

function row(key: string, label: string, stores: ComparisonStore[], pick: Pick, base?: Pick, withShare = false): ComparisonRow {
  const values = stores.map((s) => (s.snapshot ? pick(s.snapshot, s) : null))
  const total = totalOf(values)
  const cells: ComparisonCell[] = values.map((value, i) => {
    const snap = stores[i]!.snapshot
    const cell: ComparisonCell = { value }
    if (base) cell.change = change(value, snap ? base(snap, stores[i]!) : null)
    if (withShare) cell.share = shareOf(value, total.value)
    return cell
  })
  const totalCell: ComparisonRow['total'] = { value: total.value, coverage: coverageText(total) }
  if (base) totalCell.change = change(total.value, sumBase(stores, pick, base, total))
  return { key, label, cells, total: totalCell }
}

/** The base of a total covers exactly the stores whose figure is in the total. */
function sumBase(stores: ComparisonStore[], pick: Pick, base: Pick, total: Total): number | null {
  if (total.covered === 0) return null
  const bases = stores.filter((s) => s.snapshot && pick(s.snapshot, s) !== null).map((s) => base(s.snapshot!, s))
  return bases.some((b) => b === null) ? null : (bases as number[]).reduce((a, b) => a + b, 0)
}

/**
 * A store's month-end projection, from the moment the figure was fetched (a stale "this month" may
 * be last month's), with the weekday figures of its activity and local history.
 */
function paceCell(s: ComparisonStore): ComparisonCell {
  if (!s.snapshot) return { value: null }
  const daily = mergeDaily(s.history ?? [], dailyTotals(s.snapshot.campaignActivity))
  const projection = projectMonthEnd(s.snapshot.transactions.thisMonth, new Date(s.snapshot.fetchedAt), s.timeZone, daily)
  return projection ? { value: projection.value, projection } : { value: null }
}

/** The month-end projection row: each store's projection with its range and method, built once. */
function paceRow(stores: ComparisonStore[]): ComparisonRow {
  const cells = stores.map(paceCell)
  const total = totalOf(cells.map((c) => c.value))
  return {
    key: 'pace',
    label: 'Transactions, month-end pace',
    cells,
    total: { value: total.value, coverage: coverageText(total) },
    projection: true,
  }
}

/** Builds every row of the comparison; the month-end pace is on each store's calendar. */
export function buildComparison(stores: ComparisonStore[]): Comparison {
  return {
    stores,
    rows: [
      row('customersAllTime', 'Customers, all time', stores, (s) => s.customers.allTime, undefined, true),
      row(
        'customersThisMonth',
        'New customers this month',
        stores,
        (s) => s.customers.thisMonth,
        (s) => s.customers.samePeriodLastMonth,
      ),
      row('customersSamePeriod', 'New customers, same period last month', stores, (s) => s.customers.samePeriodLastMonth),
      row(
        'transactionsThisMonth',
        'Transactions this month',
        stores,
        (s) => s.transactions.thisMonth,
        (s) => s.transactions.samePeriodLastMonth,
        true,
      ),
      row('transactionsSamePeriod', 'Transactions, same period last month', stores, (s) => s.transactions.samePeriodLastMonth),
      paceRow(stores),
      row('activeCampaigns', 'Active campaigns', stores, (s) => s.activeCampaigns),
    ],
  }
}

/** A figure as text: thousands separators, "—" when unknown. */
export function formatFigure(value: number | null): string {
  return value === null ? '—' : value.toLocaleString('en-US')
}

/** A cell as one line of text, e.g. "8,905 (−1.3%)". */
export function formatCell(cell: ComparisonCell): string {
  const text = formatFigure(cell.value)
  return cell.change && cell.value !== null ? `${text} (${formatChange(cell.change)})` : text
}
