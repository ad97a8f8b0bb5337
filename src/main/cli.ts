/**
 * The command line: the same core as the app (client, keychain, settings, snapshots, monitor,
 * demo server) with Node adapters and no Electron. This file only parses the command, dispatches
 * to src/main/cli/commands, and turns failures into a short message and an exit code.
 */
import { version } from '../../package.json'
import { DashboardError } from './core/api'
import { AccountError } from './core/accounts'
import { accountsCommand } from './cli/commands/accounts'
import { alertsCommand } from './cli/commands/alerts'
import { watchCommand } from './cli/commands/watch'
import { demoServerCommand } from './cli/commands/demoServer'
import { fetchCommand } from './cli/commands/fetch'
import { snapshotCommand } from './cli/commands/snapshot'
import type { CliIo } from './cli/context'
import { CliFailure, EXIT, exitCodeFor, failureLabel, UsageError } from './cli/exitCodes'
import { cliMessage, oneLine } from './cli/output'
import { redact } from './core/redact'
import { helpText, usageLine } from './cli/usage'
import { openDebugLog } from './cli/debugLog'
import { errorMessage } from '../shared/errorKind'

type Command = (args: string[], io: CliIo) => Promise<number>

const COMMANDS: Record<string, Command> = {
  fetch: fetchCommand,
  accounts: accountsCommand,
  snapshot: snapshotCommand,
  'demo-server': demoServerCommand,
  alerts: alertsCommand,
  watch: watchCommand,
}

/** The real process's streams and environment. */
function processIo(debug: boolean): CliIo {
  return {
    out: (t) => void process.stdout.write(t),
    err: (t) => void process.stderr.write(t),
    stdin: process.stdin,
    env: process.env,
    debug,
  }
}

async function dispatch(args: string[], io: CliIo): Promise<number> {
  const [first, ...rest] = args
  if (first === '--version' || first === '-v') {
    io.out(`storeglance ${version}\n`)
    return EXIT.ok
  }
  if (first === '--help' || first === '-h' || first === 'help') {
    io.out(`${helpText(rest[0] && COMMANDS[rest[0]] ? rest[0] : '')}\n`)
    return EXIT.ok
  }
  if (first === undefined) throw new UsageError('Missing command (fetch, accounts, snapshot, demo-server, alerts or watch).')
  const command = COMMANDS[first]
  if (!command) {
    const what = first.startsWith('-')
      ? `Unknown option ${oneLine(first).replace(/=.*$/, '').slice(0, 40)}`
      : `Unknown command "${oneLine(first).slice(0, 40)}"`
    throw new UsageError(`${what}. Commands: fetch, accounts, snapshot, demo-server, alerts, watch.`)
  }
  return command(rest, io)
}

/** The message for a failure: what kind it was, then what to do. */
function messageFor(err: unknown): string {
  const text = errorMessage(err)
  // Multi-line messages (e.g. "no stores yet" and what to do) keep their lines.
  const message = text.split('\n').map(cliMessage).join('\n')
  if (err instanceof DashboardError) return `${failureLabel(err.kind)}: ${message}`
  if (err instanceof AccountError && err.kind === 'connection' && err.cause) return `${failureLabel(err.cause.kind)}: ${message}`
  return message
}

/** Prints `err` for a person (never a stack unless --debug) and returns its exit code. */
function report(err: unknown, io: CliIo): number {
  const code = exitCodeFor(err)
  // The core keeps keys out of its errors; a key from the environment is scrubbed here as well.
  const secret = io.env.STOREGLANCE_API_KEY?.trim()
  io.err(`storeglance: ${redact(messageFor(err), secret)}\n`)
  if (err instanceof UsageError) io.err(`${usageLine(err.command)}\n`)
  if (io.debug && err instanceof Error && err.stack) io.err(`${redact(err.stack, secret)}\n`)
  else if (code === EXIT.partial && !(err instanceof CliFailure)) io.err('Run the command again with --debug for details.\n')
  return code
}

/**
 * Runs the CLI with `argv` (without node and the script) and returns the exit code. `--debug`
 * anywhere adds stack traces to error output.
 */
export async function runCli(argv: string[], io?: CliIo): Promise<number> {
  const debug = argv.includes('--debug')
  const baseIo = io ?? processIo(debug)
  const args = argv.filter((a) => a !== '--debug')
  const log = debug ? openDebugLog(baseIo, version, args) : null
  const theIo = log ? { ...baseIo, log: log.logger } : baseIo
  try {
    const code = await dispatch(args, theIo)
    log?.logger.info('exit', { code })
    return code
  } catch (err) {
    const code = report(err, theIo)
    log?.failed(err, code)
    return code
  } finally {
    await log?.close()
  }
}

/** Exits once stdout and stderr are flushed (a keychain connection must not keep the process alive). */
function exitWhenFlushed(code: number): void {
  process.exitCode = code
  process.stdout.write('', () => process.stderr.write('', () => process.exit(code)))
}

if (typeof require !== 'undefined' && require.main === module) {
  // A closed pipe (`storeglance snapshot | head -1`) is not an error worth a stack trace.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0)
    throw err
  })
  void runCli(process.argv.slice(2)).then(exitWhenFlushed)
}
