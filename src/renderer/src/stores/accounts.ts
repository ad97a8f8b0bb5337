import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { AccountPatch, AccountView } from '../../../shared/ipc'
import type { AccountInput } from '../../../shared/model'
import { getApi } from '../bridge'

/** The stores the owner monitors, as main reports them (never with keys). */
export const useAccountsStore = defineStore('accounts', () => {
  const list = ref<AccountView[]>([])
  const enabled = computed(() => list.value.filter((a) => a.enabled))

  function set(accounts: AccountView[]): void {
    list.value = accounts
  }
  /** Tests and adds a store; the key goes straight to main and is not kept here. */
  async function add(input: AccountInput, key: string): Promise<AccountView> {
    return getApi().accounts.add(input, key)
  }
  async function update(id: string, patch: AccountPatch, key?: string): Promise<AccountView> {
    return getApi().accounts.update(id, patch, key)
  }
  async function remove(id: string): Promise<void> {
    await getApi().accounts.remove(id)
  }
  return { list, enabled, set, add, update, remove }
})
