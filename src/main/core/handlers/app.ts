/** The app's own channels: its facts and the whole state the window starts from. */
import type { AppState } from '../../../shared/ipc'
import { accountViews, type HandlerContext, type HandlersOf } from './context'

/** Handlers of `app:info`, `state:get` and `diagnostics:copy`. */
export function appHandlers(ctx: HandlerContext): HandlersOf<'app:info' | 'state:get' | 'diagnostics:copy'> {
  return {
    'app:info': async () => ctx.info(),
    'state:get': async (): Promise<AppState> => ({
      info: ctx.info(),
      accounts: await accountViews(ctx),
      snapshots: ctx.monitor().snapshots(),
      statuses: ctx.monitor().statuses(),
      settings: ctx.accounts().settings(),
      warnings: [...ctx.warnings()],
    }),
    'diagnostics:copy': async () => {
      const copy = ctx.copyText
      if (!copy) throw new Error('Copying to the clipboard is not available here.')
      const text = await ctx.diagnostics()
      copy(text)
      return { text }
    },
  }
}
