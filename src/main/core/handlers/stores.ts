/** The stores' figures: refresh on request. */
import type { HandlerContext, HandlersOf } from './context'

/** Handler of `stores:refresh` (one store, or all when no id is given). */
export function storeHandlers(ctx: HandlerContext): HandlersOf<'stores:refresh'> {
  return {
    'stores:refresh': async ({ id }) => {
      ctx.monitor().refresh(id)
      return null
    },
  }
}
