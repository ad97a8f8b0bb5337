/**
 * The tray icon: draws the pure glance model (state, tooltip, menu) with Electron's Tray. The
 * context menu is always attached (some Linux desktops ignore clicks on the icon). Icons are read
 * from `resources/icons/tray-<state>.png`, on macOS from `tray-<state>Template.png` (drawn in the
 * menu bar's colour, each state with its own shape); a missing file falls back to an empty image
 * (the tray still works through its menu and tooltip).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Menu, nativeImage, Tray, type MenuItemConstructorOptions, type NativeImage, type Rectangle } from 'electron'
import {
  tooltipText,
  trayMenu,
  trayState,
  type GlanceInput,
  type GlanceMenuItem,
  type MenuAction,
  type TrayState,
} from '../core/glance/glance'

export interface TrayDeps {
  /** Folder of the tray-<state>.png icons. */
  iconDir: string
  platform?: NodeJS.Platform
  /** Runs a menu action. */
  act: (action: MenuAction) => void
  /** A left click on the icon (macOS, Windows), with the icon's bounds on screen. */
  onClick: (bounds: Rectangle) => void
  /** macOS: show the tooltip text beside the icon. */
  showTitle: () => boolean
}

export interface TrayView {
  /** Redraws icon, tooltip and menu from the app's current state. */
  update(input: GlanceInput): void
  destroy(): void
}

/**
 * The icon file of a state: on macOS the template image (only its shape counts, so each state has
 * its own mask; nativeImage picks the @2x file beside it), elsewhere the coloured one.
 */
export function iconPath(iconDir: string, state: TrayState, platform: NodeJS.Platform = process.platform): string {
  return join(iconDir, platform === 'darwin' ? `tray-${state}Template.png` : `tray-${state}.png`)
}

function iconFor(iconDir: string, state: TrayState, platform: NodeJS.Platform): NativeImage {
  const file = iconPath(iconDir, state, platform)
  if (!existsSync(file)) return nativeImage.createEmpty()
  const image = nativeImage.createFromPath(file)
  // macOS draws template images in the menu bar's own colour (light and dark).
  if (platform === 'darwin') image.setTemplateImage(true)
  return image
}

function template(items: GlanceMenuItem[], act: (a: MenuAction) => void): MenuItemConstructorOptions[] {
  return items.map((item) =>
    item.type === 'separator' ? { type: 'separator' } : { label: item.label, enabled: item.enabled ?? true, click: () => act(item.action) },
  )
}

/** Creates the tray icon in the given state's look; call `update` whenever the state changes. */
export function createTray(deps: TrayDeps, first: GlanceInput): TrayView {
  const platform = deps.platform ?? process.platform
  let state = trayState(first)
  const tray = new Tray(iconFor(deps.iconDir, state, platform))
  tray.on('click', (_event, bounds) => deps.onClick(bounds))
  const draw = (input: GlanceInput) => {
    const next = trayState(input)
    if (next !== state) {
      state = next
      tray.setImage(iconFor(deps.iconDir, state, platform))
    }
    const tip = tooltipText(input)
    tray.setToolTip(tip)
    if (platform === 'darwin') tray.setTitle(deps.showTitle() ? tip : '')
    tray.setContextMenu(Menu.buildFromTemplate(template(trayMenu(input), deps.act)))
  }
  draw(first)
  return { update: draw, destroy: () => tray.destroy() }
}
