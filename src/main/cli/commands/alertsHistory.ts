/**
 * `storeglance alerts history [--json] [--since ISO]`: the app's alert log (the last 90 days, at
 * most 1,000 alerts), oldest first, in the same line and JSON shapes as `alerts replay`.
 */
import { openAlertBook } from '../../core/alerts'
import { isIsoDay } from '../../core/api/bounds'
import { isInstant } from '../../../shared/period'
import { userDataDir } from '../../core/accounts'
import { optional, parseCommand } from '../args'
import type { CliIo } from '../context'
import { EXIT, UsageError } from '../exitCodes'
import { helpText } from '../usage'
import { alertJson, alertText } from './alerts'

const COMMAND = 'alerts history'
/** A zone at the end of an instant: Z, +01:00 or +0100. */
const ZONE = /(?:Z|[+-]\d{2}:?\d{2})$/

/**
 * A date or instant whose day and time exist (Date.parse would take 2025-02-30 as 2 March): a
 * calendar day, or an instant checked as the calendar module checks one (a zone-less one as if UTC).
 */
function isRealMoment(raw: string): boolean {
  if (raw.length === 10) return isIsoDay(raw)
  return isInstant(ZONE.test(raw) ? raw : `${raw}Z`)
}

/** --since: an ISO date or instant; undefined when absent. */
function sinceFlag(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined
  const t = Date.parse(raw)
  if (!isRealMoment(raw) || Number.isNaN(t))
    throw new UsageError('--since must be an ISO-8601 date or instant, e.g. 2025-03-01 or 2025-03-01T08:00:00Z.', COMMAND)
  return t
}

/** Prints the alert log; exit 0 (an empty log prints nothing on stdout and says so on stderr). */
export async function historyCommand(args: string[], io: CliIo): Promise<number> {
  const { flags } = parseCommand(COMMAND, args, { json: { type: 'boolean' }, since: { type: 'string' } })
  if (flags.help) {
    io.out(`${helpText(COMMAND)}\n`)
    return EXIT.ok
  }
  const since = sinceFlag(optional(flags, 'since'))
  const book = await openAlertBook({ dir: userDataDir(io.env), warn: (m) => io.err(`Warning: ${m}\n`), readOnly: true })
  const log = book.log().filter((a) => since === undefined || Date.parse(a.at) >= since)
  if (log.length === 0) io.err(since === undefined ? 'No alerts yet.\n' : 'No alerts since then.\n')
  io.out(log.map((a) => `${flags.json ? alertJson(a) : alertText(a)}\n`).join(''))
  return EXIT.ok
}
