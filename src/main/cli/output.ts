/**
 * Plain-text layout helpers for terminal output: aligned columns, one-line text.
 */

export type Align = 'left' | 'right'

/** Display width of `text`: code points, combining marks not counted. */
export function widthOf(text: string): number {
  return [...text.normalize('NFC')].filter((ch) => !/\p{M}/u.test(ch)).length
}

function pad(text: string, width: number, align: Align): string {
  const fill = ' '.repeat(Math.max(0, width - widthOf(text)))
  return align === 'right' ? fill + text : text + fill
}

/**
 * Lays `rows` out in columns separated by `gap` spaces; `align[i]` aligns column i (left by
 * default). Trailing spaces are trimmed from each line.
 */
export function columns(rows: string[][], align: Align[] = [], gap = 2): string {
  const count = Math.max(0, ...rows.map((r) => r.length))
  const widths = Array.from({ length: count }, (_, i) => Math.max(0, ...rows.map((r) => widthOf(r[i] ?? ''))))
  return rows
    .map((r) =>
      r
        .map((cell, i) => pad(cell, widths[i]!, align[i] ?? 'left'))
        .join(' '.repeat(gap))
        // trimEnd, not a regex: cells hold server text, and /\s+$/ backtracks on inner runs of spaces.
        .trimEnd(),
    )
    .join('\n')
}

/** Text from the server or a settings file as one safe terminal line (no control characters). */
export function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim()
}

/**
 * A core message as the CLI shows it: one line, without the app's "It will be retried later."
 * (a command line run is not retried).
 */
export function cliMessage(text: string): string {
  // Not a `\s*…$` pattern: on a long run of spaces from the server that backtracks quadratically.
  const line = oneLine(text)
  return line.endsWith(RETRY_NOTE) ? line.slice(0, -RETRY_NOTE.length).trimEnd() : line
}

const RETRY_NOTE = 'It will be retried later.'
