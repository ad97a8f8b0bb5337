import type { StoreglanceApi } from '../shared/api'

declare global {
  interface Window {
    storeglance: StoreglanceApi
  }
}
export {}
