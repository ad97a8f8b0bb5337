/**
 * Failures nobody awaited in the window (a click whose request main refused, say) become warnings
 * the owner sees in the header's count and on the Alerts view, instead of vanishing in the console.
 */
import type { App } from 'vue'
import type { Pinia } from 'pinia'
import { useAlertsStore } from './stores/alerts'

/** The sentence to show for a failure: main's message (already plain and key-free), or a fallback. */
export function failureMessage(err: unknown): string {
  const text = err instanceof Error ? err.message : typeof err === 'string' ? err : ''
  const line = text.trim().slice(0, 500)
  return line ? `That did not work: ${line}` : 'That did not work, for a reason the window was not told.'
}

/** Routes Vue's handler errors and unhandled promise rejections of `target` to the warnings. */
export function reportUnhandledFailures(app: App, pinia: Pinia, target: Pick<Window, 'addEventListener'> = window): void {
  const report = (err: unknown) => {
    useAlertsStore(pinia).add({ message: failureMessage(err), at: new Date().toISOString() })
    console.error(err)
  }
  app.config.errorHandler = (err) => report(err)
  target.addEventListener('unhandledrejection', (event) => {
    event.preventDefault()
    report(event.reason)
  })
}
