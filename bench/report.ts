/**
 * The benchmark's results: one row per figure, printed as one table and written to
 * bench/results.json (one key per row: the figure, its unit, the reference and the ratio).
 */
import { writeFileSync } from 'node:fs'

/** What a figure is compared with, measured in the same run (or a fixed budget such as one frame). */
export interface Reference {
  figure: number
  unit: string
  what: string
}

/** One measured figure. A null figure means it was not measured (the note says why). */
export interface Row {
  key: string
  measure: number
  label: string
  figure: number | null
  unit: string
  reference: Reference | null
  ratio: number | null
  /** The goal on the ratio, when the issue sets one (e.g. "≤ 1.25"). */
  goal?: string
  /** The same figure in another unit (a parse's MB/s). */
  also?: { figure: number; unit: string }
  note?: string
}

/** Builds a row, computing the ratio figure / reference. */
export function row(
  measure: number,
  key: string,
  label: string,
  figure: number,
  unit: string,
  reference: Reference | null,
  extra: Pick<Row, 'goal' | 'note' | 'also'> = {},
): Row {
  const ratio = reference && reference.figure > 0 ? figure / reference.figure : null
  return { key, measure, label, figure, unit, reference, ratio, ...extra }
}

/** A row for a figure that could not be measured in this build or on this machine. */
export function notMeasured(measure: number, key: string, label: string, why: string): Row {
  return { key, measure, label, figure: null, unit: '', reference: null, ratio: null, note: `not measured: ${why}` }
}

/** A number with a sensible number of digits for the table. */
export function fmt(n: number): string {
  const a = Math.abs(n)
  if (a >= 1000) return Math.round(n).toLocaleString('en-US')
  if (a >= 100) return n.toFixed(0)
  if (a >= 10) return n.toFixed(1)
  if (a >= 1) return n.toFixed(2)
  return n.toPrecision(2)
}

function cells(r: Row): string[] {
  const figure = r.figure === null ? '—' : `${fmt(r.figure)} ${r.unit}`
  const ref = r.reference ? `${fmt(r.reference.figure)} ${r.reference.unit} (${r.reference.what})` : '—'
  const ratio = r.ratio === null ? '—' : `${fmt(r.ratio)}×`
  const goal = r.goal ? `${r.goal}× ${r.ratio !== null && meetsGoal(r) ? 'met' : 'missed'}` : ''
  return [String(r.measure), r.label, figure, ref, ratio, [goal, r.note ?? ''].filter(Boolean).join('; ')]
}

/** True when the ratio meets a goal written "≤ x". */
export function meetsGoal(r: Row): boolean {
  const m = /^≤\s*([\d.]+)$/.exec(r.goal ?? '')
  return !m || (r.ratio !== null && r.ratio <= Number(m[1]))
}

/** The rows as a Markdown table (readable in a terminal and pasteable into the README). */
export function table(rows: Row[]): string {
  const head = ['#', 'measure', 'figure', 'reference', 'ratio', 'goal / note']
  const body = rows.map(cells)
  const esc = (s: string) => s.replace(/\|/g, '\\|')
  return [head, head.map(() => '---'), ...body].map((c) => `| ${c.map(esc).join(' | ')} |`).join('\n')
}

/** Writes the rows to `file` as one JSON object keyed by row key. */
export function writeResults(file: string, rows: Row[], machine: Record<string, string>): void {
  const results: Record<string, unknown> = { _run: machine }
  for (const r of rows) {
    results[r.key] = {
      measure: r.measure,
      label: r.label,
      figure: r.figure,
      unit: r.unit,
      reference: r.reference,
      ratio: r.ratio,
      ...(r.also ? { also: r.also } : {}),
      ...(r.goal ? { goal: r.goal } : {}),
      ...(r.note ? { note: r.note } : {}),
    }
  }
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`)
}
