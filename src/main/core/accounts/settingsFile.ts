/**
 * `<userData>/settings.json`: the store list and the application settings, in one versioned JSON
 * file `{ version, settings, accounts }`. Validated on every read and write, written atomically,
 * read defensively: whatever cannot be understood is moved aside (never deleted), everything that
 * can be kept is kept, and the user is told in plain words. API keys are never in this file.
 */
import { join } from 'node:path'
import { z } from 'zod'
import { DEFAULT_SETTINGS, type Account, type Settings } from '../../../shared/model'
import { quarantineUnique, readIfExists, writeFileAtomic } from '../fsAtomic'
import { isFileTooLarge } from '../boundedRead'
import { CURRENT_VERSION, detectVersion, migrate } from './migrations'
import { describeIssues, sameStore, settingsSchema, storedAccountSchema } from './schemas'
import { isRecord } from '../../../shared/isRecord'

export const SETTINGS_FILE_NAME = 'settings.json'
/** Longest settings file read: 500 stores with the longest names and endpoints take about 2 MB. */
export const MAX_SETTINGS_FILE_BYTES = 8 * 1024 * 1024

/** What settings.json holds, minus its version. */
export interface SettingsData {
  settings: Settings
  accounts: Account[]
}

/** The result of reading settings.json: what could be kept, and what the user should be told. */
export interface LoadedSettings extends SettingsData {
  /** User-facing sentences about anything that was repaired, moved aside or reset. */
  warnings: string[]
  /** Why the file must not be overwritten (newer format, could not be moved aside), or null. */
  readOnlyReason: string | null
}

/** A failure to save settings, with a message fit for the user. */
export class SettingsFileError extends Error {
  override readonly name = 'SettingsFileError'
  constructor(
    readonly kind: 'save-failed' | 'read-only' | 'invalid',
    message: string,
  ) {
    super(message)
  }
}

/** The settings file of one user-data directory. */
export interface SettingsFile {
  readonly path: string
  /** Reads, migrates and repairs the file; never throws for bad content. */
  load(): Promise<LoadedSettings>
  /** Validates and writes atomically; throws SettingsFileError, leaving the old file intact. */
  save(data: SettingsData): Promise<void>
}

const fileSchema = z.object({
  version: z.literal(CURRENT_VERSION),
  settings: settingsSchema,
  accounts: z.array(storedAccountSchema),
})

const errCode = (err: unknown) => (err as NodeJS.ErrnoException | undefined)?.code ?? 'unknown error'

/** Keeps each valid setting, resets each invalid one to its default. */
function salvageSettings(raw: unknown, problems: string[]): Settings {
  if (!isRecord(raw)) {
    problems.push('the application settings were missing or unreadable and were reset to their defaults')
    return { ...DEFAULT_SETTINGS }
  }
  const out: Record<string, unknown> = {}
  for (const [key, schema] of Object.entries(settingsSchema.shape)) {
    const parsed = schema.safeParse(raw[key])
    if (parsed.success) out[key] = parsed.data
    else {
      out[key] = DEFAULT_SETTINGS[key as keyof Settings]
      problems.push(`the setting "${key}" was invalid and was reset to its default`)
    }
  }
  return out as unknown as Settings
}

/** Keeps every individually valid store; names each one that had to be dropped. */
function salvageAccounts(raw: unknown, problems: string[]): Account[] {
  if (!Array.isArray(raw)) {
    problems.push('the store list was missing or unreadable')
    return []
  }
  const kept: Account[] = []
  raw.forEach((item, i) => {
    const label = isRecord(item) && typeof item.label === 'string' ? ` "${item.label.slice(0, 60)}"` : ''
    const parsed = storedAccountSchema.safeParse(item)
    if (!parsed.success) {
      problems.push(`store #${i + 1}${label} was invalid and was left out (${describeIssues(parsed.error)})`)
      return
    }
    const acc = parsed.data
    const same = kept.find((k) => k.id === acc.id || sameStore(k, acc))
    if (same) problems.push(`store #${i + 1}${label} duplicated "${same.label}" and was left out`)
    else kept.push(acc)
  })
  return kept
}

/** Everything usable in a (migrated) file's content; `problems` names what was not. */
function salvage(data: unknown, problems: string[]): SettingsData {
  const rec = isRecord(data) ? data : {}
  return { settings: salvageSettings(rec.settings, problems), accounts: salvageAccounts(rec.accounts, problems) }
}

/** Human words for a file-system error code. */
function describeFsError(code: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a part of that path is a file, not a folder'
    case 'EISDIR':
      return 'it is a folder, not a file'
    case 'ENOSPC':
      return 'the disk is full'
    case 'EROFS':
      return 'the disk is read-only'
    default:
      return code
  }
}

const STARTED_FRESH = 'Storeglance started with default settings and no stores.'

/** Opens the settings file in `dir` (the user-data directory). Nothing is read until load(). */
export function openSettingsFile(dir: string, now: () => Date = () => new Date()): SettingsFile {
  return new JsonSettingsFile(dir, now)
}

class JsonSettingsFile implements SettingsFile {
  readonly path: string
  /** Set by load() when the file on disk must be protected from overwriting. */
  private readOnlyReason: string | null = null

  constructor(
    private readonly dir: string,
    private readonly now: () => Date,
  ) {
    this.path = join(dir, SETTINGS_FILE_NAME)
  }

  async save(data: SettingsData): Promise<void> {
    if (this.readOnlyReason !== null) throw new SettingsFileError('read-only', this.readOnlyReason)
    await this.write(data)
  }

