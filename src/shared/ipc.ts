/**
 * The one IPC contract between main and renderer. Every channel is named here with its request
 * and response (invoke channels) or its payload (event channels). The preload API, main's handlers
 * and the e2e test bridge are all derived from these types, and the checks at the bottom make the
 * compiler refuse a channel listed without a contract or a contract without a listed channel.
 */
import type { AlertLog } from './alerts'
import type { Account, AccountInput, Settings, StoreSnapshot, StoreStatus } from './model'
import type { StoreHistory } from './history'

/** What the About box and the status bar show. */
export interface AppInfo {
  version: string
  /** Where settings and snapshots live (shown in Settings so users can back them up). */
  userDataDir: string
}

/** An account as the renderer sees it: never the key, only whether one is stored. */
export interface AccountView extends Account {
  /** Whether the keychain holds a key; null when the keychain could not be asked (unavailable, locked). */
  hasKey: boolean | null
}

/** Editable fields of an account: everything but its identity (endpoint, user id, account id). */
export type AccountPatch = Partial<Omit<AccountInput, 'endpoint' | 'userId' | 'accountId' | 'intervalSec' | 'monthlyTarget'>> & {
  /** A per-store interval in seconds, or null to fall back to the app's setting. */
  intervalSec?: number | null
  /** A monthly transactions target, or null to remove it. */
  monthlyTarget?: number | null
}

/** The last good snapshot of a store and the one before it (for change arrows). */
export interface SnapshotPair {
  id: string
  current: StoreSnapshot
  previous: StoreSnapshot | null
}

/** A message for the user (a damaged file set aside, a keychain problem, …). */
export interface AppWarning {
  message: string
  at: string
}

/** Everything the renderer needs to draw its first frame, offline or not. */
export interface AppState {
  info: AppInfo
  accounts: AccountView[]
  snapshots: SnapshotPair[]
  statuses: StoreStatus[]
  settings: Settings
  warnings: AppWarning[]
}

/** Invoke channels: renderer asks, main answers. */
export interface InvokeContract {
  'app:info': { request: null; response: AppInfo }
  'state:get': { request: null; response: AppState }
  'accounts:add': { request: { input: AccountInput; key: string }; response: AccountView }
  'accounts:update': { request: { id: string; patch: AccountPatch; key?: string }; response: AccountView }
  'accounts:remove': { request: { id: string }; response: null }
  'stores:refresh': { request: { id?: string }; response: null }
  /** Leaves a store out of the comparison (still polled); main applies it to the settings it holds. */
  'stores:hide': { request: { id: string }; response: Settings }
  /** Brings a hidden store back into the comparison. */
  'stores:unhide': { request: { id: string }; response: Settings }
  /** Moves a store one place up (-1) or down (1) in the user's order; main saves the whole order. */
  'stores:move': { request: { id: string; delta: -1 | 1 }; response: Settings }
  'settings:update': { request: Partial<Settings>; response: Settings }
  /**
   * Puts the support text (versions, store states, warnings and the log's end; no key, no customer
   * name) on the clipboard from main, so the page needs no clipboard permission; answers the text.
   */
  'diagnostics:copy': { request: null; response: { text: string } }
  'alerts:list': { request: null; response: AlertLog }
  'alerts:markAllRead': { request: null; response: AlertLog }
  'alerts:mute': { request: { until: string }; response: AlertLog }
  'alerts:unmute': { request: null; response: AlertLog }
  'history:get': { request: { id: string }; response: StoreHistory }
  /** Saves the comparison as CSV where the user picks (main's save dialog); path null = cancelled. */
  'comparison:exportCsv': { request: null; response: { path: string | null } }
  /** Hides the tray's glance window; `openRoute` (e.g. `#/store/<id>`, '' = as it is) then shows the main window there. */
  'glance:hide': { request: { openRoute: string | null }; response: null }
}

/** Event channels: main pushes, renderer listens. */
export interface EventContract {
  'event:snapshot': SnapshotPair
  'event:status': StoreStatus
  'event:accounts': AccountView[]
  'event:settings': Settings
  'event:warning': AppWarning
  /** The alert log, unread count or mute changed. */
  'event:alerts': AlertLog
}

export const INVOKE_CHANNELS = [
  'app:info',
  'state:get',
  'accounts:add',
  'accounts:update',
  'accounts:remove',
  'stores:refresh',
  'stores:hide',
  'stores:unhide',
  'stores:move',
  'settings:update',
  'diagnostics:copy',
  'alerts:list',
  'alerts:markAllRead',
  'alerts:mute',
  'alerts:unmute',
  'history:get',
  'comparison:exportCsv',
  'glance:hide',
] as const

export const EVENT_CHANNELS = [
  'event:snapshot',
  'event:status',
  'event:accounts',
  'event:settings',
  'event:warning',
  'event:alerts',
] as const

export type InvokeChannel = keyof InvokeContract
export type EventChannel = keyof EventContract
export type RequestOf<C extends InvokeChannel> = InvokeContract[C]['request']
export type ResponseOf<C extends InvokeChannel> = InvokeContract[C]['response']

/** What crosses the wire for an invoke: errors travel as data so the renderer gets a clean message. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: { kind: string; message: string } }

// Compile-time checks: each list names exactly the channels of its contract.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const invokeChannelsComplete: Exact<(typeof INVOKE_CHANNELS)[number], InvokeChannel> = true
const eventChannelsComplete: Exact<(typeof EVENT_CHANNELS)[number], EventChannel> = true
export const CONTRACT_CHECKS = [invokeChannelsComplete, eventChannelsComplete] as const
