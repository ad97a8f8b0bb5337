/**
 * Feeds the poller from the system: suspend and screen lock pause it, resume and unlock wake it,
 * and the network state (Electron's net.isOnline, checked periodically: main has no online event)
 * switches it between online and offline.
 */
import { net, powerMonitor } from 'electron'

/** What the power adapter drives (the monitor's pause/resume/setOnline). */
export interface PowerTarget {
  pause(): void
  resume(): void
  setOnline(online: boolean): void
}

/** Starts watching; returns the function that stops watching. */
export function watchPowerAndNetwork(target: PowerTarget, checkEveryMs = 15_000): () => void {
  const pause = () => target.pause()
  const resume = () => target.resume()
  powerMonitor.on('suspend', pause)
  powerMonitor.on('lock-screen', pause)
  powerMonitor.on('resume', resume)
  powerMonitor.on('unlock-screen', resume)
  const check = () => target.setOnline(net.isOnline())
  check()
  const timer = setInterval(check, checkEveryMs)
  return () => {
    clearInterval(timer)
    powerMonitor.off('suspend', pause)
    powerMonitor.off('lock-screen', pause)
    powerMonitor.off('resume', resume)
    powerMonitor.off('unlock-screen', resume)
  }
}
