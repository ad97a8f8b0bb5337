/**
 * `storeglance snapshot`: every enabled store fetched once through the monitor (so the figures are
 * saved and the poller's limits apply, exactly as in the app), then the side-by-side comparison.
 * `--offline` makes no request and prints what is stored, with its age.
 */
import type { Account } from '../../../shared/model'
import { createMonitor } from '../../core/monitor'
import { systemClock } from '../../core/ports'
import { exclusive, parseCommand } from '../args'
import { intOption, SNAPSHOT_OPTIONS, specOf } from '../options'
import { exportedAccounts, withHistory } from '../../core/comparisonCsv'
import { openCore, type CliCore, type CliIo } from '../context'
import { CliFailure, EXIT, exitCodeForKind, failureLabel, type ExitCode } from '../exitCodes'
import { cliMessage, oneLine } from '../output'
import { compare, comparisonCsv, comparisonJson, comparisonText, type StoreColumn } from '../table'
import { helpText } from '../usage'

const COMMAND = 'snapshot'

const NO_STORES =
  'No stores are set up yet, so there is nothing to compare.\n' +
  'Add one with `storeglance accounts add --help`, or try the simulated stores of `storeglance demo-server`.'

/** The enabled stores, or a failure (exit 64) saying why there are none. */
function enabledAccounts(core: CliCore): Account[] {
  const all = core.accounts.list()
  if (all.length === 0) throw new CliFailure(EXIT.usage, NO_STORES)
  const enabled = exportedAccounts(all, core.accounts.settings().storeOrder)
  if (enabled.length === 0) throw new CliFailure(EXIT.usage, `All ${all.length} stores are disabled: enable one in the app first.`)
  return enabled
}

/** What is on disk for each store; no request. */
async function storedColumns(core: CliCore, accounts: Account[]): Promise<StoreColumn[]> {
  return Promise.all(
    accounts.map(async (account) => {
      const { current } = await core.snapshots.load(account.id)
      return { account, snapshot: current, state: current ? 'stored' : 'none', error: null } satisfies StoreColumn
    }),
  )
}

/** Fetches every enabled store once through the monitor; failed stores keep their stored figures. */
async function fetchedColumns(core: CliCore, accounts: Account[], timeoutMs: number, io: CliIo): Promise<StoreColumn[]> {
  const monitor = createMonitor({
    ...core,
    clock: systemClock,
    timeoutMs,
    onWarning: (m) => io.err(`Warning: ${m}\n`),
    ...(io.log ? { log: io.log } : {}),
  })
  await monitor.pollAllOnce()
  const pairs = new Map(monitor.snapshots().map((p) => [p.id, p.current]))
  return accounts.map((account) => {
    const status = monitor.status(account.id)
    const snapshot = pairs.get(account.id) ?? null
    const error = status?.error ? { kind: status.error.kind, message: status.error.message } : null
    const state = error || !snapshot ? 'failed' : 'ok'
    return { account, snapshot, state, error: state === 'failed' ? (error ?? { kind: 'network', message: 'No answer.' }) : null }
  })
}

/** When every store failed, the most actionable code: keychain (4), then server refusal (2), then request (3). */
function allFailedCode(failed: StoreColumn[]): ExitCode {
  const codes = failed.map((c) => exitCodeForKind(c.error?.kind))
  for (const code of [EXIT.key, EXIT.api, EXIT.request] as const) if (codes.includes(code)) return code
  return EXIT.request
}

/** Tells stderr which stores failed (one line), plus the first reason in full when all did; returns the exit code. */
function reportFailures(io: CliIo, cols: StoreColumn[], offline: boolean): ExitCode {
  if (offline) {
    const missing = cols.filter((c) => !c.snapshot)
    if (missing.length === 0) return EXIT.ok
    io.err(
      `${missing.length} of ${cols.length} stores have no stored figures yet: ${missing.map((c) => oneLine(c.account.label)).join(', ')}.\n`,
    )
    return EXIT.partial
  }
  const failed = cols.filter((c) => c.state === 'failed')
  if (failed.length === 0) return EXIT.ok
  const names = failed.map((c) => `${oneLine(c.account.label)} (${failureLabel(c.error?.kind)})`).join(', ')
  if (failed.length < cols.length) {
    io.err(`${failed.length} of ${cols.length} stores failed: ${names}. Their status lines say why.\n`)
    return EXIT.partial
  }
  const code = allFailedCode(failed)
  const first = failed.find((c) => exitCodeForKind(c.error?.kind) === code) ?? failed[0]!
  io.err(`All ${cols.length} stores failed: ${names}.\n${failureLabel(first.error?.kind)}: ${cliMessage(first.error?.message ?? '')}\n`)
  return code
}

/** Runs `storeglance snapshot`; returns the exit code. */
export async function snapshotCommand(args: string[], io: CliIo): Promise<number> {
  const { flags } = parseCommand(COMMAND, args, specOf(SNAPSHOT_OPTIONS))
  if (flags.help) {
    io.out(`${helpText(COMMAND)}\n`)
    return EXIT.ok
  }
  exclusive(flags, ['json', 'csv'], COMMAND)
  const timeoutMs = intOption(flags, SNAPSHOT_OPTIONS, 'timeout-ms', COMMAND)
  const offline = flags.offline === true
  const core = await openCore(io)
  const accounts = enabledAccounts(core)
  const cols = await withHistory(
    core.history,
    offline ? await storedColumns(core, accounts) : await fetchedColumns(core, accounts, timeoutMs, io),
  )
  const now = new Date()
  const comparison = compare(cols)
  if (flags.json) io.out(comparisonJson(cols, comparison, now, offline))
  else if (flags.csv) io.out(comparisonCsv(cols, comparison, now))
  else io.out(comparisonText(cols, comparison, now))
  return reportFailures(io, cols, offline)
}
