import { defineConfig } from 'electron-vite'
import type { Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'
import { chmodSync, existsSync } from 'node:fs'

/**
 * The renderer's Content-Security-Policy. Production is strict (no inline script or style);
 * the dev server needs inline styles and a websocket for hot reload, and gets only those.
 */
function csp(dev: boolean): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? "connect-src 'self' ws:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ')
}

function cspPlugin(): Plugin {
  let dev = false
  return {
    name: 'storeglance-csp',
    configResolved(config) {
      dev = config.command === 'serve'
    },
    transformIndexHtml(html) {
      return html.replace('__STOREGLANCE_CSP__', csp(dev))
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
      externalizeDeps: true,
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
  },
})
