/**
 * The command line: the same core as the app, with Node adapters and no Electron.
 */
const USAGE = 'Usage: storeglance <command> [options]\n\nCommands: fetch, accounts, snapshot, demo-server\nRun storeglance <command> --help for details.'

/** Entry point; returns the process exit code. */
export async function runCli(argv: string[]): Promise<number> {
  if (argv.includes('--version')) {
    process.stdout.write('storeglance 0.1.0\n')
    return 0
  }
  if (argv.length === 0 || argv.includes('--help')) {
    process.stdout.write(USAGE + '\n')
    return 0
  }
  process.stderr.write(`Unknown command: ${argv[0]}\n${USAGE}\n`)
  return 64
}

void runCli(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
