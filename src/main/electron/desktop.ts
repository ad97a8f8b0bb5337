/**
 * Applies the desktop settings (launch at login, global shortcut) at start and whenever they
 * change. A failure is reported as a warning the user sees; it never stops the app.
 */
import type { Settings } from '../../shared/model'
import { setLaunchAtLogin } from './loginItem'
import { createShortcutManager } from './shortcut'
import { errorMessage } from '../../shared/errorKind'

/** What the desktop integration needs from the app. */
export interface DesktopDeps {
  /** Shows or hides the window (the shortcut's action). */
  toggleWindow(): void
  /** Tells the user about a problem. */
  warn(message: string): void
  platform?: NodeJS.Platform
  env?: NodeJS.ProcessEnv
}

/** The desktop integration's handle. */
export interface DesktopSettings {
  /** Applies the settings; resolves when launch at login has been written. */
  apply(settings: Pick<Settings, 'launchAtLogin' | 'globalShortcut'>): Promise<void>
  /** Releases the global shortcut (at quit). */
  dispose(): void
}

/** Creates the integration. */
export function createDesktopSettings(deps: DesktopDeps): DesktopSettings {
  const shortcuts = createShortcutManager(deps.toggleWindow)
  let login: boolean | null = null
  return {
    async apply(settings) {
      const result = shortcuts.apply(settings.globalShortcut)
      if (!result.ok && result.message) deps.warn(result.message)
      if (settings.launchAtLogin === login) return
      try {
        await setLaunchAtLogin(settings.launchAtLogin, deps.platform, deps.env)
        login = settings.launchAtLogin
      } catch (err) {
        const what = settings.launchAtLogin ? 'turned on' : 'turned off'
        deps.warn(`Launch at login could not be ${what}: ${errorMessage(err)}`)
      }
    },
    dispose: () => shortcuts.dispose(),
  }
}
