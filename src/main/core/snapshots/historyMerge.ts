/**
 * Folding a later answer into the same day's history record without losing activity. Older records
 * keep only the (campaign, date) pairs no newer record holds (see `compact`), so a day's record is
 * often the only holder of a pair: replacing it with an answer that carries fewer days (the user
 * lowered the activity list size, or one answer lacked the section) must not drop those pairs.
 */
import type { HistoryRecord } from './schema'

type Activity = HistoryRecord['activity'][number]

/**
 * `entry` as the new record of its day, keeping every (campaign, date) pair of `old` (the record it
 * replaces) that `entry` lacks. Where both have a date, `entry`'s quantity wins; a campaign only
 * `old` knows keeps its name and type. Dates come out ascending per campaign.
 */
export function mergeDayRecord(old: HistoryRecord | undefined, entry: HistoryRecord): HistoryRecord {
  if (!old) return entry
  const byId = new Map<string, Activity>()
  for (const c of old.activity) byId.set(c.campaignId, c)
  const merged: Activity[] = entry.activity.map((c) => mergeCampaign(byId.get(c.campaignId), c))
  const fresh = new Set(entry.activity.map((c) => c.campaignId))
  for (const c of old.activity) if (!fresh.has(c.campaignId) && c.days.length > 0) merged.push(c)
  return { ...entry, activity: merged }
}

/** The campaign's days from both records, `next` winning on a shared date, ascending by date. */
function mergeCampaign(prev: Activity | undefined, next: Activity): Activity {
  if (!prev) return next
  const days = new Map<string, number>(prev.days)
  for (const [date, quantity] of next.days) days.set(date, quantity)
  const sorted = [...days].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return { ...next, days: sorted }
}
