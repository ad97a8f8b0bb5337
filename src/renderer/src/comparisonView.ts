/**
 * How the window arranges the shared comparison: the user's store order, the sort by one figure,
 * and the per-day series (absolute or indexed). Pure functions, so the views and the tests agree.
 */
import type { Comparison } from '../../shared/comparison'
import type { DailyCount } from '../../shared/projection'
import type { Settings } from '../../shared/model'

export { inUserOrder } from '../../shared/order'

export type Sort = Settings['comparisonSort']

/** The next sort after clicking a figure's row header: ascending, descending, then the user's order. */
export function nextSort(current: Sort, row: string): Sort {
  if (!current || current.row !== row) return { row, dir: 'asc' }
  return current.dir === 'asc' ? { row, dir: 'desc' } : null
}

/** `aria-sort` of a row header under the current sort. */
export function ariaSort(current: Sort, row: string): 'ascending' | 'descending' | 'none' {
  if (!current || current.row !== row) return 'none'
  return current.dir === 'asc' ? 'ascending' : 'descending'
}

/**
 * The comparison with its store columns sorted by one row's values (unknown values last, ties in
 * the user's order). Totals do not move. Without a sort, or with an unknown row, it is returned as is.
 */
export function sortComparison(c: Comparison, sort: Sort): Comparison {
  const row = sort && c.rows.find((r) => r.key === sort.row)
  if (!sort || !row) return c
  const sign = sort.dir === 'asc' ? 1 : -1
  const order = c.stores
    .map((_, i) => i)
    .sort((a, b) => {
      const va = row.cells[a]!.value
      const vb = row.cells[b]!.value
      if (va === null || vb === null) return va === vb ? a - b : va === null ? 1 : -1
      return va === vb ? a - b : sign * (va - vb)
    })
  return { stores: order.map((i) => c.stores[i]!), rows: c.rows.map((r) => ({ ...r, cells: order.map((i) => r.cells[i]!) })) }
}

/** Each day as a percentage of the series' own daily average over the window (0 when it has none). */
export function indexed(days: readonly DailyCount[]): DailyCount[] {
  const mean = days.reduce((a, d) => a + d.quantity, 0) / (days.length || 1)
  return days.map((d) => ({ date: d.date, quantity: mean > 0 ? Math.round((d.quantity / mean) * 1000) / 10 : 0 }))
}

/** Progress against a monthly target: so far and projected, as fractions of the target. */
export function targetProgress(
  target: number | undefined,
  soFar: number | null,
  projected: number | null,
): { soFar: number | null; projected: number | null } | null {
  if (!target || target <= 0) return null
  return { soFar: soFar === null ? null : soFar / target, projected: projected === null ? null : projected / target }
}

/**
 * `next`, or `prev` itself when both hold the same items (by `same`): a computed that returns the
 * previous array keeps its dependents (charts) from redrawing when nothing they show changed.
 */
export function keepIfSame<T>(prev: readonly T[] | undefined, next: readonly T[], same: (a: T, b: T) => boolean): readonly T[] {
  if (!prev) return next
  // Unchanged items keep their identity too, so a chart redraws only the series that changed.
  const merged = next.map((item, i) => (i < prev.length && same(prev[i]!, item) ? prev[i]! : item))
  return merged.length === prev.length && merged.every((item, i) => item === prev[i]) ? prev : merged
}
