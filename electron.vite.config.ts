import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'
import { chmodSync, existsSync } from 'node:fs'
import { contentSecurityPolicy, DEV_SERVER_PORT } from './scripts/csp'

/** Writes the Content-Security-Policy (scripts/csp.ts) into the renderer's index.html. */
function cspPlugin(): Plugin {
  let dev = false
  let port = DEV_SERVER_PORT
  return {
    name: 'storeglance-csp',
    configResolved(config) {
      dev = config.command === 'serve'
      port = config.server.port ?? DEV_SERVER_PORT
    },
    transformIndexHtml(html) {
      return html.replace('__STOREGLANCE_CSP__', contentSecurityPolicy(dev, port))
    },
  }
}

/** Makes out/main/cli.js executable, so `npx storeglance` (the package's bin) runs it directly. */
function executableCli(): Plugin {
  return {
    name: 'storeglance-executable-cli',
    writeBundle(options) {
      const cli = resolve(options.dir ?? 'out/main', 'cli.js')
      if (existsSync(cli)) chmodSync(cli, 0o755)
    },
  }
}

export default defineConfig({
  main: {
    plugins: [executableCli()],
    build: {
      // keytar is an optional dependency (see package.json): it stays external, loaded at run time
      // from node_modules or not at all, never bundled with its native file.
      externalizeDeps: { include: ['keytar'] },
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          cli: resolve(__dirname, 'src/main/cli.ts'),
          parseWorker: resolve(__dirname, 'src/main/core/api/parseWorker.ts'),
        },
        output: {
          banner: (chunk) => (chunk.name === 'cli' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: true,
      rolldownOptions: { output: { format: 'cjs' } },
    },
  },
  renderer: {
    resolve: { alias: { '@renderer': resolve(__dirname, 'src/renderer/src'), '@shared': resolve(__dirname, 'src/shared') } },
    plugins: [vue(), cspPlugin()],
    // A fixed port, so the dev CSP can name the one websocket hot reload uses.
    server: { port: DEV_SERVER_PORT, strictPort: true },
  },
})
