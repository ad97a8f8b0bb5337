/**
 * The poller: decides when each store is asked for fresh figures. Every store on its own interval,
 * first polls spread out, a global cap on requests in flight, never two requests for one store at
 * once, backoff on transport failures, and quiet while the computer sleeps or is offline. Time
 * comes from the injected Clock, so tests drive it without sleeping.
 */
import { MIN_INTERVAL_SEC, type StoreStatus } from '../../../shared/model'
import type { Clock, TimerHandle } from '../ports'
import { backoffDelay, classifyFailure, jitteredInterval } from './backoff'
import { entryStatus, spreadEntries, type Entry } from './schedule'
import { withDeadline } from './deadline'
import { correctClockJumps } from './clockJump'

export interface PollTarget {
  id: string
  intervalSec: number
  /** When the stored snapshot was fetched, if there is one (so a fresh one is not fetched again at once). */
  lastSuccessAt?: string | null
}

export interface PollerOptions {
  clock: Clock
  /** Fetches and stores one store's figures; throws a typed error (with `kind`) on failure. */
  poll: (id: string, signal: AbortSignal) => Promise<unknown>
  onStatus: (status: StoreStatus) => void
  maxInFlight?: number
  random?: () => number
  /** Ignore "refresh now" for a store asked again within this window. */
  refreshDebounceMs?: number
  /** Window over which first polls (and catch-up after resume) are spread; default min(interval, 5 s per store). */
  spreadMs?: (count: number, intervalMs: number) => number
  /**
   * One deadline per poll, from request to snapshot (default 60 s). On expiry the poll's signal is
   * aborted with a timeout, its slot is freed and the store is treated as failed (or, if it was
   * being stopped on purpose, as stopped): whatever the poll does later is ignored.
   */
  deadlineMs?: number
}

/** Default deadline of one poll: the client's 20 s request limit plus the keychain, parse and save. */
export const DEFAULT_POLL_DEADLINE_MS = 60_000

export type Poller = ReturnType<typeof createPoller>

/** Longest delay a Node timer accepts. */
const MAX_TIMER_MS = 2 ** 31 - 1

const defaultSpread = (count: number, intervalMs: number) => Math.min(intervalMs, count * 5_000)

