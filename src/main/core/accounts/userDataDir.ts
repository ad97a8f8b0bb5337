/**
 * Where Storeglance keeps its files (settings.json, snapshots, history) when no Electron `app` is
 * around to ask: the CLI and the tests. The app itself passes `app.getPath('userData')`, which
 * resolves to the same folders for productName "Storeglance".
 */
import os from 'node:os'
import path from 'node:path'

/** The folder name under the platform's per-user configuration directory. */
export const APP_DIR_NAME = 'Storeglance'

/**
 * Returns the per-user data directory: `STOREGLANCE_HOME` when set (tests, portable installs),
 * otherwise the platform's convention, each followed by `/Storeglance`:
 * Linux `$XDG_CONFIG_HOME` (only when absolute, as the XDG spec says) or `~/.config`,
 * macOS `~/Library/Application Support`, Windows `%APPDATA%` (or `~\AppData\Roaming`).
 */
export function userDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const p = platform === 'win32' ? path.win32 : path.posix
  const override = env.STOREGLANCE_HOME?.trim()
  if (override) return p.resolve(override)
  switch (platform) {
    case 'darwin':
      return p.join(home, 'Library', 'Application Support', APP_DIR_NAME)
    case 'win32':
      return p.join(env.APPDATA?.trim() || p.join(home, 'AppData', 'Roaming'), APP_DIR_NAME)
    default: {
      const xdg = env.XDG_CONFIG_HOME?.trim()
      return p.join(xdg && p.isAbsolute(xdg) ? xdg : p.join(home, '.config'), APP_DIR_NAME)
    }
  }
}
