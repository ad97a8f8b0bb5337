/**
 * The IPC handlers' context over the monitor rig's real parts (demo server, account service on real
 * files, monitor on a fake clock), recording what the handlers tell the window.
 */
import { afterEach } from 'vitest'
import type { AppInfo, AppWarning, EventContract } from '../../src/shared/ipc'
import { TypedEvents } from '../../src/main/core/events'
import type { HandlerContext } from '../../src/main/core/handlers'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createAlertService, openAlertBook } from '../../src/main/core/alerts'
import { createHistoryStore } from '../../src/main/core/snapshots'
import { startRig, type Rig } from './monitorRig'

export interface HandlerRig {
  rig: Rig
  ctx: HandlerContext
  /** Every event sent to the window, in order. */
  sent: { channel: keyof EventContract; payload: unknown }[]
  warnings: AppWarning[]
  /** How many times the handlers asked to leave demo mode. */
  leftDemo: number
  /** How often the handlers took in changes from disk. */
  synced: number
  /** Each `glance:hide` the glance window was asked for: the route to open then (null = none). */
  glanceHides: (string | null)[]
  /** What Copy diagnostics put on the clipboard, in order. */
  copied: string[]
}

export const INFO: AppInfo = { version: '9.9.9', userDataDir: '/data/Storeglance' }

/** Starts the rig (the demo stores are the store list) and a context over it. */
export async function startHandlerRig(stores = 2): Promise<HandlerRig> {
  const rig = await startRig({ stores })
  const history = createHistoryStore({ dir: join(rig.dir, 'history'), clock: rig.clock })
  const events = new TypedEvents<EventContract>()
  const now = () => new Date(rig.clock.now())
  const alerts = createAlertService({
    book: await openAlertBook({ dir: rig.dir, now }),
    accounts: () => rig.accounts.list(),
    settings: () => rig.accounts.settings().alerts,
    localTimeZone: () => 'UTC',
    now,
  })
  const h: HandlerRig = {
    rig,
    sent: [],
    warnings: [],
    leftDemo: 0,
    synced: 0,
    glanceHides: [],
    copied: [],
    ctx: {
      accounts: () => rig.accounts,
      monitor: () => rig.monitor,
      alerts: () => alerts,
      now: () => rig.clock.now(),
      // The same history folder the rig's monitor records into.
      history: () => history,
      // The save dialog's stand-in: the file goes into the rig's folder under the suggested name.
      saveFile: async (name, content) => {
        const path = join(rig.dir, name)
        await writeFile(path, content)
        return path
      },
      glance: { hide: (route) => h.glanceHides.push(route) },
      copyText: (text) => h.copied.push(text),
      events,
      info: () => INFO,
      warnings: () => h.warnings,
      warn: (message) => h.warnings.push({ message, at: new Date(rig.clock.now()).toISOString() }),
      leaveDemo: async () => {
        h.leftDemo++
      },
      syncFromDisk: async () => {
        h.synced++
      },
      diagnostics: async () => `diagnostics of ${rig.accounts.list().length} stores`,
    },
  }
  for (const channel of ['event:snapshot', 'event:status', 'event:accounts', 'event:settings', 'event:warning'] as const) {
    events.on(channel, (payload) => h.sent.push({ channel, payload }))
  }
  return h
}

/** For a test file: `start(n)` gives a rig that is closed after its test. */
export function handlerRigPerTest(): (stores?: number) => Promise<HandlerRig> {
  let current: HandlerRig | null = null
  afterEach(async () => {
    await current?.rig.close()
    current = null
  })
  return async (stores) => (current = await startHandlerRig(stores))
}
