/**
 * Every failure in the app tells what it is by one field, `kind` (ErrorKind for fetch and keychain
 * failures, the module's own union elsewhere). Finer detail within a kind has its own name
 * (`NetworkError.reason`, `ResponseError.problem`). Code that must handle errors it did not create
 * reads the kind through this guard, never through class names.
 */
import { isRecord } from './isRecord'

/** The `kind` of anything thrown, when it has a string one. */
export function errorKindOf(err: unknown): string | undefined {
  return (isRecord(err) || err instanceof Error) && typeof (err as { kind?: unknown }).kind === 'string'
    ? (err as { kind: string }).kind
    : undefined
}

/** The message of anything thrown: an Error's message, else the thrown value as text. */
export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}
