/**
 * Schemas for every invoke channel's request: renderer input is untrusted input (DESIGN.md §2).
 * Strict objects, so an unexpected field is refused rather than carried along. Account and
 * settings fields reuse the account module's own schemas, so the window and the settings file
 * accept exactly the same values.
 */
import { z } from 'zod'
import type { InvokeChannel } from '../../shared/ipc'
import { accountInputSchema, accountPatchSchema, settingsPatchSchema } from './accounts'
import { ACCOUNT_ID_PATTERN } from '../../shared/model'

const id = z.string().regex(ACCOUNT_ID_PATTERN)
const key = z.string().min(1).max(512)

/** One request schema per invoke channel; the record type makes a missing channel a compile error. */
export const ipcRequestSchemas: Record<InvokeChannel, z.ZodType> = {
  'app:info': z.null(),
  'state:get': z.null(),
  'accounts:add': z.strictObject({ input: accountInputSchema, key }),
  'accounts:update': z.strictObject({ id, patch: accountPatchSchema, key: key.optional() }),
  'accounts:remove': z.strictObject({ id }),
  'stores:refresh': z.strictObject({ id: id.optional() }),
  'stores:hide': z.strictObject({ id }),
  'stores:unhide': z.strictObject({ id }),
  // One place at a time: a farther move is several clicks, each applied to the order main holds.
  'stores:move': z.strictObject({ id, delta: z.union([z.literal(-1), z.literal(1)]) }),
  'settings:update': settingsPatchSchema,
  'diagnostics:copy': z.null(),
  'alerts:list': z.null(),
  'alerts:markAllRead': z.null(),
  // A mute ends within a week: a forgotten mute must not silence the app for good.
  'alerts:mute': z.strictObject({ until: z.iso.datetime({ offset: true }) }),
  'alerts:unmute': z.null(),
  'history:get': z.strictObject({ id }),
  'comparison:exportCsv': z.null(),
  // A route of our own pages only: `#/<view>` or `#/<view>/<id>`, or '' (the window as it is).
  'glance:hide': z.strictObject({
    openRoute: z
      .string()
      .max(300)
      .regex(/^(#\/[a-z]{1,20}(\/[A-Za-z0-9._~%-]{1,250})?)?$/)
      .nullable(),
  }),
}
