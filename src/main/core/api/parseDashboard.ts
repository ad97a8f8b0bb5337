/**
 * The single entry point from a response body to a StoreSnapshot, for either format. Pure and
 * synchronous: no network, no clock (fetchedAt is given).
 */
import type { ResponseFormat, StoreSnapshot } from '../../../shared/model'
import { ResponseError } from './errors'
import { normalize, normalizeUnlessRounded } from './normalize'
import { parseJson } from './parseJson'
import { looksLikeJsonpObject } from './jsonText'
import { parseXml } from './parseXml'

/** Largest body parsed, in characters: a full dashboard with generous list sizes is well below 1 MB. */
export const MAX_BODY_CHARS = 5 * 1024 * 1024

export interface ParseMeta {
  accountId: string
  fetchedAt: string
  /**
   * The key the request carried: the server's error message is redacted with it after decoding
   * and before it is shortened, so no part of the key survives at the cut.
   */
  secret?: string
}

/**
 * The format the body is actually in: a server that ignores `output=` (or a proxy's page) is read
 * by what it is, `<` for XML, `{` or a JSONP callback for JSON; otherwise the format asked for.
 */
function sniffFormat(text: string, asked: ResponseFormat): ResponseFormat {
  const first = text.slice(0, 256).trimStart()[0]
  if (first === '<') return 'xml'
  if (first === '{' || (asked === 'xml' && looksLikeJsonpObject(text.slice(0, 512)))) return 'json'
  return asked
}

/**
 * Parses a dashboard body in the format that was asked for. Throws ApiError when the server
 * answered status="error", ResponseError when the body is empty, over `maxChars`, cut off, broken or
 * not a dashboard response: never returns a partial snapshot.
 */
export function parseDashboard(body: string, format: ResponseFormat, meta: ParseMeta, maxChars: number = MAX_BODY_CHARS): StoreSnapshot {
  if (body.length > maxChars) throw new ResponseError('too-large', body)
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body
  if (!/\S/.test(text)) throw new ResponseError('empty', body)
  const json = sniffFormat(text, format) === 'json'
  if (json) {
    // Most answers carry no unquoted integer past 2^53, and a plain JSON.parse reads them exactly.
    const fast = fastJson(text, meta)
    if (fast) return fast
  }
  const raw = json ? parseJson(text) : parseXml(text)
  try {
    return normalize(raw, meta)
  } catch (err) {
    // The normalizer does not see the body: give its ResponseError the excerpt.
    if (err instanceof ResponseError && err.excerpt === '') throw new ResponseError(err.problem, body)
    throw err
  }
}

/** The snapshot from a plain JSON.parse; null when that rounded an integer read, or failed (the exact path then says why). */
function fastJson(text: string, meta: ParseMeta): StoreSnapshot | null {
  try {
    return normalizeUnlessRounded(parseJson(text, false), meta)
  } catch {
    return null
  }
}
