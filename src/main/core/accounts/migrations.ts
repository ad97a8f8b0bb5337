/**
 * The settings file's format versions and how to bring an older file up to the current one. Each
 * entry of `migrations` turns version n into version n+1; they are applied in order, so a file from
 * any older version reaches the current one through the same steps a user upgrading step by step
 * would have taken. Migrations are pure: they never touch the disk.
 */
import { DEFAULT_SETTINGS, DEFAULT_SIZES, STORE_COLOURS } from '../../../shared/model'
import { defaultNotificationSettings } from '../../../shared/alerts'
import { defaultTimeZone } from './schemas'
import { isRecord } from '../../../shared/isRecord'

/** The format this build reads and writes. */
export const CURRENT_VERSION = 2

/** One step: the parsed JSON of version n in, the parsed JSON of version n+1 out. */
export type Migration = (data: unknown) => unknown

/**
 * v0 (the pre-release format) was a bare JSON array of stores `{ id, label, endpoint, userId,
 * accountId, colour?, timeZone?, enabled? }`, with no settings, no request sizes and no format.
 * v1 wraps it as `{ version: 1, settings, accounts }` and gives each store the defaults.
 */
function v0ToV1(data: unknown): unknown {
  const list = Array.isArray(data) ? data : []
  const accounts = list.map((item, i) => {
    if (!isRecord(item)) return item // left for validation to report
    return {
      timeZone: defaultTimeZone(),
      colour: STORE_COLOURS[i % STORE_COLOURS.length],
      enabled: true,
      ...item,
      format: 'xml',
      sizes: { ...DEFAULT_SIZES },
    }
  })
  return { version: 1, settings: { intervalSec: DEFAULT_SETTINGS.intervalSec, notifications: true, quietHours: null }, accounts }
}

/** A quiet-hours value of v1 (`{ from, to }`, every day), or undefined when it was not one. */
function v1QuietHours(value: unknown): unknown {
  if (value === null) return null
  if (isRecord(value) && typeof value.from === 'string' && typeof value.to === 'string')
    return { from: value.from, to: value.to, days: [0, 1, 2, 3, 4, 5, 6] }
  return undefined
}

/**
 * v2 moves the v1 settings `notifications` (the global switch) and `quietHours` (`{ from, to }`,
 * every day) into `settings.alerts`, the Notifications section (sound, quiet hours with weekdays,
 * each rule, each store's level, opening hours and target); everything new takes its default.
 */
function v1ToV2(data: unknown): unknown {
  if (!isRecord(data)) return data
  const settings = isRecord(data.settings) ? data.settings : {}
  const { notifications, quietHours, ...rest } = settings
  const alerts: Record<string, unknown> = { ...defaultNotificationSettings() }
  if (typeof notifications === 'boolean') alerts.enabled = notifications
  const quiet = v1QuietHours(quietHours)
  if (quiet !== undefined) alerts.quietHours = quiet
  return { ...data, version: 2, settings: { ...rest, alerts } }
}

/** Migration table: key n migrates version n to n+1. */
export const migrations: Readonly<Record<number, Migration>> = Object.freeze({ 0: v0ToV1, 1: v1ToV2 })

/**
 * The format version of a parsed file: 0 for a bare array (v0), the `version` field of an object,
 * or null when the content has no recognizable layout.
 */
export function detectVersion(data: unknown): number | null {
  if (Array.isArray(data)) return 0
  if (isRecord(data) && Number.isInteger(data.version) && (data.version as number) >= 1) return data.version as number
  return null
}

/** Applies every migration from `from` up to CURRENT_VERSION. Throws when a step is missing. */
export function migrate(data: unknown, from: number, table: Readonly<Record<number, Migration>> = migrations): unknown {
  let current = data
  for (let v = from; v < CURRENT_VERSION; v++) {
    const step = table[v]
    if (!step) throw new Error(`no migration from format version ${v}`)
    current = step(current)
  }
  return current
}
