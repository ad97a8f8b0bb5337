/** Reads fixture files of test/fixtures for the dashboard client tests. */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const FIXTURES = resolve(__dirname, '../../../fixtures')

/** The fixture's text, exactly as stored (BOM and CRLF included). */
export function fixture(name: string): string {
  return readFileSync(resolve(FIXTURES, name), 'utf8')
}

export const META = { accountId: 'greatwidgets', fetchedAt: '2024-05-01T12:00:00.000Z' }
