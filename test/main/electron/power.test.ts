import { describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({ listeners: new Map<string, () => void>(), online: true }))
vi.mock('electron', () => {
  type PowerMonitor = (typeof import('electron'))['powerMonitor']
  const powerMonitor: Partial<PowerMonitor> = {
    on: ((event: string, l: () => void) => {
      state.listeners.set(event, l)
      return powerMonitor
    }) as PowerMonitor['on'],
    off: ((event: string) => {
      state.listeners.delete(event)
      return powerMonitor
    }) as PowerMonitor['off'],
  }
  const net = { isOnline: () => state.online } satisfies Partial<(typeof import('electron'))['net']>
  return { powerMonitor, net }
})

const { watchPowerAndNetwork } = await import('../../../src/main/electron/power')

describe('power and network adapter', () => {
  it('pauses on suspend and lock, resumes on wake and unlock, follows the network, and stops cleanly', () => {
    vi.useFakeTimers()
    const calls: string[] = []
    const stop = watchPowerAndNetwork(
      { pause: () => calls.push('pause'), resume: () => calls.push('resume'), setOnline: (o) => calls.push(`online:${o}`) },
      1000,
    )
    state.listeners.get('suspend')!()
    state.listeners.get('resume')!()
    state.listeners.get('lock-screen')!()
    state.listeners.get('unlock-screen')!()
    state.online = false
    vi.advanceTimersByTime(1000)
    expect(calls).toEqual(['online:true', 'pause', 'resume', 'pause', 'resume', 'online:false'])
    stop()
    expect(state.listeners.size).toBe(0)
    vi.advanceTimersByTime(5000)
    expect(calls.length).toBe(6)
    vi.useRealTimers()
  })
})
