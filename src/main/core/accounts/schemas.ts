/**
 * Validation of accounts and settings, shared by the settings file (every read and write) and the
 * IPC layer (renderer input is untrusted). Input schemas are strict: an unexpected field such as
 * `id` or `demo` from the renderer is refused, not silently kept.
 */
import { randomUUID } from 'node:crypto'
import { z } from 'zod'
import { DEFAULT_SETTINGS, MIN_INTERVAL_SEC, type Account, type AccountInput, type Settings } from '../../../shared/model'
import { validateEndpoint } from '../api'
import { ACCOUNT_ID_PATTERN } from '../../../shared/model'
import { isValidTimeZone } from '../../../shared/period'
import { ACCELERATOR_MAX, ACCELERATOR_PATTERN } from '../../../shared/accelerator'
import { notificationSettingsSchema } from '../alerts/schemas'
import { monthlyTargetSchema, storedViewSettingsFields, viewSettingsFields } from './viewSettings'

/** Longest per-account or global polling interval we accept: once a day. */
export const MAX_INTERVAL_SEC = 86_400
export const MAX_LABEL_LENGTH = 60

const IDENTITY_KEYS = ['endpoint', 'userId', 'accountId'] as const
/** The fields that identify a store on the platform; they cannot be edited, only removed and re-added. */
export type IdentityKey = (typeof IDENTITY_KEYS)[number]
export const identityKeys: readonly IdentityKey[] = IDENTITY_KEYS

/**
 * Explains why `raw` cannot be a dashboard endpoint, or returns null when it can. The client's own
 * rule (https, or http on loopback only; no credentials, query or fragment), so what the settings
 * accept is exactly what the client will send to.
 */
export function endpointProblem(raw: string): string | null {
  try {
    validateEndpoint(raw)
    return null
  } catch (err) {
    return (err as Error).message.replace(/\.$/, '')
  }
}

/** Canonical stored form of a valid endpoint: lower-case host, default port dropped, no trailing slash. */
export function normalizeEndpoint(raw: string): string {
  const url = new URL(raw.trim())
  return url.href.replace(/\/+$/, '')
}

/**
 * The endpoint as it identifies a server, for duplicate detection only: `https://host` and
 * `https://host/api.php` are the same platform endpoint (API.md §1).
 */
export function endpointIdentity(endpoint: string): string {
  return normalizeEndpoint(endpoint).replace(/\/api\.php$/i, '')
}

/** What identifies one store on the platform: its server, user id and account id. */
export type StoreIdentity = Pick<Account, 'endpoint' | 'userId' | 'accountId'>

/** True when `a` and `b` are the same store (same endpoint as it identifies a server, user id and account id). */
export function sameStore(a: StoreIdentity, b: StoreIdentity): boolean {
  return a.userId === b.userId && a.accountId === b.accountId && endpointIdentity(a.endpoint) === endpointIdentity(b.endpoint)
}

export { isValidTimeZone }

/** The computer's time zone: the default calendar of a new store. */
export function defaultTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** A new local account id ([A-Za-z0-9-], a UUID): also the keychain entry's account name. */
export function newAccountId(): string {
  return randomUUID()
}

const int = (min: number, max: number, what: string) =>
  z.number().int(`${what} must be a whole number`).min(min, `${what} must be at least ${min}`).max(max, `${what} must be at most ${max}`)

const platformId = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `The ${what} is empty`)
    .max(128, `The ${what} is too long`)
    .regex(/^[^\p{Cc}]+$/u, `The ${what} contains control characters`)

const intervalSchema = int(MIN_INTERVAL_SEC, MAX_INTERVAL_SEC, 'The polling interval (seconds)')

export const accountIdSchema = z.string().regex(ACCOUNT_ID_PATTERN, 'Invalid store id')

export const sizesSchema = z.object({
  mostActive: int(1, 100, 'Most active customers'),
  days: int(1, 90, 'Days of campaign activity'),
  lastTransactions: int(1, 100, 'Last transactions'),
  lastCustomers: int(1, 100, 'Last customers'),
})

const endpointSchema = z
  .string()
  .max(2048, 'The endpoint is too long')
  .superRefine((value, ctx) => {
    const problem = endpointProblem(value)
    if (problem) ctx.addIssue({ code: 'custom', message: problem })
  })
  .transform(normalizeEndpoint)

