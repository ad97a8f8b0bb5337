/**
 * `npm run bench`: runs the seven measures in turn, prints them as one table and writes
 * bench/results.json. Every figure is compared with a reference measured in the same run (or a
 * fixed budget such as one frame), since absolute times on a shared machine are noise. A measure
 * that fails is reported as not measured; the run itself never fails on a figure.
 * `--only=1,3` runs some measures only.
 */
import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join, resolve } from 'node:path'
import { availableParallelism } from 'node:os'
import { measureParse } from './measures/parse'
import { measureBlocking } from './measures/blocking'
import { measureRefresh } from './measures/refresh'
import { measureSteady } from './measures/steady'
import { measureWindow } from './measures/window'
import { measureColdStart } from './measures/coldStart'
import { measureAlerts } from './measures/alerts'
import { notMeasured, table, writeResults, type Row } from './report'

// Bundled to out/bench/run.cjs: the project root is two levels up.
const ROOT = resolve(__dirname, '../..')

const MEASURES: { n: number; name: string; run: () => Row[] | Promise<Row[]> }[] = [
  { n: 1, name: 'parsing', run: measureParse },
  { n: 2, name: 'main-thread blocking', run: () => measureBlocking(ROOT) },
  { n: 3, name: 'full refresh', run: measureRefresh },
  { n: 4, name: 'steady state', run: measureSteady },
  { n: 5, name: 'the window', run: () => measureWindow(ROOT) },
  { n: 6, name: 'cold start', run: () => measureColdStart(ROOT) },
  { n: 7, name: 'alert rules', run: measureAlerts },
]

function cpuModel(): string {
  try {
    return /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? 'unknown'
  } catch {
    return cpus()[0]?.model ?? 'unknown'
  }
}

async function main(): Promise<void> {
  const only = /^--only=(.*)$/
    .exec(process.argv.find((a) => a.startsWith('--only=')) ?? '')?.[1]
    ?.split(',')
    .map(Number)
  const machine = {
    date: new Date().toISOString(),
    nproc: String(availableParallelism()),
    cpu: cpuModel(),
    node: process.version,
  }
  const started = Date.now()
  const rows: Row[] = []
  for (const m of MEASURES) {
    if (only && !only.includes(m.n)) continue
    const t = Date.now()
    process.stdout.write(`measure ${m.n} (${m.name})… `)
    try {
      rows.push(...(await m.run()))
    } catch (err) {
      rows.push(notMeasured(m.n, `measure${m.n}`, m.name, `failed: ${(err as Error).message.split('\n')[0]}`))
    }
    process.stdout.write(`${((Date.now() - t) / 1000).toFixed(0)} s\n`)
  }
  console.log(
    `\n${machine.date.slice(0, 16).replace('T', ' ')} UTC, ${machine.nproc} × ${machine.cpu}, Node ${machine.node}, ${((Date.now() - started) / 1000).toFixed(0)} s\n`,
  )
  console.log(table(rows))
  writeResults(join(ROOT, 'bench', 'results.json'), rows, machine)
  console.log('\nwritten to bench/results.json')
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err)
    process.exit(1)
  },
)
