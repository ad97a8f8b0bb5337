/**
 * zod schemas of the alert settings (partial: missing fields take their defaults), per-store alert
 * settings and weekly windows. Shared by the replay scenario, settings.json and IPC input.
 */
import { z } from 'zod'
import { isValidTimeZone } from '../../../shared/period'
import { ACCOUNT_ID_PATTERN } from '../../../shared/model'
import { RULE_NUMBERS, type RuleNumber } from '../../../shared/alertRules'
import { ALL_DAYS, defaultAlertSettings, type AlertSettings, type NotificationSettings, type WeeklyWindow } from './types'

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM')

/** A weekly window; `days` defaults to every day. */
export const weeklyWindowSchema = z.strictObject({
  from: hhmm,
  to: hhmm,
  days: z
    .array(z.number().int().min(0).max(6))
    .max(7)
    .default([...ALL_DAYS])
    .transform((d) => [...new Set(d)].sort()),
}) satisfies z.ZodType<WeeklyWindow, unknown>

/** A rule's number within the range the Settings form also checks (shared/alertRules.ts). */
const num = (n: RuleNumber) => (n.integer ? z.number().int() : z.number()).min(n.min).max(n.max)
const R = RULE_NUMBERS

/**
 * Any part of the alert settings; `resolveAlertSettings` fills in the rest. Exactly these names
 * (strict): a misspelt field is an error, never silently a default.
 */
export const alertSettingsPatchSchema = z.strictObject({
  enabled: z.boolean().optional(),
  sound: z.boolean().optional(),
  quietHours: weeklyWindowSchema.nullable().optional(),
  rules: z
    .strictObject({
      unreachable: z.strictObject({ enabled: z.boolean(), polls: num(R.unreachable.polls) }).partial(),
      keyRejected: z.strictObject({ enabled: z.boolean() }).partial(),
      behindPace: z
        .strictObject({
          enabled: z.boolean(),
          percent: num(R.behindPace.percent),
          minBase: num(R.behindPace.minBase),
          polls: num(R.behindPace.polls),
        })
        .partial(),
      quietStore: z.strictObject({ enabled: z.boolean(), minutes: num(R.quietStore.minutes) }).partial(),
      recordDay: z.strictObject({ enabled: z.boolean(), minDays: num(R.recordDay.minDays) }).partial(),
      bigTransaction: z.strictObject({ enabled: z.boolean(), amount: num(R.bigTransaction.amount) }).partial(),
      target: z.strictObject({ enabled: z.boolean() }).partial(),
    })
    .partial()
    .optional(),
})

export type AlertSettingsPatch = z.infer<typeof alertSettingsPatchSchema>

/** The defaults with `patch` applied, field by field. */
export function resolveAlertSettings(patch: AlertSettingsPatch = {}): AlertSettings {
  const base = defaultAlertSettings()
  const rules = base.rules
  const p = patch.rules ?? {}
  return {
    enabled: patch.enabled ?? base.enabled,
    sound: patch.sound ?? base.sound,
    quietHours: patch.quietHours === undefined ? base.quietHours : patch.quietHours,
    rules: {
      unreachable: { ...rules.unreachable, ...p.unreachable },
      keyRejected: { ...rules.keyRejected, ...p.keyRejected },
      behindPace: { ...rules.behindPace, ...p.behindPace },
      quietStore: { ...rules.quietStore, ...p.quietStore },
      recordDay: { ...rules.recordDay, ...p.recordDay },
      bigTransaction: { ...rules.bigTransaction, ...p.bigTransaction },
      target: { ...rules.target, ...p.target },
    },
  }
}

export const notifyLevelSchema = z.enum(['all', 'important', 'none'])

/**
 * Per-store alert settings: level and opening hours (`null` = always open, absent = default). The
 * store's monthly target is the account's own `monthlyTarget` (one home: the window and the rule
 * read the same figure).
 */
export const storeAlertSettingsSchema = z.object({
  notify: notifyLevelSchema.default('all'),
  openingHours: weeklyWindowSchema.nullable().optional(),
})

export type StoreAlertSettings = z.infer<typeof storeAlertSettingsSchema>

/** An IANA zone name this runtime knows. */
export const timeZoneSchema = z.string().refine(isValidTimeZone, 'unknown time zone')

/**
 * The Notifications section of settings.json: any part of the global alert settings (the rest takes
 * its defaults) and each store's settings, keyed by the store's local id.
 */
export const notificationSettingsSchema = alertSettingsPatchSchema
  .extend({ stores: z.record(z.string().regex(ACCOUNT_ID_PATTERN), storeAlertSettingsSchema).default({}) })
  .transform((p): NotificationSettings => ({ ...resolveAlertSettings(p), stores: p.stores }))
