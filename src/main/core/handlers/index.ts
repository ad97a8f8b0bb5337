/** The IPC handlers, one module per domain; `createHandlers` puts every channel's handler together. */
import type { IpcHandlers } from '../ipcDispatch'
import { accountHandlers } from './accounts'
import { alertHandlers } from './alerts'
import { appHandlers } from './app'
import type { HandlerContext } from './context'
import { settingsHandlers } from './settings'
import { storeHandlers } from './stores'
import { storeListHandlers } from './storeList'
import { windowHandlers } from './window'

export { accountHandlers, alertHandlers, appHandlers, settingsHandlers, storeHandlers, storeListHandlers, windowHandlers }
export { accountView, accountViews, accountsChanged, type GlanceControl, type HandlerContext, type HandlersOf } from './context'

/** Every channel's handler. A channel of the contract that no domain handles fails to compile here. */
export function createHandlers(ctx: HandlerContext): IpcHandlers {
  return {
    ...appHandlers(ctx),
    ...accountHandlers(ctx),
    ...storeHandlers(ctx),
    ...storeListHandlers(ctx),
    ...settingsHandlers(ctx),
    ...alertHandlers(ctx),
    ...windowHandlers(ctx),
  }
}
