/**
 * Starts the demo server in a child process (see demoServerChild.ts) and drives it: its clock
 * follows a fake clock, and each fault change is acknowledged before the next request can see it.
 */
import { fork, type ChildProcess } from 'node:child_process'
import type { DemoFault, DemoStore } from '../../src/main/core/demo'
import { bundleForNode } from './bundle'

export interface RemoteDemoServer {
  url: string
  stores: DemoStore[]
  /** Sets (null: clears) a store's fault; resolves once the server applies it. */
  setFault(accountId: string, fault: DemoFault | null): Promise<void>
  /** Moves the server's clock (the simulated stores' "now"). */
  setNow(ms: number): void
  close(): Promise<void>
}

/** Bundles and forks the demo server child; resolves when it listens. */
export async function startRemoteDemoServer(o: { stores: number; seed: number; now: number }): Promise<RemoteDemoServer> {
  const bundle = await bundleForNode('test/helpers/demoServerChild.ts', 'demoServerChild.cjs')
  const child: ChildProcess = fork(bundle.file, [JSON.stringify(o)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const acks = new Map<number, () => void>()
  let seq = 0
  const ready = await new Promise<{ url: string; stores: DemoStore[] }>((resolve, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => reject(new Error(`the demo server child exited (${code})`)))
    child.on('message', (m: { url?: string; stores?: DemoStore[]; ack?: number }) => {
      if (m.ack !== undefined) acks.get(m.ack)?.()
      else if (m.url) resolve({ url: m.url, stores: m.stores! })
    })
  })
  child.removeAllListeners('exit')
  return {
    ...ready,
    setFault: (accountId, fault) =>
      new Promise<void>((resolve) => {
        const ack = ++seq
        acks.set(ack, () => {
          acks.delete(ack)
          resolve()
        })
        child.send({ accountId, fault, ack })
      }),
    setNow: (ms) => void child.send({ now: ms }),
    async close() {
      const exited = new Promise((r) => child.once('exit', r))
      child.send({ close: true })
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
      if (child.exitCode === null) child.kill('SIGKILL')
      await bundle.cleanup()
    },
  }
}
