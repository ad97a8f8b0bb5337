/**
 * `storeglance alerts replay|history`. `alerts replay FILE [--json]` runs the alert engine over a recorded scenario and
 * prints the alerts it raises, one per line. The scenario is checked whole first: a bad or
 * out-of-order line exits 64 naming its line number, and then no alert is printed. Quiet hours use
 * this process's local zone (TZ).
 */
import { promises as fs } from 'node:fs'
import { emptyEngineState, run, type Alert } from '../../core/alerts'
import { isFileTooLarge, readTextBounded } from '../../core/boundedRead'
import { parseScenario, ScenarioError } from '../../core/alerts/scenario'
import { parseCommand } from '../args'
import type { CliIo } from '../context'
import { EXIT, UsageError } from '../exitCodes'
import { oneLine } from '../output'
import { helpText } from '../usage'
import { historyCommand } from './alertsHistory'

type Sub = (args: string[], io: CliIo) => Promise<number>

/** Largest scenario file read (a year of polls of many stores fits). */
const MAX_SCENARIO_BYTES = 256 * 1024 * 1024

const help = (io: CliIo, command: string) => {
  io.out(`${helpText(command)}\n`)
  return EXIT.ok
}

/** The computer's zone as this process sees it (TZ when set). */
export function processTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/**
 * One alert as a JSON line: exactly `at`, `store`, `kind`, `urgent`, `title`, `body`,
 * `delivered`, and `suppressedBy` when not delivered. `store` is the store's id.
 */
export function alertJson(a: Alert): string {
  const base = { at: a.at, store: a.store, kind: a.kind, urgent: a.urgent, title: a.title, body: a.body, delivered: a.delivered }
  return JSON.stringify(a.delivered ? base : { ...base, suppressedBy: a.suppressedBy })
}

/** One alert as a line for a person: time, store, kind, title and body, and why it was not delivered. */
export function alertText(a: Alert): string {
  const urgent = a.urgent ? ' (urgent)' : ''
  const held = a.delivered ? '' : `  [not delivered: ${a.suppressedBy}]`
  return `${a.at}  ${oneLine(a.store)}  ${a.kind}${urgent}  ${oneLine(a.title)}: ${oneLine(a.body)}${held}`
}

async function readScenario(file: string): Promise<string> {
  try {
    const stat = await fs.stat(file)
    if (!stat.isFile()) throw new UsageError(`${oneLine(file)} is not a file.`, 'alerts replay')
    // The size is checked on the opened file: one that grows after the stat is not read past the limit.
    const text = await readTextBounded(file, MAX_SCENARIO_BYTES)
    if (text === null) throw Object.assign(new Error(`${file} is gone`), { code: 'ENOENT' })
    return text
  } catch (err) {
    if (err instanceof UsageError) throw err
    if (isFileTooLarge(err))
      throw new UsageError(`${oneLine(file)} is larger than ${MAX_SCENARIO_BYTES / 1024 / 1024} MB.`, 'alerts replay')
    const code = (err as NodeJS.ErrnoException).code
    throw new UsageError(`Cannot read ${oneLine(file)}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}.`, 'alerts replay')
  }
}

const replay: Sub = async (args, io) => {
  const { flags, positionals } = parseCommand('alerts replay', args, { json: { type: 'boolean' } }, 1)
  if (flags.help) return help(io, 'alerts replay')
  const file = positionals[0]
  if (file === undefined) throw new UsageError('Say which scenario file to replay.', 'alerts replay')
  const text = await readScenario(file)
  let scenario
  try {
    scenario = parseScenario(text)
  } catch (err) {
    if (err instanceof ScenarioError) throw new UsageError(`${oneLine(file)}: ${err.message}.`, 'alerts replay')
    throw err
  }
  const ctx = { settings: scenario.settings, stores: scenario.stores, localTimeZone: processTimeZone() }
  const { alerts } = run(emptyEngineState(), scenario.events, ctx)
  io.out(alerts.map((a) => `${flags.json ? alertJson(a) : alertText(a)}\n`).join(''))
  return EXIT.ok
}

const SUBCOMMANDS: Record<string, Sub> = { replay, history: historyCommand }

/** Runs `storeglance alerts <sub>`; returns the exit code. */
export async function alertsCommand(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args
  if (sub === '--help' || sub === '-h') return help(io, 'alerts')
  if (sub === undefined || sub.startsWith('-')) throw new UsageError('alerts needs a subcommand: replay or history.', 'alerts')
  const runSub = SUBCOMMANDS[sub]
  if (!runSub) throw new UsageError(`Unknown alerts subcommand "${oneLine(sub).slice(0, 40)}" (expected replay or history).`, 'alerts')
  return runSub(rest, io)
}
