/**
 * A structural check of an XML dashboard body, run before fast-xml-parser (which, without its
 * validator, silently accepts truncated documents and mismatched tags, while its validator rejects
 * the seed's own `</campaigns>` typo). One linear scan, no recursion, no allocation per character:
 *
 * - refuses DOCTYPE (no entity definitions, hence no expansion bombs) and depth past MAX_XML_DEPTH;
 * - refuses prototype-polluting element names;
 * - requires exactly one root, `<response>`, closed: a cut-off document is "truncated";
 * - repairs a closing tag that differs from the open one only by a trailing "s" (the seed's
 *   `</campaign>` typo), when the closing name is not open higher up; any other mismatch is refused.
 *
 * Text is not checked: a raw `&` is left for the entity decoder, which keeps unknown ones literal.
 */
import { ResponseError } from './errors'

/** Deepest element nesting accepted. The dashboard needs 5 (response > section > campaign > day > date). */
export const MAX_XML_DEPTH = 16

const NAME_RE = /^[\p{L}_][\p{L}\p{N}_.:-]*$/u
const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype'])

interface Repair {
  start: number
  end: number
  text: string
}

interface ScanState {
  stack: string[]
  repairs: Repair[]
  rootSeen: boolean
  rootClosed: boolean
}

/**
 * Checks the structure of `xml` (BOM already stripped) and returns the text to give to the parser,
 * with known typos repaired. Throws ResponseError (truncated, malformed, not-dashboard).
 */
export function checkAndRepairXml(xml: string): string {
  const st: ScanState = { stack: [], repairs: [], rootSeen: false, rootClosed: false }
  let i = 0
  for (;;) {
    const lt = xml.indexOf('<', i)
    if (st.stack.length === 0) checkOutsideText(xml, i, lt === -1 ? xml.length : lt)
    if (lt === -1) break
    i = scanMarkup(xml, lt, st)
  }
  if (!st.rootSeen) throw new ResponseError('not-dashboard', xml)
  if (st.stack.length > 0) throw new ResponseError('truncated', xml)
  return applyRepairs(xml, st.repairs)
}

/** Handles the markup starting at `lt`; returns the index just after it. */
function scanMarkup(xml: string, lt: number, st: ScanState): number {
  if (xml.startsWith('<?', lt)) return skipPast(xml, '?>', lt + 2)
  if (xml.startsWith('<!--', lt)) return skipPast(xml, '-->', lt + 4)
  if (xml.startsWith('<![CDATA[', lt)) {
    if (st.stack.length === 0) throw new ResponseError('malformed', xml, 'text outside the root element')
    return skipPast(xml, ']]>', lt + 9)
  }
  if (xml.startsWith('<!', lt)) {
    const isHtml = /^<!doctype\s+html/i.test(xml.slice(lt, lt + 20))
    if (isHtml) throw new ResponseError('not-dashboard', xml)
    throw new ResponseError('malformed', xml, 'document type declarations are refused')
  }
  if (xml.startsWith('</', lt)) return scanClosingTag(xml, lt, st)
  return scanOpeningTag(xml, lt, st)
}

function scanClosingTag(xml: string, lt: number, st: ScanState): number {
  const gt = xml.indexOf('>', lt + 2)
  if (gt === -1) throw new ResponseError('truncated', xml)
  const name = xml.slice(lt + 2, gt).trim()
  const top = st.stack.pop()
  if (top === undefined) throw new ResponseError('malformed', xml, 'closing tag without an opening tag')
  if (name !== top) {
    const typo = (name === `${top}s` || top === `${name}s`) && !st.stack.includes(name)
    if (!typo) throw new ResponseError('malformed', xml, 'mismatched tags')
    st.repairs.push({ start: lt, end: gt + 1, text: `</${top}>` })
  }
  if (st.stack.length === 0) st.rootClosed = true
  return gt + 1
}

function scanOpeningTag(xml: string, lt: number, st: ScanState): number {
  const gt = findTagEnd(xml, lt + 1)
  const inner = xml.slice(lt + 1, gt)
  const selfClosing = inner.endsWith('/')
  const name = /^[^\s/]*/.exec(inner)![0]
  if (!NAME_RE.test(name)) throw new ResponseError('malformed', xml, 'invalid element name')
  if (FORBIDDEN_NAMES.has(name)) throw new ResponseError('malformed', xml, 'forbidden element name')
  if (st.stack.length === 0) {
    if (st.rootClosed) throw new ResponseError('malformed', xml, 'content after the root element')
    if (name !== 'response') throw new ResponseError('not-dashboard', xml)
    st.rootSeen = true
    if (selfClosing) st.rootClosed = true
  }
  if (!selfClosing) {
    st.stack.push(name)
    if (st.stack.length > MAX_XML_DEPTH) throw new ResponseError('malformed', xml, 'elements nested too deeply')
  }
  return gt + 1
}

/** Index of the `>` ending the tag whose content starts at `from`, skipping quoted attribute values. */
function findTagEnd(xml: string, from: number): number {
  for (let j = from; j < xml.length; j++) {
    const c = xml.charCodeAt(j)
    if (c === 62 /* > */) return j
    if (c === 60 /* < */) throw new ResponseError('malformed', xml, 'broken tag')
    if (c === 34 /* " */ || c === 39 /* ' */) {
      j = xml.indexOf(xml[j], j + 1)
      if (j === -1) break
    }
  }
  throw new ResponseError('truncated', xml)
}

function skipPast(xml: string, terminator: string, from: number): number {
  const end = xml.indexOf(terminator, from)
  if (end === -1) throw new ResponseError('truncated', xml)
  return end + terminator.length
}

/** Outside the root only whitespace may appear (a BOM was stripped before). */
function checkOutsideText(xml: string, from: number, to: number): void {
  for (let j = from; j < to; j++) {
    const c = xml.charCodeAt(j)
    if (c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      throw new ResponseError('not-dashboard', xml)
    }
  }
}

function applyRepairs(xml: string, repairs: Repair[]): string {
  if (repairs.length === 0) return xml
  const parts: string[] = []
  let last = 0
  for (const r of repairs) {
    parts.push(xml.slice(last, r.start), r.text)
    last = r.end
  }
  parts.push(xml.slice(last))
  return parts.join('')
}
