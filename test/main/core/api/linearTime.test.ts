/**
 * Every regular expression or scanner that runs on text from the server, fed adversarial input:
 * its time must grow linearly (10× the input, about 10× the time), never quadratically. Ratios,
 * not times, are asserted (see test/helpers/linear.ts).
 */
import { describe, expect, it } from 'vitest'
import { parseDashboard } from '../../../../src/main/core/api/parseDashboard'
import { quoteBigIntegers, unwrapJsonp } from '../../../../src/main/core/api/jsonText'
import { checkAndRepairXml } from '../../../../src/main/core/api/xmlPrepass'
import { decodeEntities, parseAmount } from '../../../../src/main/core/api/normalize'
import { ApiError, ResponseError, sanitizeText } from '../../../../src/main/core/api/errors'
import { charsetOf } from '../../../../src/main/core/api/client'
import { classifyNetworkError } from '../../../../src/main/core/api/networkErrors'
import { redact, redactStrings } from '../../../../src/main/core/redact'
import { cliMessage, columns } from '../../../../src/main/cli/output'
import { lowestGrowthRatio, LINEAR_BOUND } from '../../../helpers/linear'
import { META } from './fixtures'

const ws = (n: number) => ' '.repeat(n)
const json = (body: string) => parseDashboard(body, 'json', META, Infinity)
const xml = (body: string) => parseDashboard(body, 'xml', META, Infinity)

function expectLinear<T>(make: (n: number) => T, run: (input: T) => unknown, n: number): void {
  const ratio = lowestGrowthRatio(make, run, n)
  expect(ratio, `time ratio for a 10× input: ${ratio.toFixed(1)}`).toBeLessThan(LINEAR_BOUND)
}

describe('JSONP recognition is linear', () => {
  it('a JSON body followed by ")" and a long run of whitespace', () => {
    expectLinear((n) => `cb({"status":"success"})${')'}${ws(n)}x`, json, 20_000)
  })
  it('an XML-format answer that starts like cb({ and ends in whitespace', () => {
    expectLinear((n) => `cb({${')'}${ws(n)}<`, xml, 20_000)
  })
  it('a callback that never closes, many "(" inside', () => {
    expectLinear(
      (n) => `cb(${'('.repeat(n)}`,
      (s: string) => unwrapJsonp(s),
      100_000,
    )
  })
  it('a body of only identifier characters and whitespace', () => {
    expectLinear((n) => `${'a'.repeat(n)}${ws(n)}(`, json, 50_000)
  })
})

describe('big-integer quoting is linear', () => {
  it('many escaped quotes that never close a string', () => {
    expectLinear((n) => `{"a":1234567890123456,"${'\\"'.repeat(n)}`, quoteBigIntegers, 20_000)
  })
  it('a long digit run followed by a decimal point', () => {
    expectLinear((n) => `{"a":${'9'.repeat(n)}.5}`, quoteBigIntegers, 50_000)
  })
  it('many separators followed by whitespace and short numbers', () => {
    expectLinear((n) => `${':   -12345'.repeat(n)}`, quoteBigIntegers, 20_000)
  })
  it('through the whole JSON parse', () => {
    expectLinear((n) => `{"status":"success","x":[${'1234567890123456789,'.repeat(n)}1]}`, json, 5_000)
  })
})

describe('sniffing looks at the start only', () => {
  it('long leading whitespace, then a callback-like name', () => {
    expectLinear((n) => `${ws(n)}cb${ws(n)}({`, xml, 20_000)
  })
})

