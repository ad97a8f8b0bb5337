/**
 * Measure 1, parsing: the product's parse + normalise (parseDashboard) against the bare floor on
 * the same bytes (fast-xml-parser's parse() with the product's options; JSON.parse), XML and JSON,
 * at the default request (~20 KB), ~200 KB and ~2 MB. Runs alternate product and floor so both see
 * the same machine load; the median of each is compared.
 */
import { XMLParser } from 'fast-xml-parser'
import { performance } from 'node:perf_hooks'
import { parseDashboard } from '../../src/main/core/api/parseDashboard'
import { OPTIONS } from '../../src/main/core/api/parseXml'
import { defaultJson, defaultXml, jsonOfSize, xmlOfSize } from '../bodies'
import { row, type Row } from '../report'

const META = { accountId: 'bench', fetchedAt: '2024-05-01T12:00:00.000Z' }
const MB = 1024 * 1024

/** Median of a list of numbers. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2
}

function timeOnce(fn: () => unknown): number {
  const t = performance.now()
  fn()
  return performance.now() - t
}

/** Median ms of `product` and `floor`, run alternately `runs` times after a warm-up. */
export function compare(product: () => unknown, floor: () => unknown, runs: number): { product: number; floor: number } {
  for (let i = 0; i < Math.max(2, runs / 10); i++) {
    product()
    floor()
  }
  const p: number[] = []
  const f: number[] = []
  for (let i = 0; i < runs; i++) {
    if (i % 2) {
      f.push(timeOnce(floor))
      p.push(timeOnce(product))
    } else {
      p.push(timeOnce(product))
      f.push(timeOnce(floor))
    }
  }
  return { product: median(p), floor: median(f) }
}

interface Case {
  size: string
  runs: number
  xml: () => string
  json: () => string
}

const CASES: Case[] = [
  { size: '20KB', runs: 300, xml: defaultXml, json: defaultJson },
  { size: '200KB', runs: 30, xml: () => xmlOfSize(200 * 1024), json: () => jsonOfSize(200 * 1024) },
  { size: '2MB', runs: 6, xml: () => xmlOfSize(2 * MB), json: () => jsonOfSize(2 * MB) },
]

/** Measure 1: two rows (time and ratio to the floor, throughput in the label) per format and size. */
export function measureParse(): Row[] {
  const floorXml = new XMLParser(OPTIONS)
  const rows: Row[] = []
  for (const c of CASES) {
    for (const format of ['xml', 'json'] as const) {
      const body = format === 'xml' ? c.xml() : c.json()
      const floor = format === 'xml' ? () => floorXml.parse(body) : () => JSON.parse(body)
      // JSON parses are short: more runs for a steady median.
      const t = compare(() => parseDashboard(body, format, META), floor, format === 'json' ? c.runs * 10 : c.runs)
      const mbs = body.length / MB / (t.product / 1000)
      const kb = Math.round(body.length / 1024)
      rows.push(
        row(
          1,
          `parse.${format}.${c.size}`,
          `parse ${format.toUpperCase()} ${kb} KB (${mbs.toFixed(0)} MB/s)`,
          t.product,
          'ms',
          {
            figure: t.floor,
            unit: 'ms',
            what: format === 'xml' ? 'fast-xml-parser parse()' : 'JSON.parse',
          },
          { goal: format === 'xml' ? '≤ 1.25' : '≤ 1.5', also: { figure: mbs, unit: 'MB/s' } },
        ),
      )
    }
  }
  return rows
}
