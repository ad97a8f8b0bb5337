// Adds up every suite's JSON report into the one line CI reads: "N passed, N failed, N skipped".
// Skipped tests are listed with their reason, so a skip never hides a missing part.
import { existsSync, readFileSync } from 'node:fs'

const [vitestPath = 'test-results/vitest.json', playwrightPath = 'test-results/playwright.json', exitCode = '0'] = process.argv.slice(2)
let passed = 0
let failed = 0
let skipped = 0
const skips = []

if (existsSync(vitestPath)) {
  const v = JSON.parse(readFileSync(vitestPath, 'utf8'))
  passed += v.numPassedTests
  failed += v.numFailedTests
  skipped += v.numPendingTests + v.numTodoTests
  for (const file of v.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      if (t.status === 'skipped' || t.status === 'pending' || t.status === 'todo') skips.push(`vitest: ${t.fullName}`)
    }
  }
}

function walk(suite, visit) {
  for (const spec of suite.specs ?? []) visit(spec)
  for (const child of suite.suites ?? []) walk(child, visit)
}
if (existsSync(playwrightPath)) {
  const p = JSON.parse(readFileSync(playwrightPath, 'utf8'))
  passed += (p.stats?.expected ?? 0) + (p.stats?.flaky ?? 0)
  failed += p.stats?.unexpected ?? 0
  skipped += p.stats?.skipped ?? 0
  for (const suite of p.suites ?? []) {
    walk(suite, (spec) => {
      for (const t of spec.tests ?? []) {
        if (t.status === 'skipped') {
          const why = (t.annotations ?? [])
            .map((a) => a.description)
            .filter(Boolean)
            .join('; ')
          skips.push(`playwright: ${spec.title}${why ? ` (skipped: ${why})` : ''}`)
        }
      }
    })
  }
}

for (const s of skips) console.log(`skipped: ${s}`)
// A stage that failed before its runner wrote a report (lint, typecheck, build) still counts.
if (exitCode !== '0' && failed === 0) {
  console.log('A test stage failed before reporting any test (see lint, typecheck or build output above).')
  failed = 1
}
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`)
