/**
 * `storeglance demo-server`: the demo server of the app (simulated stores over real HTTP) as a
 * process of its own, for trying the CLI, support sessions and scripts. Loopback only: the keys it
 * prints are throwaway, but the server is not meant to be reachable from other computers.
 */
import { isLoopbackHost } from '../../core/api'
import { isInstant } from '../../../shared/period'
import { startDemoServer, type DemoServer } from '../../core/demo'
import { optional, parseCommand, type Flags } from '../args'
import { DEMO_SERVER_OPTIONS, intOption, specOf } from '../options'
import type { CliIo } from '../context'
import { CliFailure, EXIT, UsageError } from '../exitCodes'
import { columns } from '../output'
import { untilSignal } from '../signals'
import { helpText } from '../usage'

const COMMAND = 'demo-server'

/** An ISO-8601 instant with a date and a time (a zone is advised; without one it is local time). */

function readHost(flags: Flags): string {
  const host = optional(flags, 'host') ?? '127.0.0.1'
  if (!isLoopbackHost(host.replace(/^\[|\]$/g, ''))) {
    throw new UsageError(
      '--host must be a loopback address (127.0.0.1, ::1 or localhost): the demo server is for this computer only.',
      COMMAND,
    )
  }
  return host.replace(/^\[|\]$/g, '')
}

function readNow(flags: Flags): (() => Date) | undefined {
  const raw = optional(flags, 'now')
  if (raw === undefined) return undefined
  if (!isInstant(raw))
    throw new UsageError('--now must be an ISO-8601 instant with a zone whose date and time exist, e.g. 2025-03-15T12:00:00Z.', COMMAND)
  const t = Date.parse(raw)
  return () => new Date(t)
}

function describe(server: DemoServer, seed: number, frozen: boolean): string {
  const rows = server.stores.map((s) => [s.label, s.userId, s.accountId, s.key, s.timeZone])
  const first = server.stores[0]!
  return [
    `Demo server listening on ${server.url} (${server.stores.length} stores, seed ${seed}${frozen ? ', clock frozen' : ''}). Stop it with Ctrl+C.`,
    '',
    columns([['Label', 'User id', 'Account id', 'Key', 'Time zone'], ...rows]),
    '',
    'Add a store (the key goes on standard input, never on the command line):',
    `  printf '%s' '${first.key}' | storeglance accounts add --label '${first.label.replace(/'/g, "'\\''")}' --endpoint ${server.url} --user-id ${first.userId} --account-id ${first.accountId} --time-zone ${first.timeZone}`,
    '',
  ].join('\n')
}

/** Runs `storeglance demo-server` until SIGINT or SIGTERM; returns 0 once the server is closed. */
export async function demoServerCommand(args: string[], io: CliIo): Promise<number> {
  const { flags } = parseCommand(COMMAND, args, specOf(DEMO_SERVER_OPTIONS))
  if (flags.help) {
    io.out(`${helpText(COMMAND)}\n`)
    return EXIT.ok
  }
  const host = readHost(flags)
  const port = intOption(flags, DEMO_SERVER_OPTIONS, 'port', COMMAND)
  const stores = intOption(flags, DEMO_SERVER_OPTIONS, 'stores', COMMAND)
  const seed = intOption(flags, DEMO_SERVER_OPTIONS, 'seed', COMMAND)
  const latencyMs = intOption(flags, DEMO_SERVER_OPTIONS, 'latency-ms', COMMAND)
  const now = readNow(flags)
  const signal = untilSignal()
  const server = await startDemoServer({ host, port, stores, seed, latencyMs, ...(now ? { now } : {}) }).catch(
    (err: NodeJS.ErrnoException) => {
      throw new CliFailure(
        EXIT.partial,
        `The demo server could not listen on ${host} port ${port} (${err.code ?? err.message}). Choose another --port.`,
      )
    },
  )
  if (flags.json) {
    io.out(`${JSON.stringify({ url: server.url, stores: server.stores })}\n`)
    io.err(`Demo server listening on ${server.url}. Stop it with Ctrl+C.\n`)
  } else {
    io.out(describe(server, seed, now !== undefined))
  }
  const got = await signal
  await server.close()
  io.err(`Demo server stopped (${got}).\n`)
  return EXIT.ok
}
