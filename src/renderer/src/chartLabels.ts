/** How the charts write their axis labels: store names cut short, indexed figures in percent. */

/** The longest store name the bar chart writes under a bar; longer names end in "…" (the tooltip has them whole). */
export const BAR_LABEL_CHARS = 16

/** `text` cut to `max` characters, the last one an ellipsis, when it is longer; whole otherwise. */
export function shortLabel(text: string, max = BAR_LABEL_CHARS): string {
  const chars = [...text]
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`
}

/** A value-axis tick: the number as Chart.js writes it, with the unit ("%" on indexed charts). */
export function tickText(value: number | string, unit: string): string {
  const n = typeof value === 'number' ? value : Number(value)
  return `${Number.isFinite(n) ? n.toLocaleString() : String(value)}${unit}`
}
