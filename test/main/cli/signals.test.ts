/**
 * The wait of long-running commands (`watch`, `demo-server`) for Ctrl+C or SIGTERM, beside the file
 * lock's real exit hook (signal-exit, as proper-lockfile registers it when a lock is taken after the
 * wait began): the first signal starts an orderly stop and is never re-raised; a second ends at once.
 */
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { untilSignal } from '../../../src/main/cli/signals'

const fromLockfile = createRequire(require.resolve('proper-lockfile'))
const onExit = fromLockfile('signal-exit') as (cb: () => void) => () => void

const SIGNALS = ['SIGINT', 'SIGTERM'] as const
const before = Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)]))
afterEach(() => {
  vi.restoreAllMocks()
  // Drop what the test added, so the test process keeps its own signal handling.
  for (const s of SIGNALS) for (const l of process.listeners(s)) if (!before[s]!.includes(l)) process.off(s, l)
})

describe('untilSignal', () => {
  it.each(SIGNALS)('resolves on %s without the lock hook re-raising it; a second one exits', async (signal) => {
    const kill = vi.spyOn(process, 'kill').mockImplementation(() => true)
    const exits: number[] = []
    const waiting = untilSignal((code) => void exits.push(code))
    const removeHook = onExit(() => undefined)
    try {
      process.emit(signal, signal)
      expect(await waiting).toBe(signal)
      expect(kill).not.toHaveBeenCalled()
      expect(exits).toEqual([])
      process.emit(signal, signal)
      expect(exits).toEqual([signal === 'SIGINT' ? 130 : 143])
      expect(kill).not.toHaveBeenCalled()
    } finally {
      removeHook()
    }
  })
})
