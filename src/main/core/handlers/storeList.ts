/**
 * How the window shows the store list: hide a store from the comparison, show it again, move it in
 * the user's order. Each is an operation main applies to the settings as they are when its turn
 * comes (under the folder's lock), not a whole list the window computed from its own copy: two
 * clicks within one round trip, or a change by another process in between, both count.
 */
import type { Account, Settings } from '../../../shared/model'
import { inUserOrder } from '../../../shared/order'
import { AccountError, type SettingsEdit } from '../accounts'
import type { HandlerContext, HandlersOf } from './context'

/** Refuses an id that names no store (saved or demo). */
function mustKnow(stores: readonly Account[], id: string): Set<string> {
  const known = new Set(stores.map((s) => s.id))
  if (!known.has(id)) throw new AccountError('not-found', 'That store no longer exists.')
  return known
}

/** Hides `id`: appended once; ids of stores that no longer exist leave the list on the way. */
export function hideStore(id: string): SettingsEdit {
  return (settings, stores) => {
    const known = mustKnow(stores, id)
    if (settings.hiddenStores.includes(id)) return null
    return { hiddenStores: [...settings.hiddenStores.filter((h) => known.has(h)), id] }
  }
}

/** Shows `id` again; an id still listed as hidden may leave the list even if its store is gone. */
export function unhideStore(id: string): SettingsEdit {
  return (settings, stores) => {
    if (!settings.hiddenStores.includes(id)) {
      mustKnow(stores, id)
      return null
    }
    return { hiddenStores: settings.hiddenStores.filter((h) => h !== id) }
  }
}

/**
 * Moves `id` one place in the user's order as the window shows it (`inUserOrder` over every store)
 * and keeps the whole resulting order. At either end there is nowhere to go: nothing changes.
 */
export function moveStore(id: string, delta: -1 | 1): SettingsEdit {
  return (settings, stores) => {
    mustKnow(stores, id)
    const ids = inUserOrder(stores, settings.storeOrder).map((s) => s.id)
    const i = ids.indexOf(id)
    const j = i + delta
    if (j < 0 || j >= ids.length) return null
    ;[ids[i], ids[j]] = [ids[j]!, ids[i]!]
    return { storeOrder: ids }
  }
}

/** Handlers of `stores:hide`, `stores:unhide` and `stores:move`: each answers with the new settings. */
export function storeListHandlers(ctx: HandlerContext): HandlersOf<'stores:hide' | 'stores:unhide' | 'stores:move'> {
  const apply = async (edit: SettingsEdit): Promise<Settings> => {
    const settings = await ctx.accounts().editSettings(edit)
    // The other window (the tray's glance) follows too.
    ctx.events.emit('event:settings', settings)
    return settings
  }
  return {
    'stores:hide': ({ id }) => apply(hideStore(id)),
    'stores:unhide': ({ id }) => apply(unhideStore(id)),
    'stores:move': ({ id, delta }) => apply(moveStore(id, delta)),
  }
}
