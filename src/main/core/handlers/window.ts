/** The window's read-outs: a store's local history, and the comparison exported as CSV. */
import { comparisonCsvNow, exportFileName } from '../exportComparison'
import { storeHistory } from '../snapshots'
import type { HandlerContext, HandlersOf } from './context'

/** Handlers of `history:get` and `comparison:exportCsv`. */
export function windowHandlers(ctx: HandlerContext): HandlersOf<'history:get' | 'comparison:exportCsv'> {
  return {
    'history:get': async ({ id }) => storeHistory(ctx.history(), id),
    'comparison:exportCsv': async () => {
      const save = ctx.saveFile
      if (!save) throw new Error('Saving files is not available here.')
      const now = new Date(ctx.now())
      const csv = await comparisonCsvNow({
        accounts: ctx.accounts().list(),
        storeOrder: ctx.accounts().settings().storeOrder,
        snapshots: ctx.monitor().snapshots(),
        status: (id) => ctx.monitor().status(id) ?? null,
        history: ctx.history(),
        now,
      })
      return { path: await save(exportFileName(now), csv) }
    },
  }
}
