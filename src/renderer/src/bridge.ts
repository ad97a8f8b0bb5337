/**
 * The only place that touches `window.storeglance` (the preload's API). Everything else in the
 * renderer imports `api` from here, so tests and a missing preload fail in one obvious place.
 */
import type { StoreglanceApi } from '../../shared/api'

/** The API, or an explanation of why it is missing. */
export function getApi(): StoreglanceApi {
  const api = (window as Partial<Window>).storeglance
  if (!api) throw new Error('Storeglance could not reach its main process (the preload API is missing).')
  return api
}
