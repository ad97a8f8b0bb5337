/**
 * What the add/edit form checks as the user types. Main validates again (renderer input is
 * untrusted); these rules only give the answer sooner, with the same limits.
 */
import { MIN_INTERVAL_SEC } from '../../shared/model'

/** The API's list sizes (and days of activity) the settings accept. */
export const SIZE_RANGES = {
  mostActive: { min: 1, max: 100, label: 'Most active customers' },
  days: { min: 1, max: 90, label: 'Days of activity' },
  lastTransactions: { min: 1, max: 100, label: 'Latest transactions' },
  lastCustomers: { min: 1, max: 100, label: 'Latest customers' },
} as const

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i

/** Why an endpoint is refused, or null: https, or http on this computer only; no credentials. */
export function endpointError(raw: string): string | null {
  let url: URL
  try {
    url = new URL(raw.trim())
  } catch {
    return 'Enter a full address, such as https://api.clienttoolbox.com'
  }
  if (url.username || url.password) return 'The address must not contain a user name or password'
  if (url.search || url.hash) return 'The address must not contain ? or #'
  if (url.protocol === 'https:') return null
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return null
  return 'The address must start with https:// (plain http only on this computer)'
}

/** Every IANA time zone this runtime knows, for the searchable list. */
export function timeZones(): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] }
  const zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : []
  return zones.includes('UTC') ? zones : ['UTC', ...zones]
}

/** True when `tz` is a zone Intl accepts. */
export function isTimeZone(tz: string): boolean {
  if (!tz || tz.length > 64) return false
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz })
    return true
  } catch {
    return false
  }
}

/** Why a whole number field is refused, or null. Empty is allowed when `optional`. */
export function intError(
  raw: string | number | null | undefined,
  min: number,
  max: number,
  label: string,
  optional = false,
): string | null {
  if (raw === '' || raw === null || raw === undefined) return optional ? null : `${label} is required`
  const n = Number(raw)
  if (!Number.isInteger(n)) return `${label} must be a whole number`
  if (n < min || n > max) return `${label} must be between ${min.toLocaleString('en-US')} and ${max.toLocaleString('en-US')}`
  return null
}

/** Polling interval choices in minutes (the API asks for no more than once a minute). */
export const INTERVAL_MINUTES = [1, 2, 5, 10, 15, 30, 60].filter((m) => m * 60 >= MIN_INTERVAL_SEC)
