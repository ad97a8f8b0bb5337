/**
 * One-time hints ("Storeglance keeps running in the tray"), remembered in `<userData>/hints.json`
 * so each is said once per user, not once per start.
 */
import { join } from 'node:path'
import { readIfExists, writeFileAtomic } from '../fsAtomic'

const FILE = 'hints.json'
/** Longest hints file read: it names a handful of hints (at most 100 are kept). */
const MAX_HINTS_FILE_BYTES = 1024 * 1024

/**
 * True the first time `hint` is asked for in `dir` (and records it); false afterwards. A damaged
 * file counts as empty: at worst a hint is said twice.
 */
export async function firstTime(dir: string, hint: string): Promise<boolean> {
  const path = join(dir, FILE)
  let said: string[] = []
  try {
    const parsed = JSON.parse((await readIfExists(path, MAX_HINTS_FILE_BYTES)) ?? '{"said": []}') as { said?: unknown }
    if (Array.isArray(parsed.said)) said = parsed.said.filter((h): h is string => typeof h === 'string').slice(0, 100)
  } catch {
    said = []
  }
  if (said.includes(hint)) return false
  await writeFileAtomic(path, `${JSON.stringify({ said: [...said, hint] })}\n`)
  return true
}