  async load(): Promise<LoadedSettings> {
    this.readOnlyReason = null
    const warnings: string[] = []
    let text: string | null
    try {
      text = await readIfExists(this.path, MAX_SETTINGS_FILE_BYTES)
    } catch (err) {
      // Far larger than any settings Storeglance writes: damage, set aside without being read.
      if (isFileTooLarge(err)) {
        await this.setAside(err.why, warnings)
        return this.fresh([...warnings, STARTED_FRESH])
      }
      const code = errCode(err)
      if (code === 'EISDIR') {
        await this.setAside(`could not be read (${describeFsError(code)})`, warnings)
        return this.fresh([...warnings, STARTED_FRESH])
      }
      // Perhaps passing (permissions, a lock, an I/O error): never replace a file we could not read.
      this.readOnlyReason = `Storeglance could not read its settings file ${this.path} (${describeFsError(code)}). It will not change it until it can be read; fix the problem and restart.`
      return this.fresh([this.readOnlyReason])
    }
    if (text === null) return this.fresh(warnings)
    let raw: unknown
    try {
      raw = JSON.parse(text)
    } catch {
      await this.setAside('is not valid JSON (it may have been damaged or edited by hand)', warnings)
      return this.fresh([...warnings, STARTED_FRESH])
    }
    return this.interpret(raw, text, warnings)
  }

  private fresh(warnings: string[]): LoadedSettings {
    return { settings: { ...DEFAULT_SETTINGS }, accounts: [], warnings, readOnlyReason: this.readOnlyReason }
  }

  private async write(data: SettingsData): Promise<void> {
    if (data.accounts.some((a) => a.demo)) throw new SettingsFileError('invalid', 'Demo stores are never saved to the settings file.')
    const parsed = fileSchema.safeParse({ version: CURRENT_VERSION, ...data })
    if (!parsed.success)
      throw new SettingsFileError('invalid', `Storeglance refused to save invalid settings: ${describeIssues(parsed.error)}`)
    try {
      await writeFileAtomic(this.path, JSON.stringify(parsed.data, null, 2) + '\n')
    } catch (err) {
      throw new SettingsFileError(
        'save-failed',
        `Storeglance cannot save its settings in ${this.dir}: ${describeFsError(errCode(err))}. ` +
          'Nothing was changed. Make that folder writable (or start Storeglance with STOREGLANCE_HOME set to a writable folder) and try again.',
      )
    }
  }

  /** Moves the unusable file aside; if even that fails, protects it from being overwritten. */
  private async setAside(why: string, warnings: string[]): Promise<void> {
    try {
      const moved = await quarantineUnique(this.path, this.now())
      warnings.push(`The settings file ${this.path} ${why}. It was moved aside to ${moved} (nothing was deleted).`)
    } catch (err) {
      this.readOnlyReason =
        `The settings file ${this.path} ${why} and could not be moved aside (${describeFsError(errCode(err))}); ` +
        'Storeglance will not overwrite it. Move it away by hand, then restart Storeglance.'
      warnings.push(this.readOnlyReason)
    }
  }

  /** Parsed JSON → migrated, salvaged settings; repairs are written back at once (the original is kept aside). */
  private async interpret(raw: unknown, text: string, warnings: string[]): Promise<LoadedSettings> {
    const version = detectVersion(raw)
    if (version === null) {
      await this.setAside('has a layout Storeglance does not recognize', warnings)
      return this.fresh([...warnings, STARTED_FRESH])
    }
    if (version > CURRENT_VERSION) return this.newerVersion(raw, version, warnings)
    let data = raw
    if (version < CURRENT_VERSION) {
      try {
        data = migrate(raw, version)
      } catch (err) {
        await this.setAside(`could not be upgraded from format ${version} (${(err as Error).message})`, warnings)
        return this.fresh([...warnings, STARTED_FRESH])
      }
      await this.keepBackup(`${this.path}.v${version}-backup`, text, warnings)
    }
    const problems: string[] = []
    const result = salvage(data, problems)
    if (problems.length > 0) {
      await this.setAside('was partly invalid', warnings)
      warnings.push(...problems.map((p) => `In the settings file, ${p}.`))
    }
    if ((problems.length > 0 || version < CURRENT_VERSION) && this.readOnlyReason === null) {
      try {
        await this.write(result)
      } catch (err) {
        warnings.push(`The repaired settings could not be saved yet: ${(err as Error).message}`)
      }
    }
    return { ...result, warnings, readOnlyReason: this.readOnlyReason }
  }

  /** A file from a newer Storeglance: used as far as this version understands it, never overwritten. */
  private newerVersion(raw: unknown, version: number, warnings: string[]): LoadedSettings {
    this.readOnlyReason =
      `The settings file ${this.path} was written by a newer version of Storeglance (format ${version}; this version knows format ${CURRENT_VERSION}). ` +
      'This Storeglance is older than the file: it will not overwrite it, so changes cannot be saved. Update Storeglance.'
    warnings.push(this.readOnlyReason)
    const problems: string[] = []
    const result = salvage(raw, problems)
    if (problems.length > 0) warnings.push(`Parts of that file could not be used by this version: ${problems.join('; ')}.`)
    return { ...result, warnings, readOnlyReason: this.readOnlyReason }
  }

  /** Keeps the pre-migration file; without that copy, the old file must not be replaced. */
  private async keepBackup(backupPath: string, text: string, warnings: string[]): Promise<void> {
    try {
      await writeFileAtomic(backupPath, text)
    } catch (err) {
      this.readOnlyReason = `Storeglance could not keep a copy of the old settings file before upgrading it (${describeFsError(errCode(err))}); it will not overwrite it.`
      warnings.push(this.readOnlyReason)
    }
  }
}
