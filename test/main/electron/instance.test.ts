import { resolve } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({ calls: [] as string[], lock: true, listeners: new Map<string, () => void>() }))
vi.mock('electron', () => {
  type App = (typeof import('electron'))['app']
  const app: Partial<App> = {
    setPath: (name: string, path: string) => {
      state.calls.push(`setPath ${name} ${path}`)
    },
    requestSingleInstanceLock: () => {
      state.calls.push('lock')
      return state.lock
    },
    on: ((event: string, listener: () => void) => {
      state.calls.push(`on ${event}`)
      state.listeners.set(event, listener)
      return app
    }) as App['on'],
  }
  return { app }
})

const { claimInstance } = await import('../../../src/main/electron/instance')
const { userDataDir } = await import('../../../src/main/core/accounts/userDataDir')

beforeEach(() => {
  state.calls.length = 0
  state.listeners.clear()
  state.lock = true
})

describe('single instance and the user data folder', () => {
  it('sets the folder exactly as the CLI resolves it (trimmed, absolute) before taking the lock', () => {
    const env = { STOREGLANCE_HOME: '  relative/home  ' }
    const claim = claimInstance(env)!
    expect(claim.dir).toBe(resolve('relative/home'))
    expect(claim.dir).toBe(userDataDir(env))
    expect(state.calls.slice(0, 3)).toEqual([`setPath userData ${resolve('relative/home')}`, 'lock', 'on second-instance'])
  })

  it('without STOREGLANCE_HOME uses the CLI folder too', () => {
    const env = { HOME: '/home/u', XDG_CONFIG_HOME: '/home/u/.cfg' }
    expect(claimInstance(env)!.dir).toBe(userDataDir(env))
  })

  it('a second launch during start-up is remembered and shows the window once it can', () => {
    const claim = claimInstance({ STOREGLANCE_HOME: '/tmp/sg' })!
    state.listeners.get('second-instance')!()
    const show = vi.fn()
    claim.onSecondInstance(show)
    expect(show).toHaveBeenCalledTimes(1)
    state.listeners.get('second-instance')!()
    expect(show).toHaveBeenCalledTimes(2)
  })

  it('gives way when another instance holds the lock', () => {
    state.lock = false
    expect(claimInstance({ STOREGLANCE_HOME: '/tmp/sg' })).toBeNull()
    expect(state.calls[0]).toMatch(/^setPath userData/)
  })
})
