/** The store list's channels: add, update and remove a store. */
import { accountsChanged, accountView, type HandlerContext, type HandlersOf } from './context'

/** Handlers of `accounts:add`, `accounts:update` and `accounts:remove`. */
export function accountHandlers(ctx: HandlerContext): HandlersOf<'accounts:add' | 'accounts:update' | 'accounts:remove'> {
  return {
    'accounts:add': async ({ input, key }) => {
      const added = await ctx.accounts().add(input, key)
      // The first real store ends demo mode.
      await ctx.leaveDemo()
      await accountsChanged(ctx)
      return accountView(ctx, added)
    },
    'accounts:update': async ({ id, patch, key }) => {
      const wasEnabled = ctx
        .accounts()
        .list()
        .find((a) => a.id === id)?.enabled
      const updated = await ctx.accounts().update(id, patch, key)
      await accountsChanged(ctx)
      // A fixed key or a store just switched on should not wait a whole interval.
      if (updated.enabled && (key !== undefined || !wasEnabled)) ctx.monitor().refreshNow(id)
      return accountView(ctx, updated)
    },
    'accounts:remove': async ({ id }) => {
      const result = await ctx.accounts().remove(id)
      result.warnings.forEach((w) => ctx.warn(w))
      await accountsChanged(ctx)
      return null
    },
  }
}
