/**
 * Every Storeglance entry of the keychain as `secret-tool` (libsecret-tools, a client nobody here
 * wrote) lists it: account (our local store id) → secret. For cross-checks: no orphan key, no
 * store without its key.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { KEYCHAIN_SERVICE } from '../../src/main/core/accounts'

const run = promisify(execFile)

/**
 * account → secret for every entry of the Storeglance service. secret-tool prints each item's
 * secret on stdout and its attributes on stderr, item by item in the same order: paired by index.
 */
export async function keychainEntries(): Promise<Map<string, string>> {
  let stdout = ''
  let stderr = ''
  try {
    ;({ stdout, stderr } = await run('secret-tool', ['search', '--all', '--unlock', 'service', KEYCHAIN_SERVICE], {
      timeout: 20_000,
      maxBuffer: 16 * 1024 * 1024,
    }))
  } catch (err) {
    if ((err as { code?: unknown }).code === 1) return new Map() // no matching item
    throw err
  }
  const secrets = [...stdout.matchAll(/^secret = (.*)$/gm)].map((m) => m[1]!)
  const accounts = [...stderr.matchAll(/^attribute\.account = (.*)$/gm)].map((m) => m[1]!)
  if (secrets.length !== accounts.length) throw new Error(`secret-tool listed ${secrets.length} secrets but ${accounts.length} accounts`)
  return new Map(accounts.map((a, i) => [a, secrets[i]!]))
}

/** The entries whose secret is one of `keys` (the keys one test used): id → secret. */
export async function entriesWithKeys(keys: Iterable<string>): Promise<Map<string, string>> {
  const wanted = new Set(keys)
  return new Map([...(await keychainEntries())].filter(([, secret]) => wanted.has(secret)))
}
