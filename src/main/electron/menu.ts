/**
 * The application menu: our own, with the Edit, View and Window essentials (copy and paste work
 * in the settings form; zoom for readability) and no developer tools outside a development build.
 * Electron's default menu would offer "Toggle Developer Tools" to anyone.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron'

/** Builds the menu template for a platform; `dev` adds reload and DevTools for development only. */
export function appMenuTemplate(platform: NodeJS.Platform, dev: boolean): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin'
  const template: MenuItemConstructorOptions[] = []
  if (mac) {
    template.push({
      label: 'Storeglance',
      submenu: [
        { role: 'about' },
        { type: 'separator' },
        { role: 'hide' },
        { role: 'hideOthers' },
        { role: 'unhide' },
        { type: 'separator' },
        { role: 'quit' },
      ],
    })
  } else {
    template.push({ label: 'File', submenu: [{ role: 'quit' }] })
  }
  template.push({
    label: 'Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  })
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom' },
    { role: 'zoomIn' },
    { role: 'zoomOut' },
    { type: 'separator' },
    { role: 'togglefullscreen' },
  ]
  if (dev) view.unshift({ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' })
  template.push({ label: 'View', submenu: view })
  template.push({
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  })
  return template
}

/** Installs the app's own menu in place of Electron's default one. */
export function installAppMenu(platform: NodeJS.Platform, dev: boolean): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform, dev)))
}
