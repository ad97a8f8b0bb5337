/**
 * The rotating log file: `<userData>/logs/<name>.log`, rolled to `.1`, `.2`, … when it passes
 * `maxBytes`, keeping `keep` old files. Our own ~80 lines rather than a library: the well-known
 * ones are stream frameworks (winston, pino with worker transports) far larger than a few appends,
 * and their rotation assumes one writing process; here the app writes main.log and the CLI
 * cli.log, so no two processes ever rotate the same file. Writes are queued and asynchronous, and
 * a failing disk never throws into the caller: logging must not break what it describes.
 */
import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { readTail } from '../boundedRead'
import { formatLine, type LogFields, type Logger, type LogLevel } from './logger'

export interface FileLoggerOptions {
  /** The folder of log files, e.g. `<userData>/logs`. */
  dir: string
  /** `main` for the app, `cli` for the command line. */
  name?: string
  maxBytes?: number
  keep?: number
  now?: () => Date
  /** Also write each line here (the CLI's --debug shows them on stderr). */
  echo?: (line: string) => void
}

/** A logger writing to a rotating file. */
export interface FileLogger extends Logger {
  /** The current log file. */
  readonly path: string
  /** Resolves when every line logged so far is on disk (or failed to get there). */
  flush(): Promise<void>
  /** The last `maxBytes` of the current file (for diagnostics), starting at a line boundary. */
  tail(maxBytes?: number): Promise<string>
}

/** Opens (lazily) the rotating log file in `options.dir`. */
export function createFileLogger(options: FileLoggerOptions): FileLogger {
  const path = join(options.dir, `${options.name ?? 'main'}.log`)
  const maxBytes = options.maxBytes ?? 1_000_000
  const keep = options.keep ?? 3
  const now = options.now ?? (() => new Date())
  let size: number | null = null
  let chain: Promise<void> = Promise.resolve()
  let failed = false

  async function rotate(): Promise<void> {
    for (let i = keep - 1; i >= 1; i--) await fs.rename(`${path}.${i}`, `${path}.${i + 1}`).catch(() => undefined)
    await fs.rename(path, `${path}.1`).catch(() => undefined)
    size = 0
  }

  async function append(line: string): Promise<void> {
    const bytes = Buffer.byteLength(line) + 1
    if (size === null) {
      await fs.mkdir(options.dir, { recursive: true, mode: 0o700 })
      size = (await fs.stat(path).catch(() => null))?.size ?? 0
    }
    if (size > 0 && size + bytes > maxBytes) await rotate()
    await fs.appendFile(path, `${line}\n`, { mode: 0o600 })
    size += bytes
  }

  function write(level: LogLevel, event: string, fields?: LogFields): void {
    const line = formatLine(now(), level, event, fields)
    options.echo?.(line)
    chain = chain
      .then(() => append(line))
      .catch(() => {
        size = null // re-measure next time
        if (!failed) process.stderr.write(`Storeglance could not write its log ${path}\n`)
        failed = true
      })
  }

  return {
    path,
    info: (event, fields) => write('INFO', event, fields),
    warn: (event, fields) => write('WARN', event, fields),
    error: (event, fields) => write('ERROR', event, fields),
    flush: () => chain,
    async tail(max = 64 * 1024) {
      await chain
      // Only the end is read: a log file grown (or truncated) to gigabytes is never loaded whole.
      const { text, cut } = await readTail(path, max).catch(() => ({ text: '', cut: false }))
      return cut ? text.slice(text.indexOf('\n') + 1) : text
    },
  }
}
