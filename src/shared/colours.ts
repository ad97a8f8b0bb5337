/** How a new store gets its colour, the same in the window and on the command line. */
import { STORE_COLOURS } from './model'

/**
 * The first palette colour no store uses yet (compared case-insensitively), so a new column is
 * told apart at a glance; once every one is taken, the first of the least used, so colours repeat
 * evenly (the line chart draws a repeated colour dashed).
 */
export function freeStoreColour(used: readonly string[]): string {
  const counts = new Map(STORE_COLOURS.map((c) => [c.toLowerCase(), 0]))
  for (const c of used) {
    const key = c.toLowerCase()
    const n = counts.get(key)
    if (n !== undefined) counts.set(key, n + 1)
  }
  const fewest = Math.min(...counts.values())
  return STORE_COLOURS.find((c) => counts.get(c.toLowerCase()) === fewest)!
}
