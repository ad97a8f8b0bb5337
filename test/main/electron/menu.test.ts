import { describe, expect, it, vi } from 'vitest'
type MenuItemConstructorOptions = import('electron').MenuItemConstructorOptions

const state = vi.hoisted(() => ({ installed: null as unknown, built: null as unknown }))
vi.mock('electron', () => {
  const Menu = {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => {
      state.built = template
      return { template } as never
    },
    setApplicationMenu: (menu: unknown) => {
      state.installed = menu
    },
  } satisfies Partial<(typeof import('electron'))['Menu']>
  return { Menu }
})

const { appMenuTemplate, installAppMenu } = await import('../../../src/main/electron/menu')

/** Every role anywhere in the menu. */
function roles(items: MenuItemConstructorOptions[]): string[] {
  return items.flatMap((i) => [...(i.role ? [i.role] : []), ...(Array.isArray(i.submenu) ? roles(i.submenu) : [])])
}

describe('the application menu', () => {
  it.each(['linux', 'win32', 'darwin'] as const)('on %s has Edit, View and Window and no developer tools in production', (platform) => {
    const template = appMenuTemplate(platform, false)
    const all = roles(template)
    expect(template.map((m) => m.label ?? m.role)).toEqual(expect.arrayContaining(['Edit', 'View', 'windowMenu']))
    for (const role of ['copy', 'paste', 'cut', 'selectAll', 'undo', 'redo', 'minimize', 'zoomIn', 'resetZoom']) expect(all).toContain(role)
    expect(all).not.toContain('toggleDevTools')
    expect(all).not.toContain('reload')
    expect(all).not.toContain('forceReload')
  })

  it('offers DevTools and reload only in a development build', () => {
    expect(roles(appMenuTemplate('linux', true))).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']))
  })

  it('replaces the default menu with ours', () => {
    installAppMenu('linux', false)
    expect(state.installed).toEqual({ template: state.built })
    expect(roles(state.built as MenuItemConstructorOptions[])).not.toContain('toggleDevTools')
  })
})
