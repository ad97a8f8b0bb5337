/**
 * The `alerts replay` scenario (a public contract, README "Alert scenarios"): JSON lines, an
 * optional first line with the stores and alert settings, then time-ordered poll outcomes, mutes and
 * unmutes. The whole text is checked before anything runs; the first problem names its line.
 */
import { z } from 'zod'
import type { StoreSnapshot } from '../../../shared/model'
import { isInstant } from '../../../shared/period'
import { isIsoDay, MAX_CAMPAIGNS } from '../api/bounds'
import { alertSettingsPatchSchema, notifyLevelSchema, resolveAlertSettings, timeZoneSchema, weeklyWindowSchema } from './schemas'
import type { AlertSettings, AlertStore, EngineEvent } from './types'

/** Longest line accepted (a snapshot with a thousand transactions fits many times over). */
export const MAX_LINE_CHARS = 8 * 1024 * 1024

/** A scenario line that cannot be used; `line` is 1-based. */
export class ScenarioError extends Error {
  override readonly name = 'ScenarioError'
  constructor(
    readonly line: number,
    readonly problem: string,
  ) {
    super(`line ${line}: ${problem}`)
  }
}

export interface Scenario {
  settings: AlertSettings
  stores: Map<string, AlertStore>
  events: EngineEvent[]
}

const instant = z.string().max(64).refine(isInstant, 'expected an ISO-8601 instant with a zone, e.g. 2025-03-10T09:00:00Z')
const storeId = z.string().min(1).max(200)

const accountSchema = z.strictObject({
  id: storeId,
  label: z.string().max(200).optional(),
  timeZone: timeZoneSchema.optional(),
  notify: notifyLevelSchema.optional(),
  openingHours: weeklyWindowSchema.nullable().optional(),
  monthlyTarget: z.number().min(0).max(1e12).nullable().optional(),
})

const headerSchema = z.strictObject({
  accounts: z.array(accountSchema).max(10_000).optional(),
  alerts: alertSettingsPatchSchema.optional(),
})

const count = z.number().nullable()
/** Longest list in a snapshot line: far above what a store is asked for (the app asks for at most a few hundred). */
const MAX_LIST = 10_000
const str = z.string().max(10_000).default('')
/** Lenient StoreSnapshot: the figures the rules read are checked, the rest defaults to empty. */
const snapshotSchema = z.object({
  accountId: str,
  fetchedAt: str,
  customers: z.object({ allTime: count, thisMonth: count, lastMonth: count, samePeriodLastMonth: count }).partial().default({}),
  transactions: z.object({ thisMonth: count.default(null), lastMonth: count.default(null), samePeriodLastMonth: count.default(null) }),
  activeCampaigns: count.default(null),
  mostActive: z.array(z.unknown()).max(MAX_LIST).default([]),
  campaignActivity: z
    .array(
      z.object({
        campaignId: str,
        name: str,
        type: str,
        days: z
          .array(z.object({ date: z.string().refine(isIsoDay, 'not a calendar day (YYYY-MM-DD)'), quantity: z.number() }))
          .max(MAX_LIST),
      }),
    )
    .max(MAX_CAMPAIGNS)
    .default([]),
  // An empty transaction id is what the client makes of an empty <transaction_id>; the rules cope.
  lastTransactions: z
    .array(z.object({ transactionId: z.string().max(200), amount: z.number().nullable().default(null), campaignName: str }).loose())
    .max(MAX_LIST)
    .default([]),
  lastCustomers: z.array(z.unknown()).max(MAX_LIST).default([]),
})

const errorKind = z.enum(['api', 'http', 'timeout', 'network', 'response', 'keychain'])
const eventSchemas = {
  snapshot: z.strictObject({ at: instant, store: storeId, snapshot: snapshotSchema }),
  error: z.strictObject({
    at: instant,
    store: storeId,
    error: z.strictObject({ kind: errorKind, message: z.string().max(10_000).default('') }),
  }),
  mute: z.strictObject({ at: instant, mute: z.strictObject({ until: instant }) }),
  unmute: z.strictObject({ at: instant, unmute: z.literal(true) }),
}
const EVENT_SHAPES = 'expected {"at", "store", "snapshot"}, {"at", "store", "error"}, {"at", "mute"} or {"at", "unmute": true}'

/** The event line's schema, chosen by its one event key, so a problem is told inside that kind of line. */
function eventSchemaOf(value: unknown) {
  if (typeof value !== 'object' || value === null) return null
  const kinds = (['snapshot', 'error', 'mute', 'unmute'] as const).filter((k) => Object.hasOwn(value, k))
  return kinds.length === 1 ? eventSchemas[kinds[0]!] : null
}

/** The first problem zod found, as a short phrase with its path. */
function problemOf(err: z.ZodError): string {
  const issue = err.issues[0]
  if (!issue) return 'not a valid line'
  if (issue.code === 'invalid_union') return EVENT_SHAPES
  const path = issue.path.join('.')
  return path ? `${path}: ${issue.message}` : issue.message
}

function toStore(a: z.infer<typeof accountSchema>): AlertStore {
  const store: AlertStore = {
    id: a.id,
    label: a.label ?? a.id,
    timeZone: a.timeZone ?? 'UTC',
    notify: a.notify ?? 'all',
    monthlyTarget: a.monthlyTarget ?? null,
  }
  if (a.openingHours !== undefined) store.openingHours = a.openingHours
  return store
}

function parseJsonLine(raw: string, line: number): unknown {
  if (raw.length > MAX_LINE_CHARS) throw new ScenarioError(line, `longer than ${MAX_LINE_CHARS} characters`)
  try {
    return JSON.parse(raw) as unknown
  } catch {
    throw new ScenarioError(line, 'not valid JSON')
  }
}

function isHeader(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('at' in value)
}

function readHeader(value: unknown, line: number, scenario: Scenario): void {
  const parsed = headerSchema.safeParse(value)
  if (!parsed.success) throw new ScenarioError(line, problemOf(parsed.error))
  scenario.settings = resolveAlertSettings(parsed.data.alerts ?? {})
  for (const a of parsed.data.accounts ?? []) {
    if (scenario.stores.has(a.id)) throw new ScenarioError(line, `store "${a.id.slice(0, 60)}" is listed twice`)
    scenario.stores.set(a.id, toStore(a))
  }
}

/** Parses and checks a whole scenario; throws a ScenarioError for the first bad line. Blank lines are skipped. */
export function parseScenario(text: string): Scenario {
  const scenario: Scenario = { settings: resolveAlertSettings(), stores: new Map(), events: [] }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/)
  let previous = -Infinity
  let first = true
  for (const [i, raw] of lines.entries()) {
    if (raw.trim() === '') continue
    const line = i + 1
    const value = parseJsonLine(raw, line)
    if (first && isHeader(value)) {
      first = false
      readHeader(value, line, scenario)
      continue
    }
    first = false
    const schema = eventSchemaOf(value)
    if (!schema) throw new ScenarioError(line, EVENT_SHAPES)
    const parsed = schema.safeParse(value)
    if (!parsed.success) throw new ScenarioError(line, problemOf(parsed.error))
    const t = Date.parse(parsed.data.at)
    if (t < previous) throw new ScenarioError(line, 'out of time order (earlier than the line before)')
    previous = t
    scenario.events.push(parsed.data as EngineEvent & { snapshot?: StoreSnapshot })
  }
  return scenario
}
