/**
 * The packaging configuration, read as data with the YAML parser electron-builder itself uses
 * (an installer cannot be built here: the Electron distribution cannot be downloaded).
 */
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DOWNLOAD_SENTENCE, explainDistFailure } from '../../scripts/distFailure.mjs'

const ROOT = resolve(__dirname, '../..')
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'))
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown }
type Target = string | { target: string; arch?: string[] }
interface BuilderConfig {
  appId: string
  productName: string
  asar: boolean
  asarUnpack: string[]
  files: string[]
  electronFuses: Record<string, boolean>
  linux: { target: Target[]; category: string; icon: string }
  deb: { depends: string[]; recommends: string[] }
  mac: {
    target: Target[]
    hardenedRuntime: boolean
    entitlements: string
    entitlementsInherit: string
    notarize: boolean
    icon: string
    category: string
  }
  win: { target: Target[]; icon: string }
}
const config = yaml.load(readFileSync(resolve(ROOT, 'electron-builder.yml'), 'utf8')) as BuilderConfig
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string>>
const targetNames = (targets: Target[]) => targets.map((t) => (typeof t === 'string' ? t : t.target))

describe('the packaging configuration', () => {
  it('names the app and builds AppImage+deb, a universal dmg and nsis', () => {
    expect(config.appId).toBe('app.storeglance.desktop')
    expect(config.productName).toBe('Storeglance')
    expect(targetNames(config.linux.target)).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }])
    expect(targetNames(config.win.target)).toEqual(['nsis'])
    expect(config.linux.category).toBe('Office')
    expect(config.mac.category).toBe('public.app-category.business')
  })

  it('flips every security fuse', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      grantFileProtocolExtraPrivileges: false,
      resetAdHocDarwinSignature: true,
    })
  })

  it("keeps electron-builder's deb dependencies and only recommends a Secret Service", () => {
    // The list electron-builder uses when `depends` is not set; setting it replaces that list.
    const defaults = [
      'libgtk-3-0',
      'libnotify4',
      'libnss3',
      'libxss1',
      'libxtst6',
      'xdg-utils',
      'libatspi2.0-0',
      'libuuid1',
      'libsecret-1-0',
    ]
    expect(config.deb.depends).toEqual(expect.arrayContaining(defaults))
    expect(config.deb.depends.join(' ')).not.toMatch(/gnome-keyring|kwallet/)
    expect(config.deb.recommends).toEqual(['gnome-keyring | kwalletmanager'])
  })

  it('packs the app into asar and unpacks only keytar’s native module', () => {
    expect(config.asar).toBe(true)
    expect(config.asarUnpack).toEqual(['**/node_modules/keytar/build/Release/*.node'])
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'resources/icons/**', 'package.json']))
  })

  it('signs macOS with the hardened runtime, an entitlements file without needless exceptions, and notarises from the environment', () => {
    expect(config.mac.hardenedRuntime).toBe(true)
    expect(config.mac.notarize).toBe(true)
    const plist = readFileSync(resolve(ROOT, config.mac.entitlements), 'utf8')
    expect(config.mac.entitlementsInherit).toBe(config.mac.entitlements)
    expect(plist).toContain('com.apple.security.cs.allow-jit')
    expect(plist).not.toMatch(/disable-library-validation|allow-dyld-environment-variables|device\.camera|device\.audio-input/)
  })

  it('points at icons that exist', () => {
    for (const icon of [config.mac.icon, config.win.icon]) expect(existsSync(resolve(ROOT, icon)), icon).toBe(true)
    for (const size of [16, 32, 48, 64, 128, 256, 512])
      expect(existsSync(resolve(ROOT, config.linux.icon, `${size}x${size}.png`)), `${size}`).toBe(true)
  })

  it('pins electron-builder and a current Electron, and has npm run dist', () => {
    expect(pkg['devDependencies']!['electron-builder']).toMatch(/^\d+\.\d+\.\d+$/)
    // A supported Electron major (the latest three are supported); bump this floor with each upgrade.
    const electron = pkg['devDependencies']!['electron']!
    expect(electron).toMatch(/^\d+\.\d+\.\d+$/)
    expect(Number(electron.split('.')[0])).toBeGreaterThanOrEqual(45)
    expect(pkg['scripts']!['dist']).toBe('node scripts/dist.mjs')
  })

  it('`npm run dist` explains an unreachable Electron download in one sentence', () => {
    expect(explainDistFailure('  ⨯ getaddrinfo ENOTFOUND github.com  failedTask=build')).toBe(DOWNLOAD_SENTENCE)
    expect(explainDistFailure('RequestError: connect ETIMEDOUT 140.82.121.4:443')).toBe(DOWNLOAD_SENTENCE)
    expect(explainDistFailure('⨯ Cannot find module app-builder-bin')).toMatch(/electron-builder failed \(see the error above\)/)
    expect(DOWNLOAD_SENTENCE.split('. ').length).toBe(1)
  })
})
