/**
 * The text behind "Copy diagnostics": what support needs to see why a store does not update,
 * without anything private. No key (the log is redacted and keys are never in state), no customer
 * names (no snapshot content, no server message), and store labels replaced by their ids.
 */
import type { AppInfo, AppWarning } from '../../../shared/ipc'
import type { Account, StoreStatus } from '../../../shared/model'
import { redactSecrets } from './logger'

export interface DiagnosticsInput {
  info: AppInfo
  accounts: Account[]
  statuses: StoreStatus[]
  warnings: AppWarning[]
  /** The end of the log file, or '' when there is none. */
  logTail: string
  logPath: string | null
  platform?: string
  versions?: Record<string, string | undefined>
  now?: Date
}

/** Replaces each store's label (chosen by its owner, perhaps a person's name) with its id. */
function withoutLabels(text: string, accounts: Account[]): string {
  let out = text
  // Longest first, so a label containing another is replaced whole.
  for (const a of [...accounts].sort((x, y) => y.label.length - x.label.length)) {
    if (a.label.length >= 2) out = out.split(a.label).join(`[store ${a.id.slice(0, 8)}]`)
  }
  return out
}

/** Builds the diagnostics text (plain, for pasting into a message). */
export function buildDiagnostics(d: DiagnosticsInput): string {
  const v = d.versions ?? process.versions
  const lines = [
    `Storeglance ${d.info.version} diagnostics, ${(d.now ?? new Date()).toISOString()}`,
    `platform: ${d.platform ?? `${process.platform} ${process.arch}`}; node ${v.node ?? '?'}; electron ${v.electron ?? 'none'}; chrome ${v.chrome ?? 'none'}`,
    `demo mode: ${d.accounts.some((a) => a.demo) ? 'yes' : 'no'}; stores: ${d.accounts.length} (${d.accounts.filter((a) => a.enabled).length} enabled)`,
    `log file: ${d.logPath ?? 'none'}`,
    '',
    'Stores (id, format, state, failures, last error class, last success):',
    ...d.accounts.map((a) => {
      const s = d.statuses.find((x) => x.id === a.id)
      const err = s?.error ? `${s.error.kind} x${s.error.consecutiveFailures}` : '-'
      return `  ${a.id} ${a.demo ? 'demo ' : ''}${a.format} ${s?.state ?? 'not polled'} ${err} ${s?.lastSuccessAt ?? 'never'}${s?.needsAttention ? ' needs-attention' : ''}`
    }),
    '',
    `Warnings (${d.warnings.length}):`,
    ...d.warnings.map((w) => `  ${w.at} ${w.message}`),
    '',
    'Log (most recent last):',
    d.logTail.trimEnd(),
  ]
  return redactSecrets(withoutLabels(lines.join('\n'), d.accounts)) + '\n'
}
