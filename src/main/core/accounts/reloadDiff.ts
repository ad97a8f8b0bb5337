/**
 * What changed in settings.json behind our back: another process (the CLI, a second app) added,
 * removed or edited stores, or changed the settings. Accumulated across re-reads until the app
 * takes it, so a change noticed while saving our own edit is not lost.
 */
import type { Account, Settings } from '../../../shared/model'

/** What a re-read of settings.json changed in the store list. */
export interface AccountsReload {
  added: string[]
  removed: string[]
  /** Anything at all differed (stores, their fields, or the settings). */
  changed: boolean
}

/** Collects the differences found by successive re-reads. */
export class ExternalChanges {
  private readonly added = new Set<string>()
  private readonly removed = new Set<string>()
  private changed = false

  /** Records the difference between what we held and what the file holds now. */
  note(before: { accounts: Account[]; settings: Settings }, after: { accounts: Account[]; settings: Settings }): void {
    const was = new Map(before.accounts.map((a) => [a.id, JSON.stringify(a)]))
    const now = new Map(after.accounts.map((a) => [a.id, JSON.stringify(a)]))
    for (const id of now.keys()) {
      if (was.has(id)) continue
      if (!this.removed.delete(id)) this.added.add(id)
      this.changed = true
    }
    for (const id of was.keys()) {
      if (now.has(id)) continue
      if (!this.added.delete(id)) this.removed.add(id)
      this.changed = true
    }
    if ([...now].some(([id, text]) => was.has(id) && was.get(id) !== text)) this.changed = true
    if (JSON.stringify(before.settings) !== JSON.stringify(after.settings)) this.changed = true
  }

  /** Everything noted since the last take, then forgets it. */
  take(): AccountsReload {
    const out = { added: [...this.added], removed: [...this.removed], changed: this.changed }
    this.added.clear()
    this.removed.clear()
    this.changed = false
    return out
  }
}
