/**
 * The production build (the test command builds before the unit tests): the files the app and the
 * CLI run from exist, the preload is CommonJS, and the renderer's HTML carries the CSP.
 */
import { describe, expect, it } from 'vitest'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { resolve } from 'node:path'

const out = (p: string) => resolve(__dirname, '../../out', p)
const built = existsSync(out('renderer/index.html'))

describe('the production build', () => {
  it('exists (run `npm run build` before the unit tests)', () => {
    expect(built).toBe(true)
  })

  it('writes main, CLI, parse worker, preload and renderer', () => {
    for (const f of ['main/index.js', 'main/cli.js', 'main/parseWorker.js', 'preload/index.js', 'renderer/index.html']) {
      expect(existsSync(out(f)), f).toBe(true)
    }
  })

  it('makes the CLI executable with a node shebang (the package bin)', () => {
    expect(statSync(out('main/cli.js')).mode & 0o111).not.toBe(0)
    expect(readFileSync(out('main/cli.js'), 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  it('bundles the preload as CommonJS (a sandboxed preload cannot be an ES module)', () => {
    const preload = readFileSync(out('preload/index.js'), 'utf8')
    expect(preload).toMatch(/require\("electron"\)/)
    expect(preload).not.toMatch(/^\s*(import|export)\s/m)
  })

  it('gives the renderer a strict Content-Security-Policy', () => {
    const html = readFileSync(out('renderer/index.html'), 'utf8')
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(html).not.toMatch(/<script>(?!\s*<\/script>)/)
  })

  it('keeps electron out of everything but the app entry (the CLI and worker share its chunks)', () => {
    const files = ['main/cli.js', 'main/parseWorker.js', ...readdirSync(out('main/chunks')).map((f) => `main/chunks/${f}`)]
    for (const f of files) expect(readFileSync(out(f), 'utf8'), f).not.toMatch(/require\("electron"\)/)
  })

  it('compiles development off in the production main process (no dev URL, no DevTools)', () => {
    const main = readFileSync(out('main/index.js'), 'utf8')
    expect(main).toMatch(/function isDevelopmentBuild\(\) \{\s*return false;\s*\}/)
    expect(main).toContain('app://storeglance')
    // The dev URL depends on the build, never on whether the app happens to be packaged.
    const rendererUrl = /function rendererUrl\(\) \{[\s\S]*?\n\}/.exec(main)?.[0] ?? ''
    expect(rendererUrl).toContain('if (isDevelopmentBuild())')
    expect(rendererUrl).not.toMatch(/isPackaged/)
  })

  it('leaves keytar (an optional dependency) external: loaded from node_modules at run time, never bundled', () => {
    const files = readdirSync(out('main/chunks')).map((f) => `main/chunks/${f}`)
    expect(files.filter((f) => f.endsWith('.node'))).toEqual([])
    const all = files.map((f) => readFileSync(out(f), 'utf8')).join('\n')
    expect(all).toMatch(/import\("keytar"\)|require\("keytar"\)/)
  })
})
