/**
 * Shared rig of the CLI tests: runs the built `out/main/cli.js` in a real child process with a
 * temporary STOREGLANCE_HOME, starts demo servers in this process, and checks after every run that
 * no key and no stack trace reached the output. Keychain tests run inside scripts/with-keyring.sh.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, expect } from 'vitest'
import {
  DEFAULT_SIZES,
  type Account,
  type AccountInput,
  type RequestSizes,
  type ResponseFormat,
  type StoreSnapshot,
} from '../../../src/shared/model'
import { fetchDashboard } from '../../../src/main/core/api'
import { createAccountService, KeytarSecretStore, MemorySecretStore, openSettingsFile } from '../../../src/main/core/accounts'
import { demoAccountInput, startDemoServer, type DemoServer, type DemoServerOptions, type DemoStore } from '../../../src/main/core/demo'
import type { SecretStore } from '../../../src/main/core/ports'

export const CLI = resolve(__dirname, '../../../out/main/cli.js')
if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first (the CLI tests run the built file).`)

/** The demo servers' clock: fixed, so the CLI and this process see the same figures. */
export const NOW = new Date('2025-03-15T12:00:00Z')
/** A distinctive key for STOREGLANCE_API_KEY. */
export const ENV_KEY = 'KEY-cli-zz-991'
/** A D-Bus address nobody answers on: the keychain is unavailable. */
export const NO_DBUS = 'unix:path=/nonexistent/storeglance-bus'

/** Every key a test used: none may ever appear in the CLI's output (demo-server's listing aside). */
const secrets = new Set<string>([ENV_KEY])
const cleanups: (() => Promise<unknown>)[] = []

afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!().catch(() => undefined)
})

/** A fresh STOREGLANCE_HOME, removed after the test. */
export async function tempHome(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-cli-'))
  cleanups.push(() => rm(dir, { recursive: true, force: true }))
  return dir
}

/** A demo server on loopback with the fixed clock, closed after the test; its keys become secrets. */
export async function demoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  const server = await startDemoServer({ now: () => NOW, ...options })
  server.stores.forEach((s) => secrets.add(s.key))
  cleanups.push(() => server.close())
  return server
}

export interface RunResult {
  code: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  home?: string
  /** Extra environment (undefined removes a variable). */
  env?: Record<string, string | undefined>
  /** Written to stdin, which is then closed (closed at once when absent). */
  input?: string
  /** demo-server prints its keys by design. */
  allowKeys?: boolean
  timeoutMs?: number
  /** Another copy of the built CLI to run (default: out/main/cli.js). */
  cliPath?: string
}

/** The environment of a child: ours (D-Bus session included), no STOREGLANCE_API_KEY unless given. */
function childEnv(opts: RunOptions): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, STOREGLANCE_API_KEY: undefined, CI: undefined }
  if (opts.home) env.STOREGLANCE_HOME = opts.home
  for (const [k, v] of Object.entries(opts.env ?? {})) env[k] = v
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k]
  return env
}

/** Starts `node out/main/cli.js ...args` without waiting. */
export function spawnCli(args: string[], opts: RunOptions = {}): ChildProcess {
  const child = spawn(process.execPath, [opts.cliPath ?? CLI, ...args], { env: childEnv(opts), stdio: ['pipe', 'pipe', 'pipe'] })
  child.stdin!.end(opts.input ?? '')
  return child
}

/** Checks what every run must satisfy: no key anywhere, no stack trace without --debug. */
export function expectClean(result: RunResult, args: string[], allowKeys = false): void {
  const all = result.stdout + result.stderr
  if (!allowKeys) for (const key of secrets) expect(all, 'a key was printed').not.toContain(key)
  if (!args.includes('--debug')) expect(result.stderr, 'a stack trace was printed').not.toMatch(/^\s+at .+:\d+:\d+\)?$/m)
}

/** Runs the CLI to completion and checks its output's hygiene. */
export async function cli(args: string[], opts: RunOptions = {}): Promise<RunResult> {
  const child = spawnCli(args, opts)
  let stdout = ''
  let stderr = ''
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d))
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d))
  const code = await new Promise<number | null>((done, fail) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      fail(new Error(`storeglance ${args.join(' ')} did not finish within ${opts.timeoutMs ?? 15_000} ms\n${stdout}\n${stderr}`))
    }, opts.timeoutMs ?? 15_000)
    child.on('close', (c) => {
      clearTimeout(timer)
      done(c)
    })
  })
  const result = { code, stdout, stderr }
  expectClean(result, args, opts.allowKeys)
  return result
}

