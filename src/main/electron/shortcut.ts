/**
 * The global shortcut that shows and hides the window. Changing it registers the new combination
 * first and releases the old one only when that worked: when the system refuses (another app holds
 * it, or it is not a valid accelerator) the previous shortcut stays active and the result says so.
 */
import { globalShortcut } from 'electron'

/** What applying a shortcut did. */
export interface ShortcutResult {
  ok: boolean
  /** The shortcut now active (null = none). */
  active: string | null
  /** For the user when ok is false: what failed and what stays. */
  message?: string
}

/** Owns the one global shortcut of the app. */
export interface ShortcutManager {
  /** Switches to `accelerator` (null turns it off). */
  apply(accelerator: string | null): ShortcutResult
  /** The active shortcut, if any. */
  active(): string | null
  /** Releases it (at quit). */
  dispose(): void
}

/** Creates the manager; `toggle` runs each time the shortcut is pressed. */
export function createShortcutManager(toggle: () => void): ShortcutManager {
  let current: string | null = null
  const release = (accelerator: string | null) => {
    if (accelerator) globalShortcut.unregister(accelerator)
  }
  return {
    apply(accelerator) {
      if (accelerator === current) return { ok: true, active: current }
      if (accelerator === null) {
        release(current)
        current = null
        return { ok: true, active: null }
      }
      let registered = false
      try {
        registered = globalShortcut.register(accelerator, toggle)
      } catch {
        registered = false
      }
      if (!registered) {
        const keeps = current ? `${current} still shows and hides the window` : 'no shortcut is active'
        return {
          ok: false,
          active: current,
          message: `The shortcut ${accelerator} could not be registered (another application may be using it); ${keeps}.`,
        }
      }
      release(current)
      current = accelerator
      return { ok: true, active: current }
    },
    active: () => current,
    dispose() {
      release(current)
      current = null
    },
  }
}
