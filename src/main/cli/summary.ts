/**
 * The readable summary `storeglance fetch` prints without --json: the headline figures with their
 * change against the same period last month, then each list the dashboard returned.
 */
import type { StoreSnapshot } from '../../shared/model'
import { formatFigure } from '../../shared/comparison'
import { change, formatChange } from '../../shared/period'
import { columns, oneLine } from './output'

/** "123 (+5.0% vs 117 in the same period last month)", or just the figure when there is no base. */
function withChange(current: number | null, base: number | null): string {
  if (current === null || base === null) return formatFigure(current)
  return `${formatFigure(current)} (${formatChange(change(current, base))} vs ${formatFigure(base)} in the same period last month)`
}

function headline(s: StoreSnapshot): string {
  return columns([
    ['Customers, all time', formatFigure(s.customers.allTime)],
    ['New customers this month', withChange(s.customers.thisMonth, s.customers.samePeriodLastMonth)],
    ['New customers last month', formatFigure(s.customers.lastMonth)],
    ['Transactions this month', withChange(s.transactions.thisMonth, s.transactions.samePeriodLastMonth)],
    ['Transactions last month', formatFigure(s.transactions.lastMonth)],
    ['Active campaigns', formatFigure(s.activeCampaigns)],
  ])
}

const name = (p: { firstName: string; lastName: string }) => oneLine(`${p.firstName} ${p.lastName}`) || '(no name)'

function section(title: string, rows: string[][], align: ('left' | 'right')[] = []): string {
  if (rows.length === 0) return `${title}: none returned`
  return `${title}\n${columns(rows, align)
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}`
}

function lists(s: StoreSnapshot): string[] {
  const activity = s.campaignActivity.map((c) => [
    oneLine(c.name),
    oneLine(c.type),
    formatFigure(c.days.reduce((sum, d) => sum + d.quantity, 0)),
    c.days.length ? `${c.days[0]!.date} to ${c.days[c.days.length - 1]!.date}` : '',
  ])
  return [
    section(
      'Most active customers',
      s.mostActive.map((c) => [name(c), `card ${oneLine(c.cardNumber)}`, `${formatFigure(c.transactions)} transactions`]),
      ['left', 'left', 'right'],
    ),
    section('Campaign activity (transactions per campaign)', activity, ['left', 'left', 'right']),
    section(
      'Latest transactions',
      s.lastTransactions.map((t) => [
        oneLine(t.date),
        name(t),
        oneLine(t.campaignName),
        t.amount === null ? '' : String(t.amount),
        t.redeemed ? 'redeemed' : '',
      ]),
      ['left', 'left', 'left', 'right'],
    ),
    section(
      'Latest customers',
      s.lastCustomers.map((c) => [oneLine(c.timeStamp), name(c), `card ${oneLine(c.cardNumber)}`]),
    ),
  ]
}

/** The whole summary of one snapshot, ending with a newline. */
export function fetchSummary(s: StoreSnapshot, where: { endpoint: string; userId: string }): string {
  const title = `Store ${oneLine(s.accountId)} (user ${oneLine(where.userId)} at ${where.endpoint}), fetched ${s.fetchedAt}`
  return `${[title, '', headline(s), '', ...lists(s).flatMap((l) => [l, ''])].join('\n').trimEnd()}\n`
}
