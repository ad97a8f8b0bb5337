/**
 * Help, version and every kind of bad usage (exit 64, what is wrong, then the usage line), through
 * the built CLI in a child process. Nothing here needs a keychain or a server.
 */
import { describe, expect, it } from 'vitest'
import { version } from '../../../package.json'
import { cli, tempHome } from './helpers'

describe('storeglance --help and --version', () => {
  it('prints the version', async () => {
    const r = await cli(['--version'])
    expect(r).toMatchObject({ code: 0, stderr: '' })
    expect(r.stdout).toBe(`storeglance ${version}\n`)
  })

  it('prints the overview with every command and the exit codes', async () => {
    const r = await cli(['--help'])
    expect(r.code).toBe(0)
    for (const c of ['fetch', 'accounts', 'snapshot', 'demo-server']) expect(r.stdout).toContain(c)
    expect(r.stdout).toMatch(/^Usage: storeglance <command>/)
    expect(r.stdout).toContain('64 bad usage')
  })

  it.each([
    [['fetch', '--help'], 'Usage: storeglance fetch --endpoint URL'],
    [['accounts', '--help'], 'Usage: storeglance accounts list|add|remove|test'],
    [['accounts', 'list', '--help'], 'Usage: storeglance accounts list'],
    [['accounts', 'add', '--help'], 'Usage: storeglance accounts add --label L'],
    [['accounts', 'remove', '-h'], 'Usage: storeglance accounts remove ID|LABEL'],
    [['accounts', 'test', '--help'], 'Usage: storeglance accounts test ID|LABEL'],
    [['snapshot', '--help'], 'Usage: storeglance snapshot [--json | --csv] [--offline]'],
    [['demo-server', '--help'], 'Usage: storeglance demo-server [--host H]'],
    [['help', 'snapshot'], 'Usage: storeglance snapshot'],
  ])('%j prints that command’s help', async (args, first) => {
    const r = await cli(args)
    expect(r.code).toBe(0)
    expect(r.stdout.startsWith(first)).toBe(true)
    expect(r.stderr).toBe('')
  })
})