/** Creates a stopped poller; call `setTargets` and `start`. */
export function createPoller(opts: PollerOptions) {
  const { clock } = opts
  const random = opts.random ?? Math.random
  const maxInFlight = opts.maxInFlight ?? 4
  const debounceMs = opts.refreshDebounceMs ?? 5_000
  const spread = opts.spreadMs ?? defaultSpread
  const deadlineMs = opts.deadlineMs ?? DEFAULT_POLL_DEADLINE_MS
  const entries = new Map<string, Entry>()
  let started = false
  let paused = false
  let online = true
  let timer: TimerHandle | null = null
  let idleWaiters: (() => void)[] = []

  // Every poll still running, including those of stores already dropped: they count against the
  // cap and keep the poller from being idle until they have settled.
  const running = new Set<Promise<void>>()
  const inFlightCount = () => running.size

  const statusOf = (e: Entry): StoreStatus => entryStatus(e, clock.now(), { started, paused, online })
  const emit = (e: Entry) => opts.onStatus(statusOf(e))

  /** Spreads the given entries' next polls over the spread window from now, not before they are due. */
  function spreadOut(list: Entry[], onlyOverdue: boolean): void {
    if (list.length === 0) return
    spreadEntries(list, clock.now(), spread(list.length, Math.min(...list.map((e) => e.intervalMs))), random, onlyOverdue)
  }

  function schedule(): void {
    if (timer !== null) clock.clearTimeout(timer)
    timer = null
    // At the cap, the next completion pumps again; no timer needed (and none that would spin).
    if (!started || inFlightCount() >= maxInFlight) return
    const waiting = [...entries.values()].filter((e) => !e.inFlight && (e.forced || (!paused && online)))
    if (waiting.length === 0) return
    const next = Math.min(...waiting.map((e) => e.nextAt))
    // Timers cannot wait longer than ~24.8 days; a later wake-up just re-schedules.
    timer = clock.setTimeout(pump, Math.min(MAX_TIMER_MS, Math.max(0, next - clock.now())))
  }

  function pump(): void {
    timer = null
    if (!started) return
    const now = clock.now()
    correctClockJumps([...entries.values()], now, !paused && online, spreadOut).forEach(emit)
    const due = [...entries.values()]
      .filter((e) => !e.inFlight && e.nextAt <= now && (e.forced || (!paused && online)))
      .sort((a, b) => a.nextAt - b.nextAt)
    for (const e of due) {
      if (inFlightCount() >= maxInFlight) break
      begin(e)
    }
    schedule()
  }

  function begin(e: Entry): void {
    const ctrl = new AbortController()
    e.inFlight = ctrl
    e.abortedOnPurpose = false
    e.forced = false
    emit(e)
    const done: Promise<void> = withDeadline(clock, deadlineMs, ctrl, () => opts.poll(e.id, ctrl.signal))
      .then(
        () => succeed(e),
        (err: unknown) => fail(e, err),
      )
      .finally(() => {
        running.delete(done)
        e.inFlight = null
        e.running = null
        // "Refresh now" arrived meanwhile (a key just fixed): ask again at once, past debounce and backoff.
        if (e.rerun) Object.assign(e, { rerun: false, nextAt: clock.now(), forced: !paused, lastRefreshAt: clock.now() })
        if (entries.get(e.id) === e) emit(e)
        // Start whatever is waiting first, so "idle" means nothing is due either.
        pump()
        if (running.size === 0) {
          idleWaiters.forEach((w) => w())
          idleWaiters = []
        }
      })
    e.running = done
    running.add(done)
  }

  function succeed(e: Entry): void {
    const now = clock.now()
    Object.assign(e, { failures: 0, error: null, needsAttention: false, lastSuccessAt: now })
    e.nextAt = now + jitteredInterval(e.intervalMs, random)
  }

  function fail(e: Entry, err: unknown): void {
    const now = clock.now()
    if (e.abortedOnPurpose) {
      e.nextAt = now
      return
    }
    const f = classifyFailure(err)
    e.failures += 1
    e.needsAttention = !f.transient
    e.error = { kind: f.kind, message: f.message, since: e.error?.since ?? new Date(now).toISOString(), consecutiveFailures: e.failures }
    e.nextAt = now + (f.transient ? backoffDelay(e.failures, random) : jitteredInterval(e.intervalMs, random))
  }

  /** Stops polling one store: aborts its request and resolves once that request has settled. */
  async function drop(id: string): Promise<void> {
    const e = entries.get(id)
    if (!e) return
    entries.delete(id)
    // The window is told the store is no longer polled (it may be disabled, not removed).
    opts.onStatus({ ...statusOf(e), state: 'idle', nextAttemptAt: null })
    if (!e.inFlight) return
    e.abortedOnPurpose = true
    e.inFlight.abort()
    await e.running
  }

  function abortAll(): void {
    for (const e of entries.values()) {
      if (!e.inFlight) continue
      e.abortedOnPurpose = true
      e.inFlight.abort()
    }
  }

  return {
    /** Adds new stores (first polls spread out), updates intervals, and drops stores no longer listed. */
    setTargets(targets: PollTarget[]): void {
      const now = clock.now()
      const wanted = new Set(targets.map((t) => t.id))
      for (const id of [...entries.keys()]) if (!wanted.has(id)) void drop(id)
      const added: Entry[] = []
      for (const t of targets) {
        const intervalMs = Math.max(MIN_INTERVAL_SEC, t.intervalSec) * 1000
        const existing = entries.get(t.id)
        if (existing) {
          if (existing.intervalMs !== intervalMs) existing.nextAt = Math.min(existing.nextAt, now + jitteredInterval(intervalMs, random))
          existing.intervalMs = intervalMs
          continue
        }
        const last = t.lastSuccessAt ? Date.parse(t.lastSuccessAt) : NaN
        const entry: Entry = {
          id: t.id,
          intervalMs,
          nextAt: now,
          inFlight: null,
          running: null,
          abortedOnPurpose: false,
          forced: false,
          rerun: false,
          lastSuccessAt: Number.isFinite(last) ? last : null,
          lastRefreshAt: null,
          failures: 0,
          error: null,
          needsAttention: false,
        }
        entries.set(t.id, entry)
        added.push(entry)
      }
      spreadOut(added, false)
      added.forEach(emit)
      schedule()
    },
    /** Stops polling one store and waits for its request to settle (before its files are deleted). */
    forget: drop,
    start(): void {
      started = true
      entries.forEach(emit)
      pump()
    },
    /** Stops polling and aborts requests in flight. */
    stop(): void {
      started = false
      abortAll()
      schedule()
    },
    /** System suspend or screen lock: no new requests, in-flight ones aborted (not counted as failures). */
    pause(): void {
      if (paused) return
      paused = true
      abortAll()
      entries.forEach(emit)
    },
    /** Wake-up: overdue stores catch up, spread out with jitter. */
    resume(): void {
      if (!paused) return
      paused = false
      spreadOut([...entries.values()], true)
      entries.forEach(emit)
      schedule()
    },
    /** The network went away or came back. */
    setOnline(value: boolean): void {
      if (online === value) return
      online = value
      if (!value) abortAll()
      else spreadOut([...entries.values()], true)
      entries.forEach(emit)
      schedule()
    },
    /**
     * "Refresh now" for one store or all; debounced (unless `immediate`, for a fixed key or a store
     * just enabled), and never a second request for a store in flight: an immediate one is run
     * again as soon as its poll settles, whatever the outcome.
     */
    refresh(id?: string, immediate = false): void {
      const now = clock.now()
      for (const e of entries.values()) {
        if (id !== undefined && e.id !== id) continue
        if (paused) continue
        if (e.inFlight) {
          e.rerun ||= immediate
          continue
        }
        if (!immediate && e.lastRefreshAt !== null && now - e.lastRefreshAt < debounceMs) continue
        e.lastRefreshAt = now
        e.nextAt = now
        e.forced = true
      }
      pump()
    },
    /** The store's account changed under its poll in flight: abort that poll (not a failure) and poll again at once. */
    restart(id: string): void {
      const e = entries.get(id)
      if (!e?.inFlight) return
      Object.assign(e, { abortedOnPurpose: true, rerun: true })
      e.inFlight.abort()
    },
    /** True while a poll of the store is in flight. */
    isPolling(id: string): boolean {
      return Boolean(entries.get(id)?.inFlight)
    },
    status(id: string): StoreStatus | null {
      const e = entries.get(id)
      return e ? statusOf(e) : null
    },
    statuses(): StoreStatus[] {
      return [...entries.values()].map(statusOf)
    },
    /** Resolves when no request is in flight. */
    whenIdle(): Promise<void> {
      return inFlightCount() === 0 ? Promise.resolve() : new Promise((r) => idleWaiters.push(r))
    },
    inFlight(): number {
      return inFlightCount()
    },
  }
}
