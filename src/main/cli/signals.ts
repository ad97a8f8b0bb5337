/** Waiting for the user to stop a long-running command (Ctrl+C, or SIGTERM from a service manager). */

const SIGNAL_NUMBERS: Partial<Record<NodeJS.Signals, number>> = { SIGINT: 2, SIGTERM: 15 }

/**
 * Resolves on the first SIGINT or SIGTERM; a second one ends the process at once (exit 128 + the
 * signal's number), for a shutdown that hangs. The listeners stay until the process ends: the file
 * lock's exit hook (signal-exit) re-raises a signal when it finds itself the only listener, which
 * would kill the process in the middle of its orderly stop.
 */
export function untilSignal(exit: (code: number) => void = (code) => process.exit(code)): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    let stopping = false
    const on = (signal: NodeJS.Signals) => {
      if (stopping) return exit(128 + (SIGNAL_NUMBERS[signal] ?? 0))
      stopping = true
      resolve(signal)
    }
    process.on('SIGINT', on)
    process.on('SIGTERM', on)
  })
}