/**
 * A store name as one plain line: control characters (line breaks, NUL…) become spaces and the
 * bidirectional overrides and isolates are dropped, so a name cannot break a notification, the
 * tray menu or a CSV line, or show its text reversed. Applied when reading too: it never refuses.
 */
export function cleanLabel(label: string): string {
  return label
    .replace(/[\p{Cc}\u2028\u2029]+/gu, ' ')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim()
}

const editableFields = {
  label: z
    .string()
    .transform(cleanLabel)
    .pipe(
      z.string().min(1, 'The store name is empty').max(MAX_LABEL_LENGTH, `The store name must be ${MAX_LABEL_LENGTH} characters or fewer`),
    ),
  timeZone: z.string().trim().refine(isValidTimeZone, 'Unknown time zone (expected an IANA name such as Europe/Paris)'),
  colour: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'The colour must be #rrggbb')
    .transform((c) => c.toLowerCase()),
  enabled: z.boolean(),
  format: z.enum(['xml', 'json']),
  sizes: sizesSchema,
  intervalSec: intervalSchema.optional(),
  limitedPermissions: z.boolean().optional(),
  monthlyTarget: monthlyTargetSchema.optional(),
}

const identityFields = {
  endpoint: endpointSchema,
  userId: platformId('user id'),
  accountId: platformId('account id'),
}

/** A new store as sent by the renderer (no id, no demo flag: main assigns those). */
export const accountInputSchema = z.strictObject({ ...identityFields, ...editableFields })

/**
 * An edit of an existing store: any editable field, never the identity. `intervalSec: null`
 * removes the per-store interval override.
 */
export const accountPatchSchema = z
  .strictObject({
    ...editableFields,
    intervalSec: intervalSchema.nullable().optional(),
    monthlyTarget: monthlyTargetSchema.nullable().optional(),
  })
  .partial()

/** An account as kept in settings.json. Unknown fields are dropped (including `demo`). */
/**
 * A saved store's name: cleaned like a new one, but never refused. A name that was only control or
 * direction characters (which older versions kept) becomes "Store" rather than losing the store.
 */
const storedLabel = z.string().transform((label) => cleanLabel(label).slice(0, MAX_LABEL_LENGTH) || 'Store')

export const storedAccountSchema = z.object({ id: accountIdSchema, ...identityFields, ...editableFields, label: storedLabel })

/**
 * An Electron accelerator for a global shortcut: one to four modifiers, then one key. A modifier
 * is required, so a shortcut never takes a plain key away from every other application.
 */
export const acceleratorSchema = z
  .string()
  .max(ACCELERATOR_MAX)
  .regex(ACCELERATOR_PATTERN, 'must be modifiers and one key, e.g. CommandOrControl+Alt+G')

const settingsFields = {
  intervalSec: intervalSchema,
  alerts: notificationSettingsSchema,
  launchAtLogin: z.boolean(),
  globalShortcut: acceleratorSchema.nullable(),
}

/**
 * Application settings as kept in settings.json. Fields added after the first release have
 * defaults, so an older file reads without a warning.
 */
export const settingsSchema = z.object({
  ...settingsFields,
  launchAtLogin: settingsFields.launchAtLogin.default(DEFAULT_SETTINGS.launchAtLogin),
  globalShortcut: settingsFields.globalShortcut.default(DEFAULT_SETTINGS.globalShortcut),
  ...storedViewSettingsFields,
})

/** A change of application settings from the renderer. */
export const settingsPatchSchema = z.strictObject({ ...settingsFields, ...viewSettingsFields }).partial()

export type AccountPatch = z.output<typeof accountPatchSchema>
export type SettingsPatch = z.output<typeof settingsPatchSchema>

/** Turns zod issues into one user-facing sentence per problem (never echoes input values). */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length && issue.code !== 'custom' ? `${issue.path.join('.')}: ` : ''
      return `${where}${issue.message}`
    })
    .join('; ')
}

// Compile-time checks: the schemas produce exactly the shared model's types.
type Assert<T extends true> = T
export type _SchemaChecks = [
  Assert<z.output<typeof accountInputSchema> extends AccountInput ? true : false>,
  Assert<AccountInput extends z.output<typeof accountInputSchema> ? true : false>,
  Assert<z.output<typeof storedAccountSchema> extends Account ? true : false>,
  Assert<z.output<typeof settingsSchema> extends Settings ? true : false>,
  Assert<Settings extends z.output<typeof settingsSchema> ? true : false>,
]