describe('bad usage exits 64, says what is wrong and prints the usage line', () => {
  const cases: [string[], RegExp, string][] = [
    [[], /Missing command/, 'Usage: storeglance <command>'],
    [['frobnicate'], /Unknown command "frobnicate"/, 'Usage: storeglance <command>'],
    [['--frob'], /Unknown option --frob/, 'Usage: storeglance <command>'],
    [['fetch', '--user-id', 'u', '--account-id', 'a'], /Missing --endpoint/, 'Usage: storeglance fetch'],
    [['fetch', '--endpoint', 'http://127.0.0.1:9', '--account-id', 'a'], /Missing --user-id/, 'Usage: storeglance fetch'],
    [
      ['fetch', '--endpoint', 'http://example.com', '--user-id', 'u', '--account-id', 'a'],
      /--endpoint: .*https:\/\//,
      'Usage: storeglance fetch',
    ],
    [
      ['fetch', '--endpoint', 'not a url', '--user-id', 'u', '--account-id', 'a'],
      /--endpoint: The endpoint is not a valid URL/,
      'Usage: storeglance fetch',
    ],
    [
      ['fetch', '--endpoint', 'https://x.test', '--user-id', 'u', '--account-id', 'a', '--top', '0'],
      /--top must be between 1 and 1000/,
      'Usage: storeglance fetch',
    ],
    [
      ['fetch', '--endpoint', 'https://x.test', '--user-id', 'u', '--account-id', 'a', '--days', '2.5'],
      /--days must be a whole number/,
      'Usage: storeglance fetch',
    ],
    [
      ['fetch', '--endpoint', 'https://x.test', '--user-id', 'u', '--account-id', 'a', '--timeout-ms', 'soon'],
      /--timeout-ms must be a whole number/,
      'Usage: storeglance fetch',
    ],
    [
      ['fetch', '--endpoint', 'https://x.test', '--user-id', 'u', '--account-id', 'a', '--last-customers', '5000'],
      /between 1 and 1000/,
      'Usage: storeglance fetch',
    ],
    [
      ['fetch', '--endpoint', 'https://x.test', '--user-id', 'u', '--account-id', 'a', '--format', 'csv'],
      /--format must be xml or json/,
      'Usage: storeglance fetch',
    ],
    [
      ['fetch', '--endpoint', 'https://x.test', '--user-id', 'u', '--account-id', 'a', '--verbose'],
      /Unknown option --verbose/,
      'Usage: storeglance fetch',
    ],
    [['fetch', '--endpoint'], /Option --endpoint needs a value/, 'Usage: storeglance fetch'],
    [['fetch', '--json=yes'], /Option --json does not take a value/, 'Usage: storeglance fetch'],
    [['fetch', 'extra'], /takes no arguments/, 'Usage: storeglance fetch'],
    [['fetch', '--endpoint', 'https://x.test', '--key', 'KEY-cli-zz-991'], /never taken from the command line/, 'Usage: storeglance fetch'],
    [['fetch', '--api-key=KEY-cli-zz-991'], /never taken from the command line/, 'Usage: storeglance fetch'],
    [['accounts'], /needs a subcommand/, 'Usage: storeglance accounts'],
    [['accounts', 'rename'], /Unknown accounts subcommand "rename"/, 'Usage: storeglance accounts'],
    [['accounts', 'remove'], /Say which store to remove/, 'Usage: storeglance accounts remove'],
    [['accounts', 'test', 'a', 'b'], /Too many arguments/, 'Usage: storeglance accounts test'],
    [['accounts', 'list', '--csv'], /Unknown option --csv/, 'Usage: storeglance accounts list'],
    [
      ['accounts', 'add', '--label', 'X', '--endpoint', 'https://x.test', '--user-id', 'u'],
      /Missing --account-id/,
      'Usage: storeglance accounts add',
    ],
    [
      [
        'accounts',
        'add',
        '--label',
        'X',
        '--endpoint',
        'https://x.test',
        '--user-id',
        'u',
        '--account-id',
        'a',
        '--time-zone',
        'Mars/Olympus',
      ],
      /--time-zone: unknown time zone/,
      'Usage: storeglance accounts add',
    ],
    [
      ['accounts', 'add', '--label', 'X', '--endpoint', 'https://x.test', '--user-id', 'u', '--account-id', 'a', '--colour', 'blue'],
      /--colour must be #rrggbb/,
      'Usage: storeglance accounts add',
    ],
    [['snapshot', '--json', '--csv'], /--json and --csv cannot be used together/, 'Usage: storeglance snapshot'],
    [['snapshot', '--timeout-ms', '10'], /--timeout-ms must be between 100 and 600000/, 'Usage: storeglance snapshot'],
    [['demo-server', '--host', '0.0.0.0'], /--host must be a loopback address/, 'Usage: storeglance demo-server'],
    [['demo-server', '--stores', '501'], /--stores must be between 1 and 500/, 'Usage: storeglance demo-server'],
    [['demo-server', '--port=-1'], /--port must be between 0 and 65535/, 'Usage: storeglance demo-server'],
    [['demo-server', '--port', '-1'], /Option --port needs a value \(write --port=VALUE/, 'Usage: storeglance demo-server'],
    [['demo-server', '--now', 'yesterday'], /--now must be an ISO-8601 instant/, 'Usage: storeglance demo-server'],
    [['demo-server', '--now', '2025-02-30T00:00:00Z'], /--now must be an ISO-8601 instant/, 'Usage: storeglance demo-server'],
    [['demo-server', '--now', '2025-03-15T12:00:00'], /--now must be an ISO-8601 instant with a zone/, 'Usage: storeglance demo-server'],
    [['demo-server', '--latency-ms', 'x'], /--latency-ms must be a whole number/, 'Usage: storeglance demo-server'],
  ]

  it.each(cases)('%j', async (args, problem, usage) => {
    const home = await tempHome()
    const r = await cli(args, { home })
    expect(r.code).toBe(64)
    expect(r.stdout).toBe('')
    const lines = r.stderr.trimEnd().split('\n')
    expect(lines[0]).toMatch(/^storeglance: /)
    expect(lines[0]).toMatch(problem)
    expect(lines[1]!.startsWith(usage)).toBe(true)
    expect(lines.length).toBe(2)
  })

  it('never echoes a stray argument that could be a key', async () => {
    const r = await cli(['fetch', 'KEY-cli-zz-991'])
    expect(r.code).toBe(64)
    expect(r.stderr).not.toContain('KEY-cli-zz-991')
  })
})
