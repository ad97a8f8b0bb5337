/**
 * Serializing async work: critical sections that must never interleave (a file's writes, the
 * account list's changes).
 */

/**
 * Runs tasks one at a time per key (a store), in call order, whatever the previous task's outcome.
 * Different keys run concurrently: one store's slow disk work never holds up another's.
 */
export function createKeyedQueue(): <T>(key: string, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>()
  return <T>(key: string, task: () => Promise<T>): Promise<T> => {
    const result = (tails.get(key) ?? Promise.resolve()).then(task, task)
    const tail = result.then(
      () => undefined,
      () => undefined,
    )
    tails.set(key, tail)
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key)
    })
    return result
  }
}
