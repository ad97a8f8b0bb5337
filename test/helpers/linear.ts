/**
 * How an operation's time grows with its input: the time for a 10× input over the time for a 1×
 * input, each the fastest of a few runs (to reduce noise from other work on the machine). Linear
 * work gives about 10, quadratic about 100. Tests assert this ratio with a generous bound, never
 * a time.
 */
import { performance } from 'node:perf_hooks'

function fastest(run: () => unknown, runs: number): number {
  let best = Infinity
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    try {
      run()
    } catch {
      // Refusing the input is a fine outcome; only the time it took matters here.
    }
    best = Math.min(best, performance.now() - t0)
  }
  return best
}

/** Bound for `growthRatio`: well above linear (10), half of quadratic (100): the 10× input also costs more garbage collection. */
export const LINEAR_BOUND = 50

/** Time of `run(make(10 n))` over time of `run(make(n))`, fastest of `runs` each, after a warm-up. */
export function growthRatio<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, runs = 7): number {
  const small = make(n)
  const big = make(10 * n)
  fastest(() => run(small), 2)
  fastest(() => run(big), 1)
  const ts = fastest(() => run(small), runs)
  const tb = fastest(() => run(big), runs)
  // A floor on the small time so that timer resolution cannot make a fast case look superlinear.
  return tb / Math.max(ts, 0.2)
}

/**
 * `growthRatio`, measured again (up to `attempts` times) while it is above LINEAR_BOUND; the
 * lowest ratio seen. Noise from other work only ever slows a run down, so one quiet measurement
 * is enough to show linear growth; quadratic growth stays near 100 however often it is measured.
 */
export function lowestGrowthRatio<T>(make: (n: number) => T, run: (input: T) => unknown, n: number, attempts = 3): number {
  let lowest = Infinity
  for (let i = 0; i < attempts && lowest >= LINEAR_BOUND; i++) lowest = Math.min(lowest, growthRatio(make, run, n))
  return lowest
}
