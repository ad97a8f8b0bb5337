/**
 * Schemas for every invoke channel's request: renderer input is untrusted input (DESIGN.md §2).
 * Strict objects, so an unexpected field is refused rather than carried along.
 */
import { z } from 'zod'
import type { InvokeChannel } from '../../shared/ipc'

const id = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/)
const key = z.string().min(1).max(512)

const sizes = z.strictObject({
  mostActive: z.number().int().min(1).max(100),
  days: z.number().int().min(1).max(90),
  lastTransactions: z.number().int().min(1).max(100),
  lastCustomers: z.number().int().min(1).max(100),
})

const accountFields = {
  label: z.string().trim().min(1).max(60),
  endpoint: z.string().min(1).max(2048),
  userId: z.string().trim().min(1).max(200),
  accountId: z.string().trim().min(1).max(200),
  timeZone: z.string().min(1).max(100),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  enabled: z.boolean(),
  format: z.enum(['xml', 'json']),
  sizes,
  intervalSec: z.number().int().min(60).max(86_400).optional(),
  limitedPermissions: z.boolean().optional(),
}

const accountInput = z.strictObject(accountFields)
const { endpoint: _e, userId: _u, accountId: _a, ...editable } = accountFields
const accountPatch = z.strictObject(editable).partial()

const settingsPatch = z
  .strictObject({
    intervalSec: z.number().int().min(60).max(86_400),
    notifications: z.boolean(),
    quietHours: z.strictObject({ from: z.string().regex(/^\d\d:\d\d$/), to: z.string().regex(/^\d\d:\d\d$/) }).nullable(),
  })
  .partial()

/** One request schema per invoke channel; the record type makes a missing channel a compile error. */
export const ipcRequestSchemas: Record<InvokeChannel, z.ZodType> = {
  'app:info': z.null(),
  'state:get': z.null(),
  'accounts:add': z.strictObject({ input: accountInput, key }),
  'accounts:update': z.strictObject({ id, patch: accountPatch, key: key.optional() }),
  'accounts:remove': z.strictObject({ id }),
  'stores:refresh': z.strictObject({ id: id.optional() }),
  'settings:update': settingsPatch,
}
