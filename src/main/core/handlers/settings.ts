/** The app's settings: change them, let the monitor follow, tell the window. */
import type { HandlerContext, HandlersOf } from './context'

/** Handler of `settings:update`. */
export function settingsHandlers(ctx: HandlerContext): HandlersOf<'settings:update'> {
  return {
    'settings:update': async (patch) => {
      const settings = await ctx.accounts().updateSettings(patch)
      await ctx.monitor().accountsChanged()
      ctx.events.emit('event:settings', settings)
      return settings
    },
  }
}
