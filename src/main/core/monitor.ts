/**
 * The monitor joins accounts, poller, snapshot store and history. It emits every stored snapshot
 * before any request goes out (so the window opens on the last figures, offline or not), then
 * keeps each store fresh through the poller, saving each good snapshot and the day's history.
 */
import type { SnapshotPair } from '../../shared/ipc'
import type { Account, ErrorKind, StoreSnapshot, StoreStatus } from '../../shared/model'
import { DEFAULT_TIMEOUT_MS, fetchDashboard, requestFieldsOf, TimeoutError, type DashboardParser } from './api'
import type { AccountService } from './accounts'
import { TypedEvents } from './events'
import type { Clock, TimerHandle, Transport } from './ports'
import { classifyFailure, createPoller, type PollerOptions } from './poller'
import type { HistoryStore, SnapshotStore } from './snapshots'
import { outcomeClass, type Logger } from './log/logger'

/** Fetches one store's dashboard with its key; the real client by default. */
export type StoreFetcher = (account: Account, key: string, signal: AbortSignal) => Promise<StoreSnapshot>

export interface MonitorDeps {
  accounts: AccountService
  snapshots: SnapshotStore
  history: HistoryStore
  clock: Clock
  transport?: Transport
  fetcher?: StoreFetcher
  /** Per-request time limit of the default fetcher (the client's 20 s by default). */
  timeoutMs?: number
  /** Body → snapshot for the default fetcher (the app parses large bodies off the main thread). */
  parse?: DashboardParser
  random?: () => number
  maxInFlight?: number
  spreadMs?: PollerOptions['spreadMs']
  refreshDebounceMs?: number
  /** Problems worth telling the user that do not make a poll fail (history could not be written). */
  onWarning?: (message: string) => void
  /** How long stop() waits for requests in flight before giving up on them. */
  stopTimeoutMs?: number
  /** One poll's deadline, request to snapshot (default: the request limit plus 40 s for key, parse and save). */
  pollDeadlineMs?: number
  /** Each poll's outcome class and duration go here (the support log). */
  log?: Logger
}

/** The outcome of one poll of one store (what the alert engine consumes): a snapshot or a classified failure. */
export type PollOutcome =
  { id: string; at: string; snapshot: StoreSnapshot } | { id: string; at: string; error: { kind: ErrorKind; message: string } }

export interface MonitorEvents {
  snapshot: SnapshotPair
  status: StoreStatus
  outcome: PollOutcome
}

/** A failure the poller can classify: the account has no usable key. */
class MissingKeyError extends Error {
  readonly kind = 'keychain' as const
}

export type Monitor = ReturnType<typeof createMonitor>

