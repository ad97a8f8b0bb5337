/** Line styles that tell apart series drawn in the same colour (more stores than palette colours). */

/** Dash patterns for the second, third… series of one colour; the first is drawn solid. */
export const REPEAT_DASHES: readonly (readonly number[])[] = [
  [2, 3],
  [10, 4],
  [10, 3, 2, 3],
]

/**
 * Per series, its line's dash pattern: undefined (solid) for the first series of each colour
 * (compared case-insensitively), then the patterns in turn for the ones after it.
 */
export function seriesDashes(colours: readonly string[]): (number[] | undefined)[] {
  const seen = new Map<string, number>()
  return colours.map((c) => {
    const key = c.toLowerCase()
    const before = seen.get(key) ?? 0
    seen.set(key, before + 1)
    return before === 0 ? undefined : [...REPEAT_DASHES[(before - 1) % REPEAT_DASHES.length]!]
  })
}
