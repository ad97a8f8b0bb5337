/**
 * The app's core service: everything the window asks for and everything it is told, with no
 * Electron in it. The Electron composition root and the browser tests' bridge both drive this.
 */
import type { AppInfo, AppState, EventContract } from '../../shared/ipc'
import { DEFAULT_SETTINGS } from '../../shared/model'
import { TypedEvents } from './events'
import type { IpcHandlers } from './ipcDispatch'

export interface AppCoreOptions {
  userDataDir: string
  version: string
}

export interface AppCore {
  handlers: IpcHandlers
  events: TypedEvents<EventContract>
  start(): Promise<void>
  stop(): Promise<void>
}

/** Creates the core. Call `start()` before the first request. */
export function createAppCore(options: AppCoreOptions): AppCore {
  const events = new TypedEvents<EventContract>()
  const info = (): AppInfo => ({ name: 'Storeglance', version: options.version, demo: false, userDataDir: options.userDataDir })
  const state = async (): Promise<AppState> => ({
    info: info(),
    accounts: [],
    snapshots: [],
    statuses: [],
    settings: { ...DEFAULT_SETTINGS },
    warnings: [],
  })
  const notYet = async (): Promise<never> => {
    throw Object.assign(new Error('Managing stores is not available in this build yet.'), { kind: 'unavailable' })
  }
  const handlers: IpcHandlers = {
    'app:info': async () => info(),
    'state:get': state,
    'accounts:add': notYet,
    'accounts:update': notYet,
    'accounts:remove': notYet,
    'stores:refresh': notYet,
    'settings:update': notYet,
  }
  return { handlers, events, start: async () => {}, stop: async () => {} }
}
