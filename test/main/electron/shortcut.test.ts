import { beforeEach, describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({ registered: new Map<string, () => void>(), taken: new Set<string>() }))
vi.mock('electron', () => {
  const globalShortcut = {
    register: (accelerator: string, callback: () => void) => {
      if (accelerator.includes('Bogus')) throw new Error(`Error processing argument: ${accelerator}`)
      if (state.taken.has(accelerator) || state.registered.has(accelerator)) return false
      state.registered.set(accelerator, callback)
      return true
    },
    unregister: (accelerator: string) => {
      state.registered.delete(accelerator)
    },
  } satisfies Partial<(typeof import('electron'))['globalShortcut']>
  return { globalShortcut }
})

const { createShortcutManager } = await import('../../../src/main/electron/shortcut')

beforeEach(() => {
  state.registered.clear()
  state.taken.clear()
})

describe('the global shortcut', () => {
  it('registers the shortcut, which toggles the window', () => {
    const toggle = vi.fn()
    const manager = createShortcutManager(toggle)
    expect(manager.apply('CommandOrControl+Alt+G')).toEqual({ ok: true, active: 'CommandOrControl+Alt+G' })
    state.registered.get('CommandOrControl+Alt+G')!()
    expect(toggle).toHaveBeenCalledTimes(1)
  })

  it('switches to a new shortcut and releases the old one', () => {
    const manager = createShortcutManager(() => undefined)
    manager.apply('CommandOrControl+Alt+G')
    expect(manager.apply('Ctrl+Shift+F12')).toEqual({ ok: true, active: 'Ctrl+Shift+F12' })
    expect([...state.registered.keys()]).toEqual(['Ctrl+Shift+F12'])
  })

  it('keeps the previous shortcut when the new one is taken or invalid, and says so', () => {
    const manager = createShortcutManager(() => undefined)
    manager.apply('CommandOrControl+Alt+G')
    state.taken.add('Alt+Space')
    const taken = manager.apply('Alt+Space')
    expect(taken).toMatchObject({ ok: false, active: 'CommandOrControl+Alt+G' })
    expect(taken.message).toBe(
      'The shortcut Alt+Space could not be registered (another application may be using it); CommandOrControl+Alt+G still shows and hides the window.',
    )
    expect(manager.apply('Ctrl+Bogus')).toMatchObject({ ok: false, active: 'CommandOrControl+Alt+G' })
    expect([...state.registered.keys()]).toEqual(['CommandOrControl+Alt+G'])
    expect(manager.active()).toBe('CommandOrControl+Alt+G')
  })

  it('says when no shortcut is active after a failure, turns off, and releases at quit', () => {
    const manager = createShortcutManager(() => undefined)
    state.taken.add('Alt+Space')
    expect(manager.apply('Alt+Space').message).toMatch(/no shortcut is active/)
    manager.apply('Ctrl+Shift+1')
    expect(manager.apply(null)).toEqual({ ok: true, active: null })
    expect(state.registered.size).toBe(0)
    manager.apply('Ctrl+Shift+1')
    manager.dispose()
    expect(state.registered.size).toBe(0)
  })
})
