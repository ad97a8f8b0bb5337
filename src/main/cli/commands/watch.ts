/**
 * `storeglance watch [--json]`: polls the configured stores like the app (same monitor, same saved
 * figures), runs every outcome through the same alert rules and the same alert file, and prints
 * alerts as they fire, until Ctrl+C or SIGTERM (exit 0). For a shop computer without a desktop.
 */
import type { Account } from '../../../shared/model'
import { createAlertService, openAlertBook, type LoggedAlert } from '../../core/alerts'
import { createDiskSync, watchSettingsFile } from '../../core/diskSync'
import { createMonitor } from '../../core/monitor'
import { systemClock } from '../../core/ports'
import { parseCommand } from '../args'
import { openCore, type CliCore, type CliIo } from '../context'
import { CliFailure, EXIT } from '../exitCodes'
import { untilSignal } from '../signals'
import { helpText } from '../usage'
import { alertJson, alertText, processTimeZone } from './alerts'

const COMMAND = 'watch'

/** The enabled stores, or a failure (exit 64) saying why there are none. */
function enabledAccounts(core: CliCore): Account[] {
  const all = core.accounts.list()
  if (all.length === 0)
    throw new CliFailure(
      EXIT.usage,
      'No stores are set up yet, so there is nothing to watch. Add one with `storeglance accounts add --help`.',
    )
  const enabled = all.filter((a) => a.enabled)
  if (enabled.length === 0) throw new CliFailure(EXIT.usage, `All ${all.length} stores are disabled: enable one in the app first.`)
  return enabled
}

/** Runs `storeglance watch` until SIGINT or SIGTERM; returns 0 once polling has stopped and alerts are saved. */
export async function watchCommand(args: string[], io: CliIo): Promise<number> {
  const { flags } = parseCommand(COMMAND, args, { json: { type: 'boolean' } })
  if (flags.help) {
    io.out(`${helpText(COMMAND)}\n`)
    return EXIT.ok
  }
  const signal = untilSignal()
  const core = await openCore(io)
  const stores = enabledAccounts(core)
  const warn = (m: string) => io.err(`Warning: ${m}\n`)
  const now = () => new Date(systemClock.now())
  const book = await openAlertBook({ dir: core.dir, now, warn })
  const alerts = createAlertService({
    book,
    accounts: () => core.accounts.list(),
    settings: () => core.accounts.settings().alerts,
    localTimeZone: processTimeZone,
    now,
    onWarning: warn,
  })
  const print = (list: LoggedAlert[]) => io.out(list.map((a) => `${flags.json ? alertJson(a) : alertText(a)}\n`).join(''))
  alerts.events.on('alerts', print)
  const monitor = createMonitor({ ...core, clock: systemClock, onWarning: warn })
  monitor.events.on('outcome', (o) => void alerts.handle(o))
  await monitor.start()
  monitor.refresh()
  // Follows what the app (or another command) changes in settings.json: stores added, removed or
  // disabled, and the alert settings. The process that removed a store deletes its files.
  const sync = createDiskSync({ accounts: core.accounts, forget: (id) => monitor.forget(id), removeFiles: async () => undefined })
  const stopFollowing = watchSettingsFile(core.dir, () => {
    sync
      .syncNow()
      .then((diff) => (diff.changed ? monitor.accountsChanged() : undefined))
      .catch((err: unknown) => warn(`Changes made to the settings by another program could not be read: ${(err as Error).message}`))
  })
  io.err(`Watching ${stores.length} store${stores.length === 1 ? '' : 's'}; alerts are printed as they fire. Stop with Ctrl+C.\n`)
  const got = await signal
  stopFollowing()
  await monitor.stop()
  await alerts.settled()
  io.err(`Stopped watching (${got}).\n`)
  return EXIT.ok
}
