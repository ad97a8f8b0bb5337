/**
 * Where the Electron adapters report promise failures that have no caller to return to (loading
 * the window, opening a link in the browser, the quit path): to the support log, once it is open.
 * No 'electron' import here, so it is testable and shared by every adapter.
 */
import type { Logger } from '../core/log/logger'
import { outcomeClass } from '../core/log/logger'
import { errorMessage } from '../../shared/errorKind'

let logger: Logger | null = null

/** Sends later failure reports to `log` (the app's support log). */
export function setFailureLog(log: Logger): void {
  logger = log
}

/** Reports a failure nobody awaits: logged (class and message, redacted by the log), never thrown. */
export function reportFailure(what: string, err: unknown): void {
  const message = errorMessage(err)
  if (logger) logger.error(what, { class: outcomeClass(err), message })
  else console.error(`Storeglance: ${what} failed: ${message}`)
}
