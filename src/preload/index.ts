/**
 * The preload: exposes `window.storeglance`, the narrow named API of src/shared/api.ts, and nothing
 * else (no ipcRenderer, no generic invoke, no process). Bundled as CommonJS because a sandboxed
 * preload cannot be an ES module.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { createApi, type InvokeFn, type SubscribeFn } from '../shared/api'
import { EVENT_CHANNELS, INVOKE_CHANNELS } from '../shared/ipc'

const invokeChannels: readonly string[] = INVOKE_CHANNELS
const eventChannels: readonly string[] = EVENT_CHANNELS

const invoke: InvokeFn = (channel, request) => {
  if (!invokeChannels.includes(channel)) throw new Error(`Unknown channel ${channel}`)
  return ipcRenderer.invoke(channel, request)
}

const subscribe: SubscribeFn = (channel, listener) => {
  if (!eventChannels.includes(channel)) throw new Error(`Unknown channel ${channel}`)
  // Only the payload reaches the page: the IpcRendererEvent (with its sender) stays here.
  const wrapped = (_event: IpcRendererEvent, payload: unknown) => listener(payload as never)
  ipcRenderer.on(channel, wrapped)
  return () => {
    ipcRenderer.removeListener(channel, wrapped)
  }
}

contextBridge.exposeInMainWorld('storeglance', createApi(invoke, subscribe))
