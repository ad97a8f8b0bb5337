/**
 * The app's warnings for the user: capped and de-duplicated. A problem that repeats (a history file
 * that cannot be written fails on every poll) is one entry whose time moves on, not a flood.
 */
import type { AppWarning } from '../../shared/ipc'

/** How many distinct warnings are kept; older ones are dropped first. */
export const MAX_WARNINGS = 50

export interface WarningList {
  /** Records a warning; returns it when new (to be announced), or null when it repeats a kept one. */
  add(message: string, at: string): AppWarning | null
  /** The kept warnings, oldest first (copies). */
  list(): AppWarning[]
}

/** Creates an empty warning list holding at most `cap` distinct messages. */
export function createWarningList(cap = MAX_WARNINGS): WarningList {
  const byMessage = new Map<string, AppWarning>()
  return {
    add(message, at) {
      const known = byMessage.get(message)
      if (known) {
        // Repeated: keep one entry, newest time, moved to the end (most recent).
        byMessage.delete(message)
        byMessage.set(message, { message, at })
        return null
      }
      const warning = { message, at }
      byMessage.set(message, warning)
      while (byMessage.size > cap) byMessage.delete(byMessage.keys().next().value as string)
      return { ...warning }
    },
    list: () => [...byMessage.values()].map((w) => ({ ...w })),
  }
}
