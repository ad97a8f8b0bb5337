/**
 * A small typed event hub over Node's EventEmitter, used for the core's events (the IPC event
 * contract) so main, the tray and the tests all listen to the same names with the same payloads.
 */
import { EventEmitter } from 'node:events'

/** Typed `on`/`emit` over a map of event name → payload. */
export class TypedEvents<M extends object> {
  private readonly emitter = new EventEmitter()

  constructor() {
    this.emitter.setMaxListeners(50)
  }

  /** Listens to one event; returns the function that stops listening. */
  on<K extends keyof M & string>(name: K, listener: (payload: M[K]) => void): () => void {
    this.emitter.on(name, listener)
    return () => {
      this.emitter.off(name, listener)
    }
  }

  /** Emits one event to its listeners, synchronously. */
  emit<K extends keyof M & string>(name: K, payload: M[K]): void {
    this.emitter.emit(name, payload)
  }
}
