/**
 * `--debug`: the command writes the same support log as the app, to `<userData>/logs/cli.log`
 * (its own file, so the app and the CLI never rotate one file at once), and says where it is.
 * Lines are redacted like the app's: no key can reach them.
 */
import { join } from 'node:path'
import { userDataDir } from '../core/accounts'
import { createFileLogger, type FileLogger } from '../core/log/fileLog'
import { outcomeClass, rememberSecret } from '../core/log/logger'
import type { CliIo } from './context'
import { errorMessage } from '../../shared/errorKind'

export interface DebugLog {
  logger: FileLogger
  /** Logs a failed command: its class, message and stack (all redacted). */
  failed(err: unknown, code: number): void
  /** Writes what is pending and tells stderr where the log is. */
  close(): Promise<void>
}

/** Opens the CLI's debug log and logs the start of the command (its name only: arguments may be personal). */
export function openDebugLog(io: CliIo, version: string, args: string[]): DebugLog {
  rememberSecret(io.env['STOREGLANCE_API_KEY'])
  const logger = createFileLogger({ dir: join(userDataDir(io.env), 'logs'), name: 'cli' })
  // The verb only (and the accounts subcommand): other arguments may be personal.
  const command =
    (args[0] === 'accounts' ? args.slice(0, 2) : args.slice(0, 1))
      .join(' ')
      .replace(/[^\w -]/g, '?')
      .slice(0, 40) || '(none)'
  logger.info('start', { version, command, node: process.versions.node, platform: `${process.platform}-${process.arch}` })
  return {
    logger,
    failed(err, code) {
      const message = errorMessage(err)
      const stack = err instanceof Error && err.stack ? err.stack.split('\n').slice(1, 8).join(' | ') : undefined
      logger.error('failed', { code, class: outcomeClass(err), message, stack })
    },
    async close() {
      await logger.flush()
      io.err(`Debug log: ${logger.path}\n`)
    },
  }
}
