/**
 * Linear scanners for JSON text from the server, written by hand rather than as regular
 * expressions: a backtracking pattern over a body the server controls can take quadratic time
 * (a JSONP wrapper followed by a long run of whitespace took minutes at 250 K characters).
 * Each function here looks at every character a bounded number of times.
 */

/** Longest JSONP callback name accepted (`jQuery1234_5678.callbacks.x` and the like). */
const MAX_CALLBACK_CHARS = 256

const isWs = (c: number): boolean => c === 32 || c === 9 || c === 10 || c === 13
const isDigit = (c: number): boolean => c >= 48 && c <= 57
const isIdStart = (c: number): boolean => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36
const isIdPart = (c: number): boolean => isIdStart(c) || isDigit(c) || c === 46

function skipWs(text: string, i: number): number {
  while (i < text.length && isWs(text.charCodeAt(i))) i++
  return i
}

function skipWsBack(text: string, end: number): number {
  while (end > 0 && isWs(text.charCodeAt(end - 1))) end--
  return end
}

/**
 * Index just after the `(` of a JSONP call (`/**\/ cb(`, `cb (`), or -1 when the text does not start
 * with a callback name and `(`. Looks only at the first few hundred characters.
 */
export function jsonpOpenEnd(text: string): number {
  let i = skipWs(text, 0)
  if (text.startsWith('/**/', i)) i = skipWs(text, i + 4)
  const start = i
  if (!isIdStart(text.charCodeAt(i))) return -1
  while (i < text.length && i - start <= MAX_CALLBACK_CHARS && isIdPart(text.charCodeAt(i))) i++
  if (i - start > MAX_CALLBACK_CHARS) return -1
  i = skipWs(text, i)
  return text.charCodeAt(i) === 40 /* ( */ ? i + 1 : -1
}

/**
 * The argument of a JSONP body `cb(` … `)` or `cb(` … `);`, or null when the body is not JSONP.
 * The callback is read from the start, the closing parenthesis found from the end: one pass.
 */
export function unwrapJsonp(text: string): string | null {
  const open = jsonpOpenEnd(text)
  if (open === -1) return null
  let end = skipWsBack(text, text.length)
  if (text.charCodeAt(end - 1) === 59 /* ; */) end = skipWsBack(text, end - 1)
  if (end - 1 < open || text.charCodeAt(end - 1) !== 41 /* ) */) return null
  return text.slice(open, end - 1)
}

/** Whether a JSONP call's argument starts with `{` (how sniffing tells JSONP from other text). */
export function looksLikeJsonpObject(text: string): boolean {
  const open = jsonpOpenEnd(text)
  return open !== -1 && text.charCodeAt(skipWs(text, open)) === 123 /* { */
}

/** End of the string literal whose opening quote is at `i` (index after the closing quote). */
function stringEnd(text: string, i: number): number {
  for (let j = i + 1; j < text.length; j++) {
    const c = text.charCodeAt(j)
    if (c === 92 /* \ */) j++
    else if (c === 34 /* " */) return j + 1
  }
  return text.length
}

/**
 * Quotes integer literals of 16+ digits outside strings so JSON.parse keeps them exact (ids past
 * 2^53 would be rounded). A literal is a run of digits (optionally after `-`) not preceded by a
 * digit, `.`, `e`, `E` or `+` and not followed by a digit, `.`, `e` or `E`. One pass.
 */
export function quoteBigIntegers(text: string): string {
  const parts: string[] = []
  let last = 0
  let i = 0
  while (i < text.length) {
    const c = text.charCodeAt(i)
    if (c === 34) {
      i = stringEnd(text, i)
      continue
    }
    const neg = c === 45 /* - */ && isDigit(text.charCodeAt(i + 1))
    if (!isDigit(c) && !neg) {
      i++
      continue
    }
    const start = i
    let j = neg ? i + 1 : i
    while (j < text.length && isDigit(text.charCodeAt(j))) j++
    const digits = j - (neg ? i + 1 : i)
    if (digits >= 16 && !blocksBefore(text.charCodeAt(start - 1)) && !blocksAfter(text.charCodeAt(j))) {
      parts.push(text.slice(last, start), '"', text.slice(start, j), '"')
      last = j
    }
    i = j
  }
  if (last === 0) return text
  parts.push(text.slice(last))
  return parts.join('')
}

const blocksBefore = (c: number): boolean => isDigit(c) || c === 46 || c === 101 || c === 69 || c === 43 || c === 45
const blocksAfter = (c: number): boolean => isDigit(c) || c === 46 || c === 101 || c === 69

/** A body that starts like a JSON object but does not end like one was probably cut off. */
export function looksLikeCutOffJson(text: string): boolean {
  const start = skipWs(text, 0)
  const end = skipWsBack(text, text.length)
  return text.charCodeAt(start) === 123 && text.charCodeAt(end - 1) !== 125
}