/** The snapshot the client itself gets for a demo store (to compare the CLI's output against). */
export function clientSnapshot(
  server: DemoServer,
  store: DemoStore,
  format: ResponseFormat = 'xml',
  sizes: RequestSizes = DEFAULT_SIZES,
): Promise<StoreSnapshot> {
  return fetchDashboard({
    endpoint: server.url,
    userId: store.userId,
    accountId: store.accountId,
    key: store.key,
    format,
    sizes: { ...sizes },
  })
}

/** Everything but fetchedAt, which differs between two fetches of the same figures. */
export function withoutFetchedAt(s: StoreSnapshot): Omit<StoreSnapshot, 'fetchedAt'> {
  const { fetchedAt: _fetchedAt, ...rest } = s
  return rest
}

/** The account input for a demo store. */
export function demoInput(server: DemoServer, store: DemoStore, over: Partial<AccountInput> = {}): AccountInput {
  return { ...demoAccountInput(server.url, store), ...over }
}

/**
 * Adds demo stores to the settings of `home` in this process, as the app would, with their keys in
 * `secrets` (the real keychain by default; a MemorySecretStore leaves the keychain without them).
 */
export async function seedAccounts(
  home: string,
  server: DemoServer,
  stores: DemoStore[],
  options: { secrets?: SecretStore; over?: (s: DemoStore) => Partial<AccountInput> } = {},
): Promise<Account[]> {
  const service = await createAccountService({
    settingsFile: openSettingsFile(home),
    secrets: options.secrets ?? new KeytarSecretStore(),
    testConnection: (a, key) =>
      fetchDashboard({ endpoint: a.endpoint, userId: a.userId, accountId: a.accountId, key, format: a.format, sizes: a.sizes }),
  })
  for (const s of stores) await service.add(demoInput(server, s, options.over?.(s)), s.key)
  return service.list()
}

/** Stores without their keys in the keychain (settings only). */
export const seedWithoutKeys = (home: string, server: DemoServer, stores: DemoStore[]) =>
  seedAccounts(home, server, stores, { secrets: new MemorySecretStore() })

/** Parses CSV as RFC 4180 (quotes, doubled quotes, commas and newlines inside quotes). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (ch === '"') {
      quoted = !quoted
    } else if (!quoted && ch === ',') {
      endCell()
    } else if (!quoted && ch === '\n') {
      endCell()
      rows.push(row)
      row = []
    } else {
      cell += ch
    }
  }
  if (cell || row.length) {
    endCell()
    rows.push(row)
  }
  return rows
}

const IN_CI = process.env.CI === 'true'

/** Why the real keychain cannot be used here, or null when a probe round trip works. */
async function keychainUnavailableReason(): Promise<string | null> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) return 'DBUS_SESSION_BUS_ADDRESS is not set'
  if (process.env.STOREGLANCE_KEYRING_SESSION !== '1')
    return 'not running inside scripts/with-keyring.sh (refusing to write into your own keyring)'
  const store = new KeytarSecretStore()
  const id = `probe-${randomUUID()}`
  const limit = <T>(p: Promise<T>) =>
    Promise.race([p, new Promise<never>((_, no) => setTimeout(() => no(new Error('no answer within 5 s')), 5_000))])
  try {
    await limit(store.set(id, 'probe-value'))
    const back = await limit(store.get(id))
    await limit(store.delete(id))
    return back === 'probe-value' ? null : 'a probe key did not read back'
  } catch (err) {
    return `the probe failed: ${(err as Error).message}`
  }
}

/** Why keychain tests cannot run (null when they can). */
export const keychainReason = await keychainUnavailableReason()
/** Skip keychain tests when there is no keychain, except in CI where that is a failure. */
export const skipKeychain = keychainReason !== null && !IN_CI
if (skipKeychain) {
  console.warn(
    `SKIPPED CLI keychain tests: ${keychainReason}. Run them with: bash scripts/with-keyring.sh npx vitest run --project node test/main/cli`,
  )
}

/** In CI a missing keychain fails the test instead of skipping it. */
export function requireKeychain(): void {
  if (keychainReason !== null) throw new Error(`CI=true but the real keychain is unavailable: ${keychainReason}`)
}

/** The arguments of `storeglance accounts add` for a demo store (its key goes on standard input). */
export const addArgs = (server: DemoServer, s: DemoStore, extra: string[] = []): string[] => [
  'accounts',
  'add',
  '--label',
  s.label,
  '--endpoint',
  server.url,
  '--user-id',
  s.userId,
  '--account-id',
  s.accountId,
  '--time-zone',
  s.timeZone,
  ...extra,
]
