/** Counts in words, for every text the app writes: the window, the CLI and the alerts. */

/** "1 store", "1,200 stores"; `many` defaults to `one` + "s". */
export function counted(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`
}
