/**
 * The help of every command. The first line of each text is its usage line, printed after every
 * usage error of that command. The option lines, with their ranges and defaults, come from the
 * same tables the parser reads (options.ts).
 */
import { ADD_OPTIONS, DEMO_SERVER_OPTIONS, FETCH_OPTIONS, optionLines, SNAPSHOT_OPTIONS } from './options'

const FETCH = `Usage: storeglance fetch --endpoint URL --user-id ID --account-id ID [--format xml|json] [--top N] [--days N] [--last-transactions N] [--last-customers N] [--timeout-ms N] [--json]

One dashboard request for one store; nothing is saved.
The API key comes from the environment variable STOREGLANCE_API_KEY, else from the keychain entry of
the configured store with the same endpoint, user id and account id. It is never taken from a flag.

${optionLines(FETCH_OPTIONS)}`

const ACCOUNTS = `Usage: storeglance accounts list|add|remove|test [options]

  accounts list [--json]                       the configured stores (never their keys)
  accounts add --label L --endpoint URL --user-id ID --account-id ID [options]
                                               tests the key against the server, then saves the store
  accounts remove ID|LABEL                     removes a store, its key and its saved figures
  accounts test ID|LABEL                       one request with the stored key

Run storeglance accounts add --help for the options of add.`

const ACCOUNTS_LIST = `Usage: storeglance accounts list [--json]

Lists the configured stores and whether the keychain holds a key for each. Keys are never shown.`

const ACCOUNTS_ADD = `Usage: storeglance accounts add --label L --endpoint URL --user-id ID --account-id ID [--time-zone TZ] [--colour C] [--format xml|json] [--limited-permissions]

Adds a store. The API key is read from standard input when it is piped
(e.g. printf '%s' "$KEY" | storeglance accounts add ...), else asked for without echo.
The key is tested against the server before anything is saved, then kept in the system keychain.

${optionLines(ADD_OPTIONS)}`

const ACCOUNTS_REMOVE = `Usage: storeglance accounts remove ID|LABEL

Removes the store, its key from the keychain and its saved figures.`

const ACCOUNTS_TEST = `Usage: storeglance accounts test ID|LABEL

Fetches the store's dashboard once with its stored key and says whether it worked. Nothing is saved.`

const SNAPSHOT = `Usage: storeglance snapshot [--json | --csv] [--offline] [--timeout-ms N]

Fetches every enabled store (saving the figures, as the app does) and prints the stores side by side.

${optionLines(SNAPSHOT_OPTIONS)}

Exit 0 when every store answered, 1 when some failed (the table still prints).`

const DEMO_SERVER = `Usage: storeglance demo-server [--host H] [--port N] [--stores N] [--seed N] [--latency-ms N] [--now ISO] [--json]

Starts the demo server (simulated stores over real HTTP, on this computer only) and prints its URL
and each store's label, user id, account id and key. Runs until Ctrl+C (SIGINT) or SIGTERM.

${optionLines(DEMO_SERVER_OPTIONS)}`

const ALERTS = `Usage: storeglance alerts replay|history [options]

  alerts replay FILE [--json]                  runs the alert rules over a recorded scenario
  alerts history [--json] [--since ISO]        the app's alert log

Run storeglance alerts replay --help for the scenario format.`

const ALERTS_REPLAY = `Usage: storeglance alerts replay FILE [--json]

Runs the alert rules over a recorded scenario (JSON lines) and prints the alerts they raise, one per
line: "what would have fired last week?". Nothing is saved and no notification is shown.
The file is checked whole first: a malformed line, or one out of time order, exits 64 naming its
line number, and then no alert is printed. Quiet hours use this computer's zone (the TZ variable).

  optional first line   {"accounts": [{"id", "label", "timeZone", "notify", "openingHours", "monthlyTarget"}], "alerts": {...}}
  then, in time order   {"at": ISO, "store": ID, "snapshot": {...}}   a successful poll
                        {"at": ISO, "store": ID, "error": {"kind": KIND, "message": "..."}}   a failed poll
                        {"at": ISO, "mute": {"until": ISO}}   {"at": ISO, "unmute": true}

  --json                one JSON object per alert: at, store (the scenario's store id), kind, urgent,
                        title, body, delivered, and suppressedBy when not delivered`

const ALERTS_HISTORY = `Usage: storeglance alerts history [--json] [--since ISO]

Prints the alert log kept by the app and by \`storeglance watch\` (the last 90 days, at most 1,000
alerts), oldest first, one alert per line in the shape of \`alerts replay\`.

  --since ISO               only alerts at or after this date or instant (e.g. 2025-03-01)
  --json                    one JSON object per alert: at, store (the store's id), kind, urgent, title,
                            body, delivered, and suppressedBy when not delivered`

const WATCH = `Usage: storeglance watch [--json]

Polls the configured stores like the app (same intervals, same saved figures), runs the same alert
rules and prints each alert as it fires, until Ctrl+C (SIGINT) or SIGTERM, then exits 0. Alerts are
kept in the same log as the app's (\`storeglance alerts history\`).

  --json                    one JSON object per alert, as \`alerts replay --json\``

const MAIN = `Usage: storeglance <command> [options]

Commands:
  fetch          one dashboard request for one store, nothing saved
  accounts       list, add, remove or test the configured stores
  snapshot       fetch every store and print them side by side (or --offline)
  demo-server    run the demo server with simulated stores
  alerts         replay the alert rules over a scenario, or print the alert log
  watch          poll the stores and print alerts as they fire

Options: --help, --version, --debug (stack traces on errors; a log in <data folder>/logs/cli.log).
Run storeglance <command> --help for details.
Exit codes: 0 ok, 1 some stores failed, 2 server error, 3 request failed, 4 no keychain or key, 64 bad usage.`

const HELP: Record<string, string> = {
  '': MAIN,
  fetch: FETCH,
  accounts: ACCOUNTS,
  'accounts list': ACCOUNTS_LIST,
  'accounts add': ACCOUNTS_ADD,
  'accounts remove': ACCOUNTS_REMOVE,
  'accounts test': ACCOUNTS_TEST,
  snapshot: SNAPSHOT,
  'demo-server': DEMO_SERVER,
  alerts: ALERTS,
  'alerts replay': ALERTS_REPLAY,
  'alerts history': ALERTS_HISTORY,
  watch: WATCH,
}

/** The full help of `command` ('' for the top level). */
export function helpText(command: string): string {
  return HELP[command] ?? MAIN
}

/** The usage line of `command`, printed after a usage error. */
export function usageLine(command: string): string {
  return helpText(command).split('\n')[0]!
}
