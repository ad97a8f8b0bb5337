/**
 * Component tests against the real core: window.storeglance is the product's createApi over the
 * real dispatcher and app core (settings in a temp dir, keys in memory, no polling of a server).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApi } from '../../src/shared/api'
import { createAppCore, type AppCore } from '../../src/main/core/app'
import { createDispatcher } from '../../src/main/core/ipcDispatch'
import { MemorySecretStore } from '../../src/main/core/accounts/keychain'
import type { IpcResult } from '../../src/shared/ipc'
import type { Transport } from '../../src/main/core/ports'
import { request as httpRequest } from 'node:http'

/**
 * Node's own HTTP client as the transport: happy-dom replaces the global fetch with a browser one
 * (with CORS), which is not what main uses. The answer is read whole, then handed over as one chunk.
 */
const nodeTransport: Transport = (url, init) =>
  new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: init.method, headers: init.headers, signal: init.signal }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('error', reject)
      res.on('end', () => {
        let sent = false
        const bytes = new Uint8Array(Buffer.concat(chunks))
        const header = (n: string) => {
          const v = res.headers[n.toLowerCase()]
          return v === undefined ? null : String(v)
        }
        const reader = {
          read: async () => (sent ? { done: true, value: undefined } : ((sent = true), { done: false, value: bytes })),
          cancel: async () => {},
        }
        resolve({
          status: res.statusCode ?? 0,
          headers: { get: header },
          body: { getReader: () => reader, cancel: async () => {} },
        } as unknown as Response)
      })
    })
    req.on('error', reject)
    req.end(init.body)
  })

export interface CoreBridge {
  core: AppCore
  dir: string
  close(): Promise<void>
}

/** Starts a core in demo mode (its demo server on loopback) and installs window.storeglance. */
export async function installCoreBridge(stores = 3): Promise<CoreBridge> {
  const dir = await mkdtemp(join(tmpdir(), 'sg-renderer-'))
  const core = createAppCore({
    userDataDir: dir,
    version: '0.0.0-test',
    demo: 'on',
    demoOptions: { stores, seed: 2 },
    secrets: new MemorySecretStore(),
    transport: nodeTransport,
    monitor: { spreadMs: () => 0 },
  })
  await core.start()
  const dispatch = createDispatcher(core.handlers)
  const api = createApi(
    (channel, request) => dispatch(channel, request) as Promise<IpcResult<never>>,
    (channel, listener) => core.events.on(channel, listener as never),
  )
  ;(window as unknown as { storeglance: typeof api }).storeglance = api
  return {
    core,
    dir,
    async close() {
      await core.stop()
      // A save the component started just before the test ended may still be renaming its file.
      await rm(dir, { recursive: true, force: true, maxRetries: 5 })
    },
  }
}
