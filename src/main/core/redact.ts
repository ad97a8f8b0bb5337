/**
 * The one rule that keeps an API key out of everything that leaves the client: snapshots, files,
 * error messages, logs, IPC. A server (or a proxy) can echo the key in disguise, so the key is
 * matched not only as sent but with any of its characters written as an XML character reference
 * (`&#104;`, `&#x68;`), a JSON escape (`\u0068`), a URL escape (`%68`) or a named entity, in any
 * letter case. Text that was decoded first (a parsed snapshot) is caught by the plain form.
 *
 * This module imports nothing, so code that must run standalone (the keychain module in a child
 * process) can use it too.
 */

/** What a secret is replaced with. */
export const REDACTED = '[redacted]'

const NAMED_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' }
const JSON_SHORT: Record<string, string> = { '"': '\\"', '\\': '\\\\', '/': '\\/' }

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/** Every way one character of the key may be written, as a regular-expression alternation. */
function charPattern(ch: string): string {
  const cp = ch.codePointAt(0)!
  const hex = cp.toString(16)
  const forms = [escapeRe(ch), `&#0{0,8}${cp};`, `&#x0{0,8}${hex};`]
  if (cp <= 0xffff) forms.push(`\\\\u${hex.padStart(4, '0')}`)
  forms.push(cp < 0x80 ? `%${hex.padStart(2, '0')}` : escapeRe(encodeURIComponent(ch)))
  if (NAMED_ENTITIES[ch]) forms.push(escapeRe(NAMED_ENTITIES[ch]))
  if (JSON_SHORT[ch]) forms.push(escapeRe(JSON_SHORT[ch]))
  if (ch === ' ') forms.push('\\+')
  return `(?:${forms.join('|')})`
}

// One pattern per key, kept for the last few keys: building it costs more than using it.
const cache = new Map<string, RegExp>()
const CACHE_SIZE = 16

/**
 * The pattern matching `secret` in any of its disguises. Each character is a fixed set of bounded
 * alternatives and nothing repeats across characters, so matching is linear in the text's length
 * (times the key's length).
 */
function patternFor(secret: string): RegExp {
  let re = cache.get(secret)
  if (!re) {
    re = new RegExp([...secret].map(charPattern).join(''), 'gi')
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value as string)
    cache.set(secret, re)
  }
  re.lastIndex = 0
  return re
}

/** Whether `text` contains `secret` in any disguise. */
export function containsSecret(text: string, secret: string | undefined | null): boolean {
  if (!secret) return false
  return patternFor(secret).test(text)
}

/**
 * Replaces every occurrence of `secret` in `text` (as is, URL-encoded, entity- or escape-encoded,
 * any letter case) by "[redacted]". Used on bodies, parsed snapshots, error messages and logs.
 */
export function redact(text: string, secret: string | undefined | null): string {
  if (!secret || text.length === 0) return text
  // Idempotent: text already redacted keeps its markers whole, even for a key such as "e".
  if (text.includes(REDACTED))
    return text
      .split(REDACTED)
      .map((part) => part.replace(patternFor(secret), REDACTED))
      .join(REDACTED)
  return text.replace(patternFor(secret), REDACTED)
}

/**
 * A copy of `value` with every string in it (values and keys of plain objects, items of arrays)
 * passed through `redact`. For parsed snapshots: the key must not reach a file or the window even
 * when the server sent it encoded and the parser decoded it.
 */
export function redactStrings<T>(value: T, secret: string | undefined | null): T {
  if (!secret) return value
  return walk(value, secret, 0) as T
}

const MAX_DEPTH = 32

function walk(value: unknown, secret: string, depth: number): unknown {
  if (typeof value === 'string') return redact(value, secret)
  if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) return value
  if (Array.isArray(value)) return value.map((v) => walk(v, secret, depth + 1))
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(value)) out[redact(k, secret)] = walk(v, secret, depth + 1)
  return out
}
