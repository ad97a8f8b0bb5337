/** The alert log's channels: list it, mark it read, mute and unmute notifications. */
import type { HandlerContext, HandlersOf } from './context'

/** Longest mute: a forgotten mute must not silence the app for good. */
export const MAX_MUTE_MS = 7 * 86_400_000

/** Handlers of `alerts:list`, `alerts:markAllRead`, `alerts:mute` and `alerts:unmute`. */
export function alertHandlers(ctx: HandlerContext): HandlersOf<'alerts:list' | 'alerts:markAllRead' | 'alerts:mute' | 'alerts:unmute'> {
  return {
    'alerts:list': async () => ctx.alerts().view(),
    'alerts:markAllRead': async () => {
      await ctx.alerts().markAllRead()
      return ctx.alerts().view()
    },
    'alerts:mute': async ({ until }) => {
      const end = Date.parse(until)
      if (end - ctx.now() > MAX_MUTE_MS) throw new Error('A mute can last at most a week.')
      await ctx.alerts().mute(new Date(end))
      return ctx.alerts().view()
    },
    'alerts:unmute': async () => {
      await ctx.alerts().unmute()
      return ctx.alerts().view()
    },
  }
}
