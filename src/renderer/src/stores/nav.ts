import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ACCOUNT_ID_PATTERN } from '../../../shared/model'

export type ViewName = 'overview' | 'stores' | 'alerts' | 'settings' | 'store'

const VIEWS: readonly ViewName[] = ['overview', 'stores', 'alerts', 'settings']

/** Reads a location hash: `#/overview`, `#/stores`, `#/alerts`, `#/settings`, `#/store/<id>`. */
export function parseHash(hash: string): { view: ViewName; storeId: string | null } {
  const parts = hash.replace(/^#\/?/, '').split('/')
  if (parts[0] === 'store' && parts.length === 2) {
    const id = decodeURIComponent(parts[1]!)
    if (ACCOUNT_ID_PATTERN.test(id)) return { view: 'store', storeId: id }
  }
  const view = VIEWS.find((v) => v === parts[0])
  return { view: view ?? 'overview', storeId: null }
}

/** The hash of a view (and of a store's page). */
export function hashOf(view: ViewName, storeId?: string): string {
  return view === 'store' && storeId ? `#/store/${encodeURIComponent(storeId)}` : `#/${view}`
}

/**
 * Which view is on screen, kept in the location hash so a tray menu or a notification can open
 * any view or a store's page (`#/store/<id>`), and whether the first load has finished.
 */
export const useNavStore = defineStore('nav', () => {
  const initial = parseHash(typeof location === 'undefined' ? '' : location.hash)
  const view = ref<ViewName>(initial.view)
  const storeId = ref<string | null>(initial.storeId)
  const loaded = ref(false)
  const loadError = ref<string | null>(null)

  function apply(hash: string): void {
    const next = parseHash(hash)
    view.value = next.view
    storeId.value = next.storeId
  }
  /** Shows a view (or a store's page) and records it in the hash (back/forward work). */
  function go(next: ViewName, id?: string): void {
    const hash = hashOf(next, id)
    if (location.hash !== hash) location.hash = hash
    apply(hash)
  }
  /** Follows the hash when it changes from outside (back button, a link, main opening a page). */
  function listen(): () => void {
    const onChange = () => apply(location.hash)
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }
  /** Set when "Add your store" asked Settings to open its add form. */
  const addRequested = ref(false)
  function openAddForm(): void {
    addRequested.value = true
    go('settings')
  }
  return { view, storeId, loaded, loadError, addRequested, go, listen, openAddForm }
})
