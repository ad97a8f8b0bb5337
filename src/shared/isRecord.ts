/** A plain object (not null, not an array): the one guard for untyped input from disk, network or IPC. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}
