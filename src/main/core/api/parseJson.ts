/**
 * JSON / JSONP dashboard body → raw response tree for the normalizer. JSON output is undocumented,
 * so this only insists on what every variant shares: one object with a `status`.
 */
import { isRecord } from '../../../shared/isRecord'
import { ResponseError } from './errors'
import type { RawResponse } from './normalize'

/** `fn(` … `)` or `fn(` … `);`, optionally preceded by the empty comment some servers add against sniffing. */
const JSONP_RE = /^\s*(?:\/\*\*\/\s*)?[A-Za-z_$][\w$.]*\s*\(([\s\S]*)\)\s*;?\s*$/

/**
 * Integer literals of 16+ digits outside strings: JSON.parse would round them (ids > 2^53), so they
 * are quoted first and stay exact. Strings are matched too, only to be skipped.
 */
const BIG_INT_RE = /"[^"\\]*(?:\\.[^"\\]*)*"|(?<![\d.eE+-])-?\d{16,}(?![\d.eE])/g

/**
 * Parses a JSON or JSONP dashboard body (BOM stripped, size capped). Throws ResponseError when it
 * is not JSON, or not an object carrying a `status`.
 */
export function parseJson(body: string): RawResponse {
  const jsonp = JSONP_RE.exec(body)
  const text = jsonp ? jsonp[1] : body
  let value: unknown
  try {
    value = JSON.parse(quoteBigIntegers(text))
  } catch {
    throw new ResponseError(looksLikeCutOffJson(text) ? 'truncated' : 'not-dashboard', body)
  }
  if (isRecord(value) && isRecord(value.response) && !('status' in value)) value = value.response
  if (!isRecord(value) || !('status' in value)) throw new ResponseError('not-dashboard', body)
  const status = value.status
  return { status: typeof status === 'string' ? status : null, root: value, rawEntities: true }
}

/** Quotes long integer literals so they survive JSON.parse as exact strings. */
export function quoteBigIntegers(text: string): string {
  // Cheap pre-check: a long digit run right after `:`, `[` or `,` (ids sent as strings, the usual
  // case, do not match unless a string happens to contain such a sequence; quoting then is harmless).
  if (!/[:[,]\s*-?\d{16}/.test(text)) return text
  return text.replace(BIG_INT_RE, (m) => (m.charCodeAt(0) === 34 ? m : `"${m}"`))
}

/** A body that starts like a JSON object but does not end like one was probably cut off. */
function looksLikeCutOffJson(text: string): boolean {
  const t = text.trim()
  return t.startsWith('{') && !t.endsWith('}')
}
