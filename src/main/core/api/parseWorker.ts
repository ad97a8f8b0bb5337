/**
 * Worker-thread entry: parses dashboard bodies off the main thread (a 2 MB XML body takes a few
 * hundred milliseconds, which would freeze the app's main process). Built to out/main/parseWorker.js.
 */
import { parentPort } from 'node:worker_threads'
import { replyTo } from './workerReply'
import type { WorkerRequest } from './offThread'

parentPort?.on('message', (req: WorkerRequest) => parentPort!.postMessage(replyTo(req)))
