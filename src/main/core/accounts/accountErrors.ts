/**
 * Errors of the account service that the user can act on, and the key hygiene every one of them
 * goes through: an API key never leaves main inside an error message.
 */
import { redact } from '../api'
import { containsSecret } from '../redact'

/** What went wrong, so the UI can react (e.g. highlight the key field on 'connection'). */
export type AccountErrorKind = 'invalid' | 'duplicate' | 'not-found' | 'connection' | 'keychain'

/** A refused or failed account operation; `message` is written for the user. */
export class AccountError extends Error {
  override readonly name = 'AccountError'
  /**
   * For kind 'connection': the `kind` of the failure underneath ('api', 'network', 'timeout'...),
   * when it had one, so a caller such as the CLI can tell "the server refused" from "the request
   * failed". Only the kind is kept: the failure itself could hold request details.
   */
  override readonly cause?: { readonly kind: string }

  constructor(
    readonly kind: AccountErrorKind,
    message: string,
    causeKind?: string,
  ) {
    super(message)
    if (causeKind !== undefined) this.cause = { kind: causeKind }
  }
}

/**
 * Runs `fn`; if whatever it throws mentions `key` anywhere (message, stack, cause), the key is
 * redacted from the message and stack and the cause is dropped, so no caller, log or IPC reply
 * can see it.
 */
export async function scrubKeyFromErrors<T>(key: string | undefined, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn()
  } catch (err) {
    if (!key || !(err instanceof Error)) throw err
    const cause = (err as { cause?: unknown }).cause
    const mentions = [err.message, err.stack ?? '', cause instanceof Error ? `${cause.message}${cause.stack}` : String(cause ?? '')]
    if (mentions.some((t) => t.includes(key))) {
      err.message = redact(err.message, key)
      if (err.stack) err.stack = redact(err.stack, key)
      delete (err as { cause?: unknown }).cause
    }
    throw err
  }
}

/**
 * Checks an API key as typed by the user and returns it trimmed. The messages describe the
 * problem without ever repeating the key.
 */
export function checkApiKey(key: unknown): string {
  if (typeof key !== 'string' || key.trim().length === 0) throw new AccountError('invalid', 'The API key is empty.')
  const trimmed = key.trim()
  if (trimmed.length > 512) throw new AccountError('invalid', 'The API key is too long (more than 512 characters).')
  if (/[\p{Cc}]/u.test(trimmed)) throw new AccountError('invalid', 'The API key contains line breaks or other invisible characters.')
  return trimmed
}

/**
 * Refuses a store whose name or ids hold its own API key (a key pasted into the wrong field): they
 * are shown and saved everywhere, the key never is. The message does not repeat it.
 */
export function refuseKeyInFields(fields: { label: string; userId: string; accountId: string }, key: string): void {
  const where = (['label', 'userId', 'accountId'] as const).find((f) => containsSecret(fields[f], key))
  if (!where) return
  const name = { label: 'store name', userId: 'user id', accountId: 'account id' }[where]
  throw new AccountError('invalid', `The ${name} contains the API key; the key goes only in the API key field.`)
}
