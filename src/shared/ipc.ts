/**
 * The one IPC contract between main and renderer. Every channel is named here with its request
 * and response (invoke channels) or its payload (event channels). The preload API, main's handlers
 * and the e2e test bridge are all derived from these types, and the checks at the bottom make the
 * compiler refuse a channel listed without a contract or a contract without a listed channel.
 */
import type { Account, AccountInput, Settings, StoreSnapshot, StoreStatus } from './model'
import type { StoreHistory } from './history'

/** What the About box and the status bar show. */
export interface AppInfo {
  name: string
  version: string
  /** True while the app shows the built-in demo stores instead of real accounts. */
  demo: boolean
  /** Where settings and snapshots live (shown in Settings so users can back them up). */
  userDataDir: string
}

/** An account as the renderer sees it: never the key, only whether one is stored. */
export interface AccountView extends Account {
  hasKey: boolean
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
  'settings:update': { request: Partial<Settings>; response: Settings }
  'history:get': { request: { id: string }; response: StoreHistory }
  /** Saves the comparison as CSV where the user picks (main's save dialog); path null = cancelled. */
  'comparison:exportCsv': { request: null; response: { path: string | null } }
}

/** Event channels: main pushes, renderer listens. */
export interface EventContract {
  'event:snapshot': SnapshotPair
  'event:status': StoreStatus
  'event:accounts': AccountView[]
  'event:settings': Settings
  'event:warning': AppWarning
}

export const INVOKE_CHANNELS = [
  'app:info',
  'state:get',
  'accounts:add',
  'accounts:update',
  'accounts:remove',
  'stores:refresh',
  'settings:update',
  'history:get',
  'comparison:exportCsv',
] as const

export const EVENT_CHANNELS = [
  'event:snapshot',
  'event:status',
  'event:accounts',
  'event:settings',
  'event:warning',
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