/** Creates a stopped monitor; `start()` emits the stored snapshots, then starts polling. */
export function createMonitor(deps: MonitorDeps) {
  const events = new TypedEvents<MonitorEvents>()
  const pairs = new Map<string, SnapshotPair>()
  const fetcher: StoreFetcher =
    deps.fetcher ??
    ((account, key, signal) =>
      fetchDashboard({
        ...requestFieldsOf(account),
        key,
        signal,
        now: () => new Date(deps.clock.now()),
        ...(deps.timeoutMs ? { timeoutMs: deps.timeoutMs } : {}),
        ...(deps.parse ? { parse: deps.parse } : {}),
        onWarning: (message) => deps.onWarning?.(`${account.label}: ${message}`),
        ...(deps.transport ? { transport: deps.transport } : {}),
      }))

  /**
   * Reads the key and fetches; a failure is emitted as the poll's outcome (unless stopped on
   * purpose), then rethrown. A poll past its deadline counts as a timeout at once, even while its
   * work is still stuck.
   */
  async function fetchWithOutcome(account: Account, at: string, signal: AbortSignal): Promise<StoreSnapshot> {
    let reported = false
    const report = (err: unknown) => {
      if (reported) return
      reported = true
      const { kind, message } = classifyFailure(err)
      events.emit('outcome', { id: account.id, at, error: { kind, message } })
    }
    const onAbort = () => {
      if (signal.reason instanceof TimeoutError) report(signal.reason)
    }
    signal.addEventListener('abort', onAbort, { once: true })
    try {
      const key = await deps.accounts.getKey(account.id)
      if (!key) throw new MissingKeyError(`No API key is stored for ${account.label}. Enter it again in Settings.`)
      const snapshot = await fetcher(account, key, signal)
      // Dropped meanwhile (store removed or disabled, app pausing): keep nothing of the answer.
      signal.throwIfAborted()
      return snapshot
    } catch (err) {
      if (!signal.aborted) report(err)
      throw err
    } finally {
      signal.removeEventListener('abort', onAbort)
    }
  }

  /** What each poll in flight asked with (endpoint, user, account, format, sizes), by store. */
  const askedWith = new Map<string, { request: string }>()
  const requestOf = (a: Account): string => JSON.stringify(requestFieldsOf(a))
  /** True when the store's account now asks differently than `request` (it was edited meanwhile). */
  const editedSince = (id: string, request: string): boolean => {
    const account = deps.accounts.list().find((a) => a.id === id)
    return account !== undefined && requestOf(account) !== request
  }

  async function pollOne(id: string, signal: AbortSignal): Promise<void> {
    const account = deps.accounts.list().find((a) => a.id === id)
    if (!account) throw new Error('This store was removed.')
    const at = new Date(deps.clock.now()).toISOString()
    const asked = { request: requestOf(account) }
    askedWith.set(id, asked)
    const snapshot = await fetchWithOutcome(account, at, signal).finally(() => {
      if (askedWith.get(id) === asked) askedWith.delete(id)
    })
    // An answer for the account as it was before an edit is not the edited account's snapshot.
    if (editedSince(id, asked.request)) {
      poller.restart(id)
      signal.throwIfAborted()
      throw new Error(`${account.label} was edited during the request; asking again.`)
    }
    const before = pairs.get(id)
    const { changed } = await deps.snapshots.save(id, snapshot)
    signal.throwIfAborted()
    // The store keeps the last differing snapshot as "previous"; mirror that without re-reading disk.
    const pair: SnapshotPair = { id, current: snapshot, previous: (changed ? before?.current : before?.previous) ?? null }
    pairs.set(id, pair)
    events.emit('snapshot', pair)
    events.emit('outcome', { id, at, snapshot })
    try {
      await deps.history.record(id, account.timeZone, snapshot)
    } catch (err) {
      // The figures are saved and shown; only the long-term history missed a day's update.
      deps.onWarning?.(`The history of ${account.label} could not be saved: ${(err as Error).message}`)
    }
  }

  /** pollOne, with its outcome class and duration logged (never its message: it may quote the server). */
  async function loggedPoll(id: string, signal: AbortSignal): Promise<void> {
    const started = deps.clock.now()
    try {
      await pollOne(id, signal)
      deps.log?.info('poll', { store: id, outcome: 'ok', ms: deps.clock.now() - started })
    } catch (err) {
      deps.log?.info('poll', { store: id, outcome: signal.aborted ? 'aborted' : outcomeClass(err), ms: deps.clock.now() - started })
      throw err
    }
  }

  const poller = createPoller({
    clock: deps.clock,
    poll: loggedPoll,
    onStatus: (s) => events.emit('status', s),
    ...(deps.random ? { random: deps.random } : {}),
    ...(deps.maxInFlight ? { maxInFlight: deps.maxInFlight } : {}),
    ...(deps.spreadMs ? { spreadMs: deps.spreadMs } : {}),
    ...(deps.refreshDebounceMs !== undefined ? { refreshDebounceMs: deps.refreshDebounceMs } : {}),
    deadlineMs: deps.pollDeadlineMs ?? (deps.timeoutMs ?? DEFAULT_TIMEOUT_MS) + 40_000,
  })

  const enabled = () => deps.accounts.list().filter((a) => a.enabled)

  /** Points the poller at the enabled accounts (after any add, edit, remove or settings change). */
  function sync(): void {
    const interval = deps.accounts.settings().intervalSec
    for (const id of [...pairs.keys()]) if (!deps.accounts.list().some((a) => a.id === id)) pairs.delete(id)
    poller.setTargets(
      enabled().map((a) => ({
        id: a.id,
        intervalSec: a.intervalSec ?? interval,
        lastSuccessAt: pairs.get(a.id)?.current.fetchedAt ?? null,
      })),
    )
  }

  /** Loads stored snapshots for accounts not yet in memory and emits them. */
  async function loadStored(): Promise<void> {
    for (const account of deps.accounts.list()) {
      if (pairs.has(account.id)) continue
      const loaded = await deps.snapshots.load(account.id)
      if (!loaded.current) continue
      const pair: SnapshotPair = { id: account.id, current: loaded.current, previous: loaded.previous }
      pairs.set(account.id, pair)
      events.emit('snapshot', pair)
    }
  }

  return {
    events,
    /** Emits every stored snapshot, then starts polling. */
    async start(): Promise<void> {
      await loadStored()
      sync()
      poller.start()
    },
    /**
     * Fetches every enabled store once, now (within the same in-flight limits), and resolves when
     * all have answered or failed. Used by the CLI's `snapshot`; leaves the poller stopped.
     */
    async pollAllOnce(): Promise<void> {
      await loadStored()
      sync()
      poller.start()
      poller.refresh()
      await poller.whenIdle()
      poller.stop()
      await deps.snapshots.flush()
    },
    /**
     * Stops polling and writes any pending snapshot age to disk. Requests are aborted; one that does
     * not settle within `stopTimeoutMs` (a keychain prompt, say) is not waited for.
     */
    async stop(): Promise<void> {
      poller.stop()
      let timer: TimerHandle | undefined
      const deadline = new Promise<void>((r) => {
        timer = deps.clock.setTimeout(r, deps.stopTimeoutMs ?? 5_000)
      })
      await Promise.race([poller.whenIdle(), deadline])
      deps.clock.clearTimeout(timer)
      await deps.snapshots.flush()
    },
    /** Stops polling a store and waits for its request to settle, so nothing is saved after. */
    async forget(id: string): Promise<void> {
      await poller.forget(id)
      pairs.delete(id)
    },
    /** Call after accounts or settings changed. Loads what is stored for new accounts first. */
    async accountsChanged(): Promise<void> {
      await loadStored()
      sync()
      for (const [id, asked] of askedWith) if (editedSince(id, asked.request)) poller.restart(id)
    },
    refresh: (id?: string) => poller.refresh(id),
    /**
     * Polls one store now, past the debounce: its key was just fixed or it was just enabled. A poll
     * in flight went out with the old key, so it is aborted and asked again at once.
     */
    refreshNow: (id: string) => (poller.isPolling(id) ? poller.restart(id) : poller.refresh(id, true)),
    pause: () => poller.pause(),
    resume: () => poller.resume(),
    setOnline: (online: boolean) => poller.setOnline(online),
    whenIdle: () => poller.whenIdle(),
    /** Polls still holding a slot (those of stores already dropped included); 0 when idle. */
    inFlight: (): number => poller.inFlight(),
    /** The latest snapshot pair of every store that has one. */
    snapshots: (): SnapshotPair[] => [...pairs.values()],
    statuses: (): StoreStatus[] => poller.statuses(),
    status: (id: string) => poller.status(id),
  }
}
