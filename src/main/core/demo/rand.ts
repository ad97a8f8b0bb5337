/**
 * Deterministic randomness for the demo server: every figure is a pure function of the seed, the
 * store and the instant, so two servers with the same seed answer byte for byte the same. Never
 * `Math.random`.
 */

/** MurmurHash3's finalizer: scrambles 32 bits so neighbouring inputs give unrelated outputs. */
export function mix32(x: number): number {
  let h = x >>> 0
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/**
 * Hashes a tuple of integers to 32 bits: the "address" of one random draw (store, day, hour, ...),
 * so any draw can be recomputed on its own without replaying a sequence.
 */
export function hashInts(...parts: number[]): number {
  let h = 0x811c9dc5
  for (const p of parts) {
    const n = Math.floor(p)
    h = mix32((h ^ (n >>> 0)) + 0x9e3779b9)
    const high = Math.floor(n / 4294967296) | 0
    if (high !== 0) h = mix32(h ^ high)
  }
  return h
}

/** Hashes a string (FNV-1a then mixed), to fold text into a seed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193)
  return mix32(h)
}

/** A 32-bit hash as a uniform number in [0, 1). */
export function unit(h: number): number {
  return (h >>> 0) / 4294967296
}

/** mulberry32: a tiny, fast seeded PRNG returning uniforms in [0, 1); enough for simulated stores. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * A Poisson-distributed count with mean `lambda`: how many events happen in one time bucket.
 * Exact (Knuth) for small means, a rounded normal approximation for large ones (cheap either way).
 */
export function poisson(lambda: number, rng: () => number): number {
  if (!(lambda > 0)) return 0
  if (lambda < 30) {
    const limit = Math.exp(-lambda)
    let k = 0
    let p = rng()
    while (p > limit) {
      k++
      p *= rng()
    }
    return k
  }
  const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng())
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * z))
}

/** Picks one element of a non-empty list from a uniform in [0, 1). */
export function pick<T>(list: readonly T[], u: number): T {
  return list[Math.min(list.length - 1, Math.floor(u * list.length))]
}

/** A string of `n` decimal digits drawn from `rng` (leading zeros allowed). */
export function digits(n: number, rng: () => number): string {
  let s = ''
  for (let i = 0; i < n; i++) s += Math.floor(rng() * 10)
  return s
}
