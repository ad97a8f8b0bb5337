/**
 * What the client keeps of a parsed snapshot: no more than was asked for, and only real dates.
 * A server that sends 60,000 transactions when ten were asked for must not get them saved, sent
 * over IPC and rendered; a per-day date that is not a calendar day must not reach the history
 * file (whose schema would then refuse the whole file).
 */
import type { CampaignActivity, RequestSizes, StoreSnapshot } from '../../../shared/model'

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * Whether `s` is a real calendar day written YYYY-MM-DD (no 2024-02-30, no 2024-13-01). Read digit
 * by digit without allocating: it runs for every per-day entry of every answer. Years 0000-0099
 * follow Date.UTC, which reads them as 1900-1999.
 */
export function isIsoDay(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false
  const y = digits(s, 0, 4)
  const m = digits(s, 5, 7)
  const d = digits(s, 8, 10)
  if (y < 0 || m < 1 || m > 12 || d < 1) return false
  const year = y <= 99 ? 1900 + y : y
  const leap = m === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return d <= DAYS_IN_MONTH[m - 1]! + (leap ? 1 : 0)
}

/** The number written by the ASCII digits s[from..to), or -1 when one of them is not a digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48
    if (c < 0 || c > 9) return -1
    n = n * 10 + c
  }
  return n
}

/** Most campaigns kept: a store runs a handful, and a flood must not reach the charts or the alert rules. */
export const MAX_CAMPAIGNS = 200

/** The snapshot cut to the asked sizes, and what was dropped, in words (for a warning). */
export interface BoundedSnapshot {
  snapshot: StoreSnapshot
  notes: string[]
}

/**
 * Keeps at most `sizes` items of each list (the server's order: newest first), the newest
 * `sizes.days` dates of each campaign's activity, and drops per-day entries whose date is not a
 * real YYYY-MM-DD; at most MAX_CAMPAIGNS campaigns. Without `sizes`, only the dates and the
 * number of campaigns are checked.
 */
export function boundSnapshot(s: StoreSnapshot, sizes?: RequestSizes): BoundedSnapshot {
  const notes: string[] = []
  const cut = <T>(list: T[], max: number | undefined, what: string): T[] => {
    if (max === undefined || list.length <= max) return list
    notes.push(`the server sent ${list.length} ${what} where ${max} were asked for; the first ${max} are kept`)
    return list.slice(0, max)
  }
  let badDates = 0
  let tooManyDays = false
  const campaigns = s.campaignActivity.length > MAX_CAMPAIGNS ? s.campaignActivity.slice(0, MAX_CAMPAIGNS) : s.campaignActivity
  if (campaigns.length < s.campaignActivity.length)
    notes.push(`the server sent ${s.campaignActivity.length} campaigns; the first ${MAX_CAMPAIGNS} are kept`)
  const campaignActivity = campaigns.map((c): CampaignActivity => {
    const real = c.days.filter((d) => isIsoDay(d.date))
    badDates += c.days.length - real.length
    // Days are sorted ascending: the newest are at the end.
    const keep = sizes && real.length > sizes.days ? real.slice(real.length - sizes.days) : real
    tooManyDays ||= keep.length < real.length
    return keep.length === c.days.length ? c : { ...c, days: keep }
  })
  if (badDates > 0) notes.push(`${badDates} per-day ${badDates === 1 ? 'entry was' : 'entries were'} dropped (not a real YYYY-MM-DD date)`)
  if (tooManyDays) notes.push(`the server sent more than ${sizes?.days} days of activity; the newest ${sizes?.days} are kept`)
  return {
    snapshot: {
      ...s,
      mostActive: cut(s.mostActive, sizes?.mostActive, 'most active customers'),
      campaignActivity,
      lastTransactions: cut(s.lastTransactions, sizes?.lastTransactions, 'transactions'),
      lastCustomers: cut(s.lastCustomers, sizes?.lastCustomers, 'recent customers'),
    },
    notes,
  }
}
