/**
 * Applying an edit to a store: the identity (endpoint, user id, account id) is fixed, everything
 * else is validated with the same schema the IPC layer uses for renderer input.
 */
import type { Account } from '../../../shared/model'
import { AccountError } from './accountErrors'
import { accountPatchSchema, describeIssues, endpointIdentity, identityKeys } from './schemas'

const IDENTITY_CHANGE = 'The endpoint, user id and account id identify a store and cannot be changed. Remove the store and add it again.'

function safeIdentity(endpoint: string): string | null {
  try {
    return endpointIdentity(endpoint)
  } catch {
    return null
  }
}

/**
 * Validates an account patch against `current`: identity fields may only repeat their current
 * value (the renderer may send the whole form back); `intervalSec: null` removes the override.
 */
export function applyAccountPatch(current: Account, patch: unknown): Account {
  if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new AccountError('invalid', 'Nothing to change.')
  const rest: Record<string, unknown> = { ...patch }
  for (const k of identityKeys) {
    if (!(k in rest)) continue
    const v = rest[k]
    const same =
      typeof v === 'string' && (k === 'endpoint' ? safeIdentity(v) === endpointIdentity(current.endpoint) : v.trim() === current[k])
    if (!same) throw new AccountError('invalid', IDENTITY_CHANGE)
    delete rest[k]
  }
  const parsed = accountPatchSchema.safeParse(rest)
  if (!parsed.success) throw new AccountError('invalid', describeIssues(parsed.error))
  const { intervalSec, monthlyTarget, ...fields } = parsed.data
  const next: Account = { ...current, ...fields }
  if (intervalSec === null) delete next.intervalSec
  else if (intervalSec !== undefined) next.intervalSec = intervalSec
  if (monthlyTarget === null) delete next.monthlyTarget
  else if (monthlyTarget !== undefined) next.monthlyTarget = monthlyTarget
  return next
}
