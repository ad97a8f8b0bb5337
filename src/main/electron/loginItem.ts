/**
 * Launch at login, off by default, starting hidden (in the tray). macOS and Windows through
 * Electron's login item settings; Linux through an XDG autostart entry, which Electron does not
 * manage there. A launch at login is recognised by the `--hidden` argument (Windows, Linux) or by
 * macOS reporting it.
 */
import { app } from 'electron'
import { rm } from 'node:fs/promises'
import { homedir } from 'node:os'
import { isAbsolute, join } from 'node:path'
import { writeFileAtomic } from '../core/fsAtomic'

/** The argument a launch at login carries. */
export const HIDDEN_FLAG = '--hidden'

/** Where the Linux autostart entry lives: `$XDG_CONFIG_HOME/autostart` (absolute only) or ~/.config/autostart. */
export function autostartFile(env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  const xdg = env['XDG_CONFIG_HOME']?.trim()
  const base = xdg && isAbsolute(xdg) ? xdg : join(home, '.config')
  return join(base, 'autostart', 'storeglance.desktop')
}

/**
 * Quotes one argument for a desktop entry's Exec line. Inside quotes, `"`, `` ` ``, `$` and `\` are
 * escaped with a backslash, and the string-value escaping applies on top: so `\\"` for a quote and
 * four backslashes for one backslash.
 */
function quoteExecArg(arg: string): string {
  // A control character (a newline above all) could add lines to the entry: refuse it.
  if (/[\u0000-\u001f\u007f]/.test(arg))
    throw new Error('The path of Storeglance contains a control character; launch at login cannot be set up.')
  if (/^[A-Za-z0-9_\-./=:]+$/.test(arg)) return arg
  return `"${arg.replace(/[\\"`$]/g, (c) => (c === '\\' ? '\\\\\\\\' : `\\\\${c}`))}"`
}

/** The autostart entry that starts `command` (executable and arguments) hidden. */
export function desktopEntry(command: string[]): string {
  const exec = [...command, HIDDEN_FLAG].map(quoteExecArg).join(' ')
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Storeglance',
    'Comment=Loyalty figures of your stores, in the tray',
    `Exec=${exec}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/** The command that starts this app: the AppImage itself, the packaged binary, or Electron with the app folder. */
export function launchCommand(env: NodeJS.ProcessEnv = process.env): string[] {
  const appImage = env['APPIMAGE']
  if (appImage && isAbsolute(appImage)) return [appImage]
  return app.isPackaged ? [process.execPath] : [process.execPath, app.getAppPath()]
}

/** Turns launch at login on or off for this platform. */
export async function setLaunchAtLogin(
  enabled: boolean,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  if (platform === 'linux') {
    const file = autostartFile(env)
    if (enabled) await writeFileAtomic(file, desktopEntry(launchCommand(env)), 0o644)
    else await rm(file, { force: true })
    return
  }
  if (platform === 'darwin') {
    app.setLoginItemSettings({ openAtLogin: enabled })
    return
  }
  app.setLoginItemSettings({ openAtLogin: enabled, path: process.execPath, args: [HIDDEN_FLAG] })
}

/** True when this launch came from the login item: start hidden, in the tray. */
export function startedAtLogin(argv: readonly string[] = process.argv, platform: NodeJS.Platform = process.platform): boolean {
  if (argv.includes(HIDDEN_FLAG)) return true
  return platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true
}
