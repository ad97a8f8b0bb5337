/**
 * Reading an API key without it ever appearing on a command line or a screen: piped standard input
 * is read whole; on a terminal the key is asked for with echo off (raw mode, nothing printed back).
 */
import { CliFailure, EXIT, NoKeyError } from './exitCodes'

/** More than any key (keys are at most 512 characters); stops a mistaken pipe of a large file. */
const MAX_STDIN_BYTES = 64 * 1024

/** Reads all of a piped standard input, trimmed. */
export async function readAll(stdin: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stdin) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += buf.length
    if (size > MAX_STDIN_BYTES) throw new CliFailure(EXIT.usage, 'Standard input is too large to be an API key.')
    chunks.push(buf)
  }
  return Buffer.concat(chunks).toString('utf8').trim()
}

/**
 * Asks `question` on stderr and reads one line from the terminal without echo. Backspace edits;
 * Ctrl+C or Ctrl+D on an empty line cancels (NoKeyError, exit 4).
 */
export function askHidden(question: string, stdin: NodeJS.ReadStream, stderr: (t: string) => void): Promise<string> {
  stderr(question)
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  return new Promise((resolve, reject) => {
    let value = ''
    const finish = (err: Error | null) => {
      stdin.off('data', onData)
      stdin.setRawMode(false)
      stdin.pause()
      stderr('\n')
      if (err) reject(err)
      else resolve(value.trim())
    }
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(null)
        if (ch === '\u0003' || (ch === '\u0004' && value === '')) return finish(new NoKeyError('Cancelled: no API key was entered.'))
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1)
        else if (ch >= ' ') value += ch
      }
    }
    stdin.on('data', onData)
  })
}

/** The key for `accounts add`: piped stdin when not a terminal, else a hidden prompt. Empty → NoKeyError. */
export async function readKey(stdin: NodeJS.ReadStream, stderr: (t: string) => void): Promise<string> {
  const key = stdin.isTTY ? await askHidden('API key: ', stdin, stderr) : await readAll(stdin)
  if (!key)
    throw new NoKeyError('No API key was given: pipe it on standard input, e.g. printf \'%s\' "$KEY" | storeglance accounts add ...')
  return key
}
