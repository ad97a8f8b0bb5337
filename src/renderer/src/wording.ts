/** Counts in words: singular or plural, the Overview's coverage line and the Alerts badge. */

import { counted } from '../../shared/counted'

export { counted }

/**
 * What the Overview says the totals cover: nothing with one store and none hidden, "Totals cover
 * both stores" or "all 4 stores" when none is hidden, "Totals cover 3 of 4 stores" otherwise.
 */
export function coverageText(shown: number, total: number): string {
  if (shown >= total) return total <= 1 ? '' : total === 2 ? 'Totals cover both stores' : `Totals cover all ${counted(total, 'store')}`
  return `Totals cover ${shown.toLocaleString('en-US')} of ${counted(total, 'store')}`
}

/** What the Alerts view lists that asks for the owner: unread alerts, failing stores, app warnings. */
export interface AlertsBadgeInput {
  unread: number
  failing: number
  warnings: number
}

/** The Alerts badge: the sum of what the Alerts view lists for action, and the same in words (empty when 0). */
export function alertsBadge(input: AlertsBadgeInput): { count: number; label: string } {
  const count = input.unread + input.failing + input.warnings
  const parts = [
    input.unread ? counted(input.unread, 'unread alert') : '',
    input.failing ? `${counted(input.failing, 'store')} failing` : '',
    input.warnings ? counted(input.warnings, 'warning') : '',
  ].filter(Boolean)
  return { count, label: parts.join(', ') }
}

/** A fraction as a whole percentage that never reads as none or all when it is neither: "<1%", ">99%". */
export function shareText(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—'
  const rounded = Math.round(fraction * 100)
  if (fraction > 0 && rounded === 0) return '<1%'
  if (fraction < 1 && rounded === 100) return '>99%'
  return `${rounded}%`
}

/** A store as the status bar counts it. */
export interface StatusBarStore {
  failing: boolean
  needsAttention: boolean
  stale: boolean
}

/**
 * The status bar's warnings, each store counted once: "1 needs attention" (the owner must act),
 * "2 not updating" (failing, will be retried), "1 out of date".
 */
export function statusBarWarnings(stores: readonly StatusBarStore[]): string[] {
  const attention = stores.filter((s) => s.needsAttention).length
  const notUpdating = stores.filter((s) => s.failing && !s.needsAttention).length
  const stale = stores.filter((s) => s.stale && !s.failing && !s.needsAttention).length
  return [
    notUpdating ? `${notUpdating.toLocaleString('en-US')} not updating` : '',
    attention ? `${attention.toLocaleString('en-US')} ${attention === 1 ? 'needs' : 'need'} attention` : '',
    stale ? `${stale.toLocaleString('en-US')} out of date` : '',
  ].filter(Boolean)
}
