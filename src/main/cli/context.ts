/**
 * What every command works with: its input and output streams, and the same core the app uses
 * (settings.json, keychain, snapshots and history under userDataDir(), i.e. STOREGLANCE_HOME when set).
 */
import type { Account } from '../../shared/model'
import { KeytarSecretStore, userDataDir, type AccountService } from '../core/accounts'
import type { SecretStore } from '../core/ports'
import type { HistoryStore, SnapshotStore } from '../core/snapshots'
import { openUserData } from '../core/userData'
import { UsageError } from './exitCodes'
import type { Logger } from '../core/log/logger'

/** The process around a command: output streams, standard input and environment. */
export interface CliIo {
  /** Writes to stdout (results only: tables, JSON, CSV). */
  out(text: string): void
  /** Writes to stderr (messages, warnings, prompts). */
  err(text: string): void
  stdin: NodeJS.ReadStream
  env: NodeJS.ProcessEnv
  /** --debug: stack traces on unexpected errors. */
  debug: boolean
  /** --debug: the support log (`<userData>/logs/cli.log`); absent otherwise. */
  log?: Logger
}

/** The core pieces a command needs, opened on the user data directory. */
export interface CliCore {
  dir: string
  accounts: AccountService
  secrets: SecretStore
  snapshots: SnapshotStore
  history: HistoryStore
}

/**
 * Opens settings, keychain, snapshots and history as the app does. Warnings about repaired files
 * go to stderr. The keychain is only touched when a key is read or written.
 */
export async function openCore(io: CliIo): Promise<CliCore> {
  const dir = userDataDir(io.env)
  const secrets = new KeytarSecretStore()
  const data = await openUserData({ dir, secrets, warn: (m) => io.err(`Warning: ${m}\n`) })
  return { dir, secrets, ...data }
}

/**
 * The store named by `ref`: its local id, else its label (exact, then ignoring case). Unknown or
 * ambiguous references are usage errors.
 */
export function findAccount(accounts: AccountService, ref: string, command: string): Account {
  const list = accounts.list()
  const byId = list.find((a) => a.id === ref)
  if (byId) return byId
  let matches = list.filter((a) => a.label === ref)
  if (matches.length === 0) matches = list.filter((a) => a.label.toLowerCase() === ref.toLowerCase())
  if (matches.length === 1) return matches[0]!
  if (matches.length > 1)
    throw new UsageError(`Several stores are labelled "${ref}": use the id (see \`storeglance accounts list\`).`, command)
  throw new UsageError(`No store has the id or label "${ref}". See \`storeglance accounts list\`.`, command)
}
