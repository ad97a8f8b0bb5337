/**
 * Reading a history file record by record: one bad record (or one per-day entry with a date that
 * is not a calendar day) costs that record or entry, not the whole 400-day file. When anything
 * is dropped, the original file is first copied aside (`<file>.corrupt-<time>`), so nothing the
 * user had is lost; the cleaned records are written back at the next change.
 */
import { constants, promises as fs } from 'node:fs'
import { basename } from 'node:path'
import { z } from 'zod'
import { isIsoDay } from '../api/bounds'
import { MAX_HISTORY_FILE_BYTES, readGuarded, type ReadOutcome } from './files'
import { historyRecordSchema, type HistoryRecord } from './schema'

/** The file's frame only: its records are checked one at a time. */
const historyFrameSchema = z.object({ version: z.literal(1), records: z.array(z.unknown()) })

/** What a history read gave: good records, how many were dropped, where the original went. */
export interface HistoryRead {
  outcome: ReadOutcome<unknown>
  records: HistoryRecord[]
  droppedRecords: number
  droppedDays: number
  /** File name of the copy of the original, when something was dropped and the copy worked. */
  copiedAs: string | null
}

/**
 * Reads `file`: a file that is not a history file at all is set aside (readGuarded); otherwise
 * every record that passes the schema is kept, per-day entries with unreal dates are dropped.
 */
export async function readHistoryFile(file: string, now: Date): Promise<HistoryRead> {
  const outcome = await readGuarded(file, historyFrameSchema, now, MAX_HISTORY_FILE_BYTES)
  const result: HistoryRead = { outcome, records: [], droppedRecords: 0, droppedDays: 0, copiedAs: null }
  if (outcome.kind !== 'ok') return result
  for (const raw of outcome.value.records) {
    const { value, dropped } = withRealDaysOnly(raw)
    result.droppedDays += dropped
    const parsed = historyRecordSchema.safeParse(value)
    if (parsed.success && isIsoDay(parsed.data.day)) result.records.push(parsed.data)
    else result.droppedRecords++
  }
  if (result.droppedRecords + result.droppedDays > 0) result.copiedAs = await copyAside(file, now)
  return result
}

/** The record with its activity's per-day entries whose date is not a real day removed. */
function withRealDaysOnly(raw: unknown): { value: unknown; dropped: number } {
  if (!isObject(raw) || !Array.isArray(raw.activity)) return { value: raw, dropped: 0 }
  let dropped = 0
  const activity = raw.activity.map((c: unknown) => {
    if (!isObject(c) || !Array.isArray(c.days)) return c
    const days = c.days.filter((d: unknown) => Array.isArray(d) && typeof d[0] === 'string' && isIsoDay(d[0]))
    dropped += c.days.length - days.length
    return { ...c, days }
  })
  return { value: { ...raw, activity }, dropped }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/** Copies `file` to a fresh `<file>.corrupt-<time>` name; null when that fails. */
async function copyAside(file: string, now: Date): Promise<string | null> {
  for (let i = 0; i < 100; i++) {
    const target = `${file}.corrupt-${new Date(now.getTime() + i).toISOString().replace(/[:.]/g, '-')}`
    try {
      await fs.copyFile(file, target, constants.COPYFILE_EXCL)
      return basename(target)
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') return null
    }
  }
  return null
}

/** The warning for a salvaged read, or null when nothing was dropped. */
export function salvageWarning(id: string, read: HistoryRead): string | null {
  const parts: string[] = []
  if (read.droppedRecords > 0) parts.push(`${read.droppedRecords} damaged day${read.droppedRecords === 1 ? '' : 's'}`)
  if (read.droppedDays > 0) parts.push(`${read.droppedDays} activity ${read.droppedDays === 1 ? 'entry' : 'entries'} with an invalid date`)
  if (parts.length === 0) return null
  const copy = read.copiedAs ? ` (the original file has been kept as ${read.copiedAs})` : ''
  return `The local history for ${id} had ${parts.join(' and ')}; ${read.droppedRecords + read.droppedDays > 1 ? 'they were' : 'it was'} left out and the rest kept${copy}.`
}
