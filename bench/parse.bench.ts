/**
 * How long parsing a dashboard blocks the main process, XML and JSON: the worst case (~2 MB, the
 * largest list sizes the request accepts) and the default request (~10 KB).
 * Run: npx vitest bench --run --project node bench/parse.bench.ts
 */
import { bench, describe } from 'vitest'
import { parseDashboard } from '../src/main/core/api/parseDashboard'
import { DEFAULT_ROWS, bigJson, bigXml } from '../test/main/core/api/bigDashboard'

const META = { accountId: 'bench', fetchedAt: '2024-05-01T12:00:00.000Z' }
const OPTIONS = { iterations: 20, warmupIterations: 3, time: 0 }

const bodies = {
  worstXml: bigXml(),
  worstJson: bigJson(),
  defaultXml: bigXml(DEFAULT_ROWS),
  defaultJson: bigJson(DEFAULT_ROWS),
}
const kb = (s: string): string => `${Math.round(s.length / 1024)} KB`
console.log(Object.entries(bodies).map(([name, body]) => `${name}: ${kb(body)}`).join(', '))

describe('parseDashboard, worst case (~2 MB)', () => {
  bench('XML', () => void parseDashboard(bodies.worstXml, 'xml', META), OPTIONS)
  bench('JSON', () => void parseDashboard(bodies.worstJson, 'json', META), OPTIONS)
})

describe('parseDashboard, default request', () => {
  bench('XML', () => void parseDashboard(bodies.defaultXml, 'xml', META), { ...OPTIONS, iterations: 200 })
  bench('JSON', () => void parseDashboard(bodies.defaultJson, 'json', META), { ...OPTIONS, iterations: 200 })
})
