/**
 * Dashboard bodies of a chosen size for the benchmark, XML and JSON, built with the parse tests'
 * realistic generator (ids of 17 digits, entities, campaigns × days): the default request (~20 KB)
 * or any size up to the client's 5 MB cap.
 */
import { DEFAULT_ROWS, bigJson, bigXml } from '../test/main/core/api/bigDashboard'

type Rows = typeof DEFAULT_ROWS

/** Rows at scale `s`: the 2 MB worst case at 1, more campaigns beyond it. */
function rowsAt(s: number): Rows {
  const upTo1 = Math.min(s, 1)
  return {
    mostActive: Math.ceil(1000 * upTo1),
    campaigns: Math.ceil(60 * s),
    days: 366,
    txs: Math.ceil(4000 * upTo1),
    customers: Math.ceil(4000 * upTo1),
  }
}

/** A body within a few percent of `chars` (found by bisection on the scale). */
function sized(make: (rows: Rows) => string, chars: number): string {
  let lo = 0.001
  let hi = 4
  let best = make(rowsAt(hi))
  for (let i = 0; i < 14; i++) {
    const mid = (lo + hi) / 2
    const body = make(rowsAt(mid))
    if (body.length > chars) hi = mid
    else lo = mid
    if (Math.abs(body.length - chars) < Math.abs(best.length - chars)) best = body
  }
  return best
}

/** The XML dashboard of the default request (DEFAULT_SIZES). */
export const defaultXml = (): string => bigXml(DEFAULT_ROWS)
/** The JSON dashboard of the default request (DEFAULT_SIZES). */
export const defaultJson = (): string => bigJson(DEFAULT_ROWS)
/** An XML dashboard of about `chars` characters. */
export const xmlOfSize = (chars: number): string => sized(bigXml, chars)
/** A JSON dashboard of about `chars` characters. */
export const jsonOfSize = (chars: number): string => sized(bigJson, chars)
