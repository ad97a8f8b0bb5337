/**
 * The ports through which the core talks to the outside. The Electron adapters and the CLI's Node
 * adapters implement them; tests use the real Node ones or fakes (the clock).
 */

/** A `fetch`-compatible function: Node's `fetch` in tests and the CLI, Electron's `net.fetch` in the app. */
export type Transport = (
  url: string,
  init: { method: 'POST' | 'GET'; headers: Record<string, string>; body?: string; signal?: AbortSignal; redirect?: 'error' },
) => Promise<Response>

/** Opaque timer handle returned by a Clock. */
export type TimerHandle = unknown

/** Time, injected so that tests advance a fake clock instead of sleeping. */
export interface Clock {
  now(): number
  setTimeout(fn: () => void, ms: number): TimerHandle
  clearTimeout(handle: TimerHandle): void
}

/** The real clock. */
export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
}

/**
 * The OS keychain, keyed by our local Account.id. The only place an API key is stored.
 * Implementations throw `KeychainUnavailableError` when no keychain can be used.
 */
export interface SecretStore {
  get(id: string): Promise<string | null>
  set(id: string, key: string): Promise<void>
  delete(id: string): Promise<boolean>
}
