/**
 * XML dashboard body → raw response tree (plain objects and strings) for the normalizer.
 * The structural pre-pass (xmlPrepass.ts) runs first; fast-xml-parser is then configured so that
 * every value stays a string exactly as sent (ids with leading zeros or 17 digits), the known lists
 * are always arrays, only the root's `status` attribute is kept, and entities are decoded with
 * bounded expansion (a DOCTYPE never gets this far).
 */
import { XMLParser, type X2jOptions } from 'fast-xml-parser'
import { isRecord } from '../../../shared/isRecord'
import { ResponseError } from './errors'
import { MAX_XML_DEPTH, checkAndRepairXml } from './xmlPrepass'
import type { RawResponse } from './normalize'

/** Elements that are lists, by path: always arrays even with one element. */
const LIST_PATHS = new Set([
  'response.most_active.customer',
  'response.campaigns_per_day_activity.campaign',
  'response.campaigns_per_day_activity.campaign.day',
  'response.campaigns_per_day_activity.campaign.days.day',
  'response.last_X_transactions.transaction',
  'response.last_X_customers.customer',
])

/** fast-xml-parser's options (the benchmark's floor parses the same bytes with the same). */
export const OPTIONS: X2jOptions = {
  ignoreAttributes: (name: string, jPath: unknown) => !(name === 'status' && jPath === 'response'),
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  // Numeric references (&#233; &#xE9;) are decoded only with htmlEntities; the decoder leaves a
  // raw `&` or an unknown name as literal text.
  htmlEntities: true,
  processEntities: {
    enabled: true,
    maxEntitySize: 1000,
    maxExpansionDepth: 2,
    maxTotalExpansions: 1000,
    maxExpandedLength: 100_000,
    maxEntityCount: 10,
    // Count only DOCTYPE-defined entities against the limits, not &amp; and numeric references.
    appliesTo: 'external',
  } as X2jOptions['processEntities'],
  ignoreDeclaration: true,
  ignorePiTags: true,
  isArray: (_name: string, jPath: unknown) => typeof jPath === 'string' && LIST_PATHS.has(jPath),
  maxNestedTags: MAX_XML_DEPTH + 2,
  strictReservedNames: true,
  jPath: true,
}

const parser = new XMLParser(OPTIONS)

/**
 * Parses an XML dashboard body (BOM already stripped, size already capped) into its status and
 * root element. Throws ResponseError when it is not a complete `<response>` document.
 */
export function parseXml(body: string): RawResponse {
  const repaired = checkAndRepairXml(body)
  let tree: unknown
  try {
    tree = parser.parse(repaired)
  } catch (err) {
    throw new ResponseError('malformed', body, err instanceof Error ? err.message : undefined)
  }
  const root = isRecord(tree) ? tree.response : undefined
  if (!isRecord(root)) throw new ResponseError('not-dashboard', body)
  const status = typeof root['@_status'] === 'string' ? root['@_status'] : null
  return { status, root }
}
