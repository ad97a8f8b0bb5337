/**
 * One Storeglance per user data folder. The folder is resolved by the same function as the CLI's
 * (`STOREGLANCE_HOME` trimmed and absolute, else the platform's convention) and set before the
 * single-instance lock is taken, so the lock guards the folder actually used. `second-instance` is
 * registered at once: a second launch during the slow start is remembered and answered when the
 * window can be shown, never dropped.
 */
import { app } from 'electron'
import { userDataDir } from '../core/accounts/userDataDir'

/** The first instance's hold on its folder. */
export interface InstanceClaim {
  /** The user data folder (also Electron's `userData` path). */
  dir: string
  /** Sets what a second launch does; a launch that came before this is replayed at once. */
  onSecondInstance(show: () => void): void
}

/** Sets the user data folder and takes the lock; null when another instance already runs. */
export function claimInstance(env: NodeJS.ProcessEnv = process.env): InstanceClaim | null {
  const dir = userDataDir(env)
  app.setPath('userData', dir)
  if (!app.requestSingleInstanceLock()) return null
  let handler: (() => void) | null = null
  let pending = false
  app.on('second-instance', () => {
    if (handler) handler()
    else pending = true
  })
  return {
    dir,
    onSecondInstance(show) {
      handler = show
      if (pending) {
        pending = false
        show()
      }
    },
  }
}
