/** How a new store gets its colour, the same in the window and on the command line. */
import { STORE_COLOURS } from './model'

/**
 * The first palette colour no store uses yet (compared case-insensitively), so a new column is
 * told apart at a glance; the palette's first colour when every one is taken.
 */
export function freeStoreColour(used: readonly string[]): string {
  const taken = new Set(used.map((c) => c.toLowerCase()))
  return STORE_COLOURS.find((c) => !taken.has(c.toLowerCase())) ?? STORE_COLOURS[0]!
}
