/**
 * Turns untrusted IPC input into calls on the app's handlers: the channel must be one of the
 * contract's, the payload must match that channel's schema, and any failure comes back as data
 * (`{ ok: false, error }`) with a message fit for the user. Used by the Electron IPC adapter and by
 * the browser tests' bridge, so both validate exactly alike.
 */
import { z } from 'zod'
import { INVOKE_CHANNELS, type InvokeChannel, type IpcResult, type RequestOf, type ResponseOf } from '../../shared/ipc'
import { errorKindOf } from '../../shared/errorKind'
import { ipcRequestSchemas } from './ipcSchemas'

/** One async function per invoke channel. */
export type IpcHandlers = { [C in InvokeChannel]: (request: RequestOf<C>) => Promise<ResponseOf<C>> }

/** A dispatcher: `(channel, payload)` from the renderer to a result for the wire. */
export type Dispatch = (channel: unknown, request: unknown) => Promise<IpcResult<unknown>>

const channels: readonly unknown[] = INVOKE_CHANNELS

/** Builds the dispatcher over a set of handlers. */
export function createDispatcher(handlers: IpcHandlers): Dispatch {
  return async (channel, request) => {
    if (typeof channel !== 'string' || !channels.includes(channel)) {
      return fail('invalid', 'Unknown request.')
    }
    const c = channel as InvokeChannel
    const parsed = ipcRequestSchemas[c].safeParse(request)
    if (!parsed.success) {
      return fail('invalid', `Invalid request: ${z.prettifyError(parsed.error).split('\n').slice(0, 3).join(' ')}`)
    }
    try {
      const handler = handlers[c] as (r: unknown) => Promise<unknown>
      return { ok: true, value: await handler(parsed.data) }
    } catch (err) {
      return fail(errorKind(err), errorMessage(err))
    }
  }
}

function fail(kind: string, message: string): IpcResult<never> {
  return { ok: false, error: { kind, message } }
}

function errorKind(err: unknown): string {
  return errorKindOf(err) ?? 'internal'
}

function errorMessage(err: unknown): string {
  if (err instanceof Error && err.message) return err.message
  return 'Something went wrong.'
}
