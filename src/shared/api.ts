/**
 * The renderer-facing API (`window.storeglance`), derived from the IPC contract. The preload builds
 * it on `ipcRenderer`; the browser tests build the very same object on a Playwright binding. It is
 * written as one self-contained function (no imports used at run time, no outer variables) so the
 * test bridge can install it in a page from its source text.
 */
import type { AlertLog } from './alerts'
import type { AccountInput, Settings, StoreStatus } from './model'
import type { StoreHistory } from './history'
import type {
  AccountPatch,
  AccountView,
  AppInfo,
  AppState,
  AppWarning,
  EventChannel,
  EventContract,
  InvokeChannel,
  IpcResult,
  RequestOf,
  ResponseOf,
  SnapshotPair,
} from './ipc'

/** Sends one invoke request and resolves with the wire result. */
export type InvokeFn = <C extends InvokeChannel>(channel: C, request: RequestOf<C>) => Promise<IpcResult<ResponseOf<C>>>
/** Subscribes to one event channel; returns the unsubscribe function. */
export type SubscribeFn = <E extends EventChannel>(channel: E, listener: (payload: EventContract[E]) => void) => () => void

/** What `window.storeglance` offers the renderer. It can set a key, never read one. */
export interface StoreglanceApi {
  app: {
    /** Version and data directory. */
    info(): Promise<AppInfo>
    /** Everything needed for the first frame: accounts, stored snapshots with their age, statuses. */
    state(): Promise<AppState>
    /** Puts a text for support (versions, store states, warnings, log; no key, no customer name) on the clipboard; answers it. */
    copyDiagnostics(): Promise<string>
  }
  accounts: {
    /** Tests the store with this key, then saves the account and puts the key in the keychain. */
    add(input: AccountInput, key: string): Promise<AccountView>
    /** Changes anything but the store's identity; a new key is tested before it replaces the old. */
    update(id: string, patch: AccountPatch, key?: string): Promise<AccountView>
    /** Removes the store, its key and its saved figures. */
    remove(id: string): Promise<void>
  }
  stores: {
    /** Asks for fresh figures now for one store, or for all when no id is given. */
    refresh(id?: string): Promise<void>
    /** Leaves a store out of the comparison (it is still polled); resolves with the new settings. */
    hide(id: string): Promise<Settings>
    /** Brings a hidden store back into the comparison; resolves with the new settings. */
    unhide(id: string): Promise<Settings>
    /** Moves a store one place up (-1) or down (1) in the user's order; resolves with the new settings. */
    move(id: string, delta: -1 | 1): Promise<Settings>
  }
  settings: {
    /** Saves changed settings and returns the whole new settings. */
    update(patch: Partial<Settings>): Promise<Settings>
  }
  alerts: {
    /** The alert log (newest first), the unread count and the mute. */
    list(): Promise<AlertLog>
    /** Marks every alert read. */
    markAllRead(): Promise<AlertLog>
    /** Holds back alerts that are not urgent until `until` (ISO instant, within a week). */
    mute(until: string): Promise<AlertLog>
    /** Ends a mute. */
    unmute(): Promise<AlertLog>
  }
  history: {
    /** The store's local history: since when, its months so far and its transactions per day. */
    get(id: string): Promise<StoreHistory>
  }
  comparison: {
    /** Asks main to save the comparison as CSV (a save dialog); resolves with the path, or null if cancelled. */
    exportCsv(): Promise<string | null>
  }
  glance: {
    /** Hides the tray's glance window; with a route ('' = as it is), then shows the main window there. */
    hide(openRoute?: string): Promise<void>
  }
  /** Event subscriptions; each returns its unsubscribe function. */
  on: {
    snapshot(cb: (pair: SnapshotPair) => void): () => void
    status(cb: (status: StoreStatus) => void): () => void
    accounts(cb: (accounts: AccountView[]) => void): () => void
    settings(cb: (settings: Settings) => void): () => void
    warning(cb: (warning: AppWarning) => void): () => void
    /** The alert log, unread count or mute changed. */
    alerts(cb: (log: AlertLog) => void): () => void
  }
}

/** Builds the renderer API on an invoke function and a subscribe function. Self-contained on purpose. */
export function createApi(invoke: InvokeFn, subscribe: SubscribeFn): StoreglanceApi {
  const call = async <C extends InvokeChannel>(channel: C, request: RequestOf<C>): Promise<ResponseOf<C>> => {
    const result = await invoke(channel, request)
    if (result.ok) return result.value
    const error = new Error(result.error.message)
    error.name = result.error.kind
    throw error
  }
  return {
    app: {
      info: () => call('app:info', null),
      state: () => call('state:get', null),
      copyDiagnostics: async () => (await call('diagnostics:copy', null)).text,
    },
    accounts: {
      add: (input, key) => call('accounts:add', { input, key }),
      update: (id, patch, key) => call('accounts:update', key === undefined ? { id, patch } : { id, patch, key }),
      remove: async (id) => {
        await call('accounts:remove', { id })
      },
    },
    stores: {
      refresh: async (id) => {
        await call('stores:refresh', id === undefined ? {} : { id })
      },
      hide: (id) => call('stores:hide', { id }),
      unhide: (id) => call('stores:unhide', { id }),
      move: (id, delta) => call('stores:move', { id, delta }),
    },
    settings: {
      update: (patch) => call('settings:update', patch),
    },
    alerts: {
      list: () => call('alerts:list', null),
      markAllRead: () => call('alerts:markAllRead', null),
      mute: (until) => call('alerts:mute', { until }),
      unmute: () => call('alerts:unmute', null),
    },
    history: {
      get: (id) => call('history:get', { id }),
    },
    comparison: {
      exportCsv: async () => (await call('comparison:exportCsv', null)).path,
    },
    glance: {
      hide: async (openRoute) => {
        await call('glance:hide', { openRoute: openRoute ?? null })
      },
    },
    on: {
      snapshot: (cb) => subscribe('event:snapshot', cb),
      status: (cb) => subscribe('event:status', cb),
      accounts: (cb) => subscribe('event:accounts', cb),
      settings: (cb) => subscribe('event:settings', cb),
      warning: (cb) => subscribe('event:warning', cb),
      alerts: (cb) => subscribe('event:alerts', cb),
    },
  }
}
