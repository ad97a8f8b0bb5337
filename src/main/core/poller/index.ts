/** The poller: scheduling only (intervals, spread, cap, single flight, backoff, pause/offline). */
export { createPoller, type Poller, type PollerOptions } from './poller'
export { backoffDelay, classifyFailure, jitteredInterval, MAX_BACKOFF_MS, MIN_DELAY_MS } from './backoff'
