/**
 * Exit codes and the errors that carry them. Scripts rely on these numbers (README, "Command
 * line"), so every failure the CLI can meet is mapped here, in one place.
 */
import { errorKindOf } from '../../shared/errorKind'
import { ConfigError } from '../core/api'
import { AccountError, KeychainUnavailableError, SettingsFileError } from '../core/accounts'

export const EXIT = {
  /** Everything worked. */
  ok: 0,
  /** `snapshot`: some stores failed (the table still printed); elsewhere: an unexpected problem. */
  partial: 1,
  /** The server answered with an error (its message on stderr). */
  api: 2,
  /** The request failed or the answer was unusable: network, HTTP status, timeout, too large, unparseable. */
  request: 3,
  /** No keychain, or no key for the store. */
  key: 4,
  /** Bad usage: unknown command or option, missing or invalid value. */
  usage: 64,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

/** Bad usage: `message` says what is wrong; the usage line of `command` follows it on stderr. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  constructor(
    message: string,
    /** The command whose usage line to print ('' for the top level). */
    readonly command = '',
  ) {
    super(message)
  }
}

/** No API key could be found for the store (the keychain itself may be fine). */
export class NoKeyError extends Error {
  override readonly name = 'NoKeyError'
  readonly kind = 'keychain' as const
}

/** A command's own failure with a chosen exit code and a message for the user. */
export class CliFailure extends Error {
  override readonly name = 'CliFailure'
  constructor(
    readonly exitCode: ExitCode,
    message: string,
  ) {
    super(message)
  }
}

/** The exit code of a failure `kind` (ErrorKind of the shared model): api 2, keychain 4, others 3. */
export function exitCodeForKind(kind: string | undefined): ExitCode {
  if (kind === 'api') return EXIT.api
  if (kind === 'keychain') return EXIT.key
  if (kind === 'http' || kind === 'timeout' || kind === 'network' || kind === 'response') return EXIT.request
  return EXIT.partial
}

/** Maps anything a command throws to its exit code (1 for what nobody planned for). */
export function exitCodeFor(err: unknown): ExitCode {
  if (err instanceof UsageError || err instanceof ConfigError) return EXIT.usage
  if (err instanceof CliFailure) return err.exitCode
  if (err instanceof KeychainUnavailableError || err instanceof NoKeyError) return EXIT.key
  if (err instanceof AccountError) return accountErrorCode(err)
  if (err instanceof SettingsFileError) return EXIT.partial
  return exitCodeForKind(errorKindOf(err))
}

/**
 * Invalid input, duplicates and unknown stores are usage errors (64); a failed connection test
 * keeps the code of the failure underneath (2 or 3); keychain trouble is 4.
 */
function accountErrorCode(err: AccountError): ExitCode {
  switch (err.kind) {
    case 'invalid':
    case 'duplicate':
    case 'not-found':
      return EXIT.usage
    case 'keychain':
      return EXIT.key
    case 'connection':
      return err.cause ? exitCodeForKind(err.cause.kind) : EXIT.request
  }
}

/** Short label of what kind of failure it was, for the first words of a message ("Timeout: …"). */
export function failureLabel(kind: string | undefined): string {
  switch (kind) {
    case 'api':
      return 'Server error'
    case 'http':
      return 'HTTP error'
    case 'timeout':
      return 'Timeout'
    case 'network':
      return 'Network error'
    case 'response':
      return 'Unusable response'
    case 'keychain':
      return 'Keychain'
    default:
      return 'Error'
  }
}
