/**
 * The demo server in a child process of its own (bundled to plain JS by the test, run with `fork`),
 * so the time it spends building hostile bodies (some are tens of megabytes) never counts against
 * the test process's event loop. Takes `{ stores, seed, now }` on argv[2] as JSON, answers with
 * `{ url, stores }` once listening, then obeys messages: `{ now }` moves its clock, `{ fault }` sets
 * a store's fault, `{ close }` stops it.
 */
import { startDemoServer, type DemoFault } from '../../src/main/core/demo'

type Message = { now: number } | { accountId: string; fault: DemoFault | null; ack: number } | { close: true }

const opts = JSON.parse(process.argv[2]!) as { stores: number; seed: number; now: number }
let now = opts.now
void startDemoServer({ stores: opts.stores, seed: opts.seed, now: () => new Date(now) }).then((server) => {
  process.on('message', (m: Message) => {
    if ('now' in m) now = m.now
    else if ('fault' in m) {
      server.setFault(m.accountId, m.fault)
      process.send!({ ack: m.ack })
    } else void server.close().then(() => process.exit(0))
  })
  process.send!({ url: server.url, stores: server.stores })
})
