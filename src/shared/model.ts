import { defaultNotificationSettings, type NotificationSettings } from './alerts'

/**
 * The data every process agrees on: the normalized dashboard snapshot (API.md §3), accounts,
 * settings and per-store status. No Node, DOM or Electron imports here.
 */

/** One store's dashboard, normalized from XML or JSON. `null` = not returned, `0` = the server said zero. */
export interface StoreSnapshot {
  /** The platform's account id (the store), as sent. */
  accountId: string
  /** ISO-8601 instant at which the client received the response. */
  fetchedAt: string
  customers: { allTime: number | null; thisMonth: number | null; lastMonth: number | null; samePeriodLastMonth: number | null }
  transactions: { thisMonth: number | null; lastMonth: number | null; samePeriodLastMonth: number | null }
  activeCampaigns: number | null
  mostActive: MostActiveCustomer[]
  campaignActivity: CampaignActivity[]
  lastTransactions: Transaction[]
  lastCustomers: RecentCustomer[]
}

export interface MostActiveCustomer {
  code: string
  cardNumber: string
  firstName: string
  lastName: string
  transactions: number
}

export interface CampaignActivity {
  campaignId: string
  name: string
  type: string
  /** Ascending by date (YYYY-MM-DD, the store's calendar). */
  days: { date: string; quantity: number }[]
}

export interface Transaction {
  transactionId: string
  campaignId: string
  campaignName: string
  campaignType: string
  code: string
  cardNumber: string
  firstName: string
  lastName: string
  /** As sent by the server, in the store's local time; never shifted. */
  date: string
  amount: number | null
  redeemed: boolean
  item: string
  description: string
  user: string
}

export interface RecentCustomer {
  code: string
  cardNumber: string
  firstName: string
  lastName: string
  /** As sent by the server (store local time, no zone); never shifted. */
  timeStamp: string
}

/** Response format asked of the server. XML is the default: only XML's shape is documented. */
export type ResponseFormat = 'xml' | 'json'

/** How many rows each list section asks for. */
export interface RequestSizes {
  mostActive: number
  days: number
  lastTransactions: number
  lastCustomers: number
}

export const DEFAULT_SIZES: Readonly<RequestSizes> = Object.freeze({
  mostActive: 10,
  days: 30,
  lastTransactions: 10,
  lastCustomers: 10,
})

/** The vendor's endpoint, shared by every account unless the store has a vanity domain. */
export const DEFAULT_ENDPOINT = 'https://api.clienttoolbox.com'

/** Polling interval bounds, in seconds (API.md §1: never more often than once a minute). */
export const DEFAULT_INTERVAL_SEC = 300
export const MIN_INTERVAL_SEC = 60

/**
 * One store the owner monitors. Identity is (endpoint, userId, accountId); `id` is our own
 * stable local id. The API key is never part of this object: it lives in the OS keychain.
 */
export interface Account {
  id: string
  label: string
  endpoint: string
  userId: string
  accountId: string
  /** IANA time zone of the store's calendar; defaults to the computer's. */
  timeZone: string
  /** Display colour, `#rrggbb`. */
  colour: string
  enabled: boolean
  format: ResponseFormat
  sizes: RequestSizes
  /** Per-account polling interval override, seconds (>= MIN_INTERVAL_SEC). */
  intervalSec?: number
  /** The user is not an owner/admin: figures cover only what that user may see. */
  limitedPermissions?: boolean
  /** A store of the built-in demo server; its key lives in memory only. */
  demo?: boolean
  /** Transactions the owner aims for in a month (Overview shows progress against it). */
  monthlyTarget?: number
}

/** What the user may send to create a store (id is assigned by main). */
export type AccountInput = Omit<Account, 'id' | 'demo'>

/** Application settings persisted beside the accounts. */
export interface Settings {
  intervalSec: number
  /** Notifications: global switch, sound, quiet hours, each rule, and each store's level, hours and target. */
  alerts: NotificationSettings
  /** Start with the computer (hidden, in the tray). Off unless the user turns it on. */
  launchAtLogin: boolean
  /** The system-wide key combination that shows and hides the window (Electron accelerator); null = none. */
  globalShortcut: string | null
  /** Colour theme; 'system' follows the OS, live. */
  theme: ThemeSetting
  /** Stores left out of the comparison (still polled). */
  hiddenStores: string[]
  /** The user's order of the stores (ids); stores not named follow in the order they were added. */
  storeOrder: string[]
  /** The comparison's sort by one figure's row, or null for the user's order. */
  comparisonSort: { row: string; dir: 'asc' | 'desc' } | null
  /** The per-day chart: absolute counts, or each store's day as a % of its own daily average. */
  chartScale: 'absolute' | 'indexed'
}

export type ThemeSetting = 'system' | 'light' | 'dark'

/** The global shortcut a new installation gets: Ctrl+Alt+G (Cmd+Alt+G on macOS), G for glance. */
export const DEFAULT_GLOBAL_SHORTCUT = 'CommandOrControl+Alt+G'

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  intervalSec: DEFAULT_INTERVAL_SEC,
  alerts: defaultNotificationSettings(),
  launchAtLogin: false,
  globalShortcut: DEFAULT_GLOBAL_SHORTCUT,
  theme: 'system' as ThemeSetting,
  hiddenStores: [],
  storeOrder: [],
  comparisonSort: null,
  chartScale: 'absolute' as const,
})

/** Kinds of failure a user can act on differently. */
export type ErrorKind = 'api' | 'http' | 'timeout' | 'network' | 'response' | 'keychain'

export type StoreState = 'idle' | 'ok' | 'refreshing' | 'stale' | 'error' | 'offline' | 'paused'

/** Per-store polling status, shown next to that store's figures. */
export interface StoreStatus {
  /** Our local Account.id. */
  id: string
  state: StoreState
  lastSuccessAt: string | null
  nextAttemptAt: string | null
  /** Set while the last attempt failed. */
  error: { kind: ErrorKind; message: string; since: string; consecutiveFailures: number } | null
  /** The server refused us (wrong key, missing permission): polling faster will not help. */
  needsAttention: boolean
}

/**
 * Colours given to stores (and to campaigns in a store's chart), distinct at a glance, each at
 * least 3:1 against both themes' backgrounds. Stores beyond them share a colour and the line chart
 * tells them apart by dashes.
 */
export const STORE_COLOURS: readonly string[] = [
  '#2563eb',
  '#db2777',
  '#16a34a',
  '#ea580c',
  '#8b5cf6',
  '#0891b2',
  '#a16207',
  '#64748b',
  '#c026d3',
  '#e11d48',
  '#0d9488',
  '#4d7c0f',
]

/** What our local Account.id may be: it names keychain entries and files, so nothing else. */
export const ACCOUNT_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/