describe('the XML pre-pass is linear', () => {
  it('a very long element name', () => {
    expectLinear((n) => `<response status="success"><${'a'.repeat(n)}!></response>`, checkAndRepairXml, 50_000)
  })
  it('many attributes with quoted values', () => {
    expectLinear((n) => `<response status="success"><x ${'a="b" '.repeat(n)}/></response>`, checkAndRepairXml, 10_000)
  })
  it('an attribute quote that never closes', () => {
    expectLinear((n) => `<response status="success"><x a="${'<'.repeat(n)}`, checkAndRepairXml, 50_000)
  })
  it('many opening comments that never close', () => {
    expectLinear((n) => `<response status="success">${'<!-'.repeat(n)}<!--${'-'.repeat(n)}`, checkAndRepairXml, 20_000)
  })
  it('many sibling elements with the typo repair', () => {
    expectLinear((n) => `<response status="success">${'<campaign></campaigns>'.repeat(n)}</response>`, checkAndRepairXml, 5_000)
  })
  it('through the whole XML parse: many items and ampersands', () => {
    expectLinear(
      (n) =>
        `<response status="success"><most_active>${'<customer><code>&amp;&#1;&x</code></customer>'.repeat(n)}</most_active></response>`,
      xml,
      2_000,
    )
  })
})

describe('value readers are linear', () => {
  it('entity decoding: many ampersands without a semicolon', () => {
    expectLinear((n) => `${'&#12'.repeat(n)}&amp`, decodeEntities, 20_000)
  })
  it('amounts: long digit groups that fail the grouping check', () => {
    expectLinear((n) => `1${',000'.repeat(n)}.5.5`, parseAmount, 20_000)
    expectLinear((n) => `${'1,'.repeat(n)}x`, parseAmount, 20_000)
  })
  it('counts: a long number with a broken decimal tail', () => {
    const body = (n: number) => `{"status":"success","active_campaigns_count":"${'1'.repeat(n)}.${'0'.repeat(n)}x"}`
    expectLinear(body, json, 20_000)
  })
})

describe('error extraction is linear', () => {
  it('a server error message of whitespace and control characters', () => {
    expectLinear(
      (n) => `\u0001 \t${ws(n)}\u0002`.repeat(4),
      (s: string) => sanitizeText(s, 200),
      50_000,
    )
  })
  it('an error answer with a huge message', () => {
    expectLinear(
      (n) => `{"status":"error","error":{"message":"${'x \\u0001 '.repeat(n)}"}}`,
      (b: string) => {
        try {
          json(b)
        } catch (err) {
          if (!(err instanceof ApiError)) throw err
        }
      },
      5_000,
    )
  })
  it('a response excerpt of a huge body', () => {
    expectLinear(
      (n) => `${'\u0000 '.repeat(n)}`,
      (b: string) => new ResponseError('malformed', b),
      50_000,
    )
  })
  it('the charset of a hostile Content-Type header', () => {
    expectLinear((n) => `text/xml; ${'charset '.repeat(n)}${ws(n)}=`, charsetOf, 20_000)
  })
  it('network failure messages', () => {
    expectLinear((n) => ({ message: `${'net::ERR_'.repeat(n)}${'redirec'.repeat(n)}` }), classifyNetworkError, 10_000)
  })
  it('the command line message of a long line of spaces', () => {
    expectLinear((n) => `x${ws(n)}It will be retried later`, cliMessage, 20_000)
  })
  it('the command line table of a server value with a long inner run of spaces', () => {
    expectLinear(
      (n) => [[`A${ws(n)}B`, 'x']],
      (rows: string[][]) => columns(rows),
      20_000,
    )
  })
})

describe('redaction is linear in the text', () => {
  const key = 'hk_live_0123456789abcdefABCDEF0123456789'
  it('long runs of the key’s prefix, plain and encoded', () => {
    expectLinear(
      (n) => 'hk_live_0123456789abcdefABCDEF012345678'.repeat(n),
      (s: string) => redact(s, key),
      2_000,
    )
    expectLinear(
      (n) => '&#104;&#x6b;\\u005f%6c'.repeat(n),
      (s: string) => redact(s, key),
      5_000,
    )
  })
  it('over a parsed snapshot with many strings', () => {
    expectLinear(
      (n) => ({ list: Array.from({ length: n }, (_, i) => ({ name: `customer ${i} hk_live_0` })) }),
      (v: object) => redactStrings(v, key),
      2_000,
    )
  })
})
