/** Shared test data for the accounts tests: temp dirs and a valid store. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach } from 'vitest'
import type { AccountInput } from '../../../../src/shared/model'

/** A key distinctive enough that finding it anywhere it should not be is unambiguous. */
export const KEY = 'KEY-zz9-DISTINCT-4471'

const dirs: string[] = []

/** A fresh temp directory, removed after the test. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-accounts-'))
  dirs.push(dir)
  return dir
}

afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true })
})

/** A valid new store; override any field. */
export function storeInput(over: Partial<AccountInput> = {}): AccountInput {
  return {
    label: 'Main Street',
    endpoint: 'https://api.clienttoolbox.com',
    userId: 'owner1',
    accountId: '1001',
    timeZone: 'Europe/Paris',
    colour: '#1f77b4',
    enabled: true,
    format: 'xml',
    sizes: { mostActive: 10, days: 30, lastTransactions: 10, lastCustomers: 10 },
    ...over,
  }
}
