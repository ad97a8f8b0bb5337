/**
 * JSON / JSONP dashboard body → raw response tree for the normalizer. JSON output is undocumented,
 * so this only insists on what every variant shares: one object with a `status`.
 */
import { isRecord } from '../../../shared/isRecord'
import { ResponseError } from './errors'
import type { RawResponse } from './normalize'
import { looksLikeCutOffJson, quoteBigIntegers, unwrapJsonp } from './jsonText'

export { quoteBigIntegers } from './jsonText'

/**
 * Parses a JSON or JSONP dashboard body (BOM stripped, size capped). Throws ResponseError when it
 * is not JSON, or not an object carrying a `status`. With `exactIntegers` false, integer literals
 * past 2^53 come back rounded (faster; parseDashboard checks with normalizeUnlessRounded).
 */
export function parseJson(body: string, exactIntegers = true): RawResponse {
  const text = unwrapJsonp(body) ?? body
  let value: unknown
  try {
    value = JSON.parse(exactIntegers ? quoteBigIntegers(text) : text)
  } catch {
    throw new ResponseError(looksLikeCutOffJson(text) ? 'truncated' : 'not-dashboard', body)
  }
  if (isRecord(value) && isRecord(value.response) && !('status' in value)) value = value.response
  if (!isRecord(value) || !('status' in value)) throw new ResponseError('not-dashboard', body)
  const status = value.status
  return { status: typeof status === 'string' ? status : null, root: value, rawEntities: true }
}
