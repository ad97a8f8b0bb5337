/**
 * The window's own preferences kept in settings.json (theme, hidden stores, the comparison's sort
 * and store order, the per-day chart's scale) and a store's monthly target. Kept apart from the
 * other settings so they can grow without touching them; every field has a default, so a settings
 * file written before they existed loads unchanged.
 */
import { z } from 'zod'
import { ACCOUNT_ID_PATTERN, DEFAULT_SETTINGS } from '../../../shared/model'

/** Most ids a list of stores may name (the demo server's own bound). */
const MAX_STORES = 500
const ids = z.array(z.string().regex(ACCOUNT_ID_PATTERN, 'Invalid store id')).max(MAX_STORES)

/** Each view preference as the renderer may send it (no defaults: a patch names what changes). */
export const viewSettingsFields = {
  theme: z.enum(['system', 'light', 'dark']),
  hiddenStores: ids,
  storeOrder: ids,
  comparisonSort: z
    .object({ row: z.string().regex(/^[A-Za-z][A-Za-z.]{0,63}$/, 'Unknown figure to sort by'), dir: z.enum(['asc', 'desc']) })
    .nullable(),
  chartScale: z.enum(['absolute', 'indexed']),
}

/** The same fields as read from disk: a missing one takes its default, silently. */
export const storedViewSettingsFields = {
  theme: viewSettingsFields.theme.default(DEFAULT_SETTINGS.theme),
  hiddenStores: viewSettingsFields.hiddenStores.default(() => [...DEFAULT_SETTINGS.hiddenStores]),
  storeOrder: viewSettingsFields.storeOrder.default(() => [...DEFAULT_SETTINGS.storeOrder]),
  comparisonSort: viewSettingsFields.comparisonSort.default(DEFAULT_SETTINGS.comparisonSort),
  chartScale: viewSettingsFields.chartScale.default(DEFAULT_SETTINGS.chartScale),
}

/** Largest monthly target accepted (transactions). */
export const MAX_MONTHLY_TARGET = 1_000_000_000

/** A store's monthly transactions target. */
export const monthlyTargetSchema = z
  .number()
  .int('The monthly target must be a whole number')
  .min(1, 'The monthly target must be at least 1')
  .max(MAX_MONTHLY_TARGET, 'The monthly target is too large')
