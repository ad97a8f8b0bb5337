/**
 * The committed icons (rendered by `npm run icons` from resources/icons/src): every path the tray
 * adapter and the installers load exists, at its size, and macOS template images are black + alpha.
 */
import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'

const ROOT = resolve(__dirname, '../..')
const STATES = ['ok', 'attention', 'stale', 'offline', 'error', 'paused']
const icon = (p: string) => resolve(ROOT, 'resources/icons', p)

/** Width, height and raw RGBA pixels of a PNG. */
async function pixels(file: string) {
  const { data, info } = await sharp(file).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

describe('the icons', () => {
  it.each(STATES)('tray state %s: coloured and template PNGs at 16 px and @2x, from an SVG source', async (state) => {
    for (const name of [`tray-${state}`, `tray-${state}Template`]) {
      expect(existsSync(icon(`src/${name}.svg`)), name).toBe(true)
      for (const [suffix, size] of [
        ['', 16],
        ['@2x', 32],
      ] as const) {
        const { width, height, data } = await pixels(icon(`${name}${suffix}.png`))
        expect([width, height], `${name}${suffix}`).toEqual([size, size])
        const opaque = data.filter((_, i) => i % 4 === 3 && data[i]! > 0).length
        expect(opaque, `${name}${suffix} draws something`).toBeGreaterThan(size * 2)
      }
    }
  })

  it('macOS template images are black with alpha only', async () => {
    for (const state of STATES) {
      const { data } = await pixels(icon(`tray-${state}Template@2x.png`))
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3]! > 0) expect(Math.max(data[i]!, data[i + 1]!, data[i + 2]!), state).toBeLessThan(16)
      }
    }
  })

  it('each state looks different from the others', async () => {
    const seen = new Set<string>()
    for (const state of STATES) seen.add((await pixels(icon(`tray-${state}@2x.png`))).data.toString('base64'))
    expect(seen.size).toBe(STATES.length)
  })

  it('on macOS each state has its own shape (a template image shows only its alpha)', async () => {
    const shapes = new Set<string>()
    for (const state of STATES) {
      for (const suffix of ['', '@2x']) {
        const { data } = await pixels(icon(`tray-${state}Template${suffix}.png`))
        shapes.add(suffix + Buffer.from(data.filter((_, i) => i % 4 === 3)).toString('base64'))
      }
    }
    expect(shapes.size).toBe(STATES.length * 2)
  })

  it('the app icon exists as PNG set, ICO and ICNS', async () => {
    expect((await pixels(icon('app.png'))).width).toBe(512)
    expect((await pixels(resolve(ROOT, 'build/icons/256x256.png'))).width).toBe(256)
    const ico = readFileSync(resolve(ROOT, 'build/icon.ico'))
    expect([...ico.subarray(0, 4)]).toEqual([0, 0, 1, 0])
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(5)
    expect(readFileSync(resolve(ROOT, 'build/icon.icns')).subarray(0, 4).toString('latin1')).toBe('icns')
  })
})
