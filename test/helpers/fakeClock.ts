/**
 * A fake Clock for tests: time moves only when the test advances it, and due timers run in order.
 * Tests never sleep.
 */
import type { Clock } from '../../src/main/core/ports'

interface Timer {
  id: number
  at: number
  fn: () => void
}

export class FakeClock implements Clock {
  private t: number
  private seq = 0
  private timers: Timer[] = []

  constructor(start: number | string = '2026-11-29T12:00:00Z') {
    this.t = typeof start === 'number' ? start : Date.parse(start)
  }

  now(): number {
    return this.t
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const timer = { id: ++this.seq, at: this.t + Math.max(0, ms), fn }
    this.timers.push(timer)
    return timer.id
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((x) => x.id !== handle)
  }

  /** Number of timers waiting. */
  get pending(): number {
    return this.timers.length
  }

  /** The instant of the next due timer, or null. */
  nextAt(): number | null {
    return this.timers.length ? Math.min(...this.timers.map((x) => x.at)) : null
  }

  /** Moves time forward by `ms`, running every timer that falls due on the way, in order. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms
    for (;;) {
      await flush()
      const next = this.timers.filter((x) => x.at <= end).sort((a, b) => a.at - b.at || a.id - b.id)[0]
      if (!next) break
      this.t = next.at
      this.timers = this.timers.filter((x) => x !== next)
      next.fn()
    }
    this.t = end
    await flush()
  }
}

/** Lets pending promise callbacks run. */
export async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r))
}
