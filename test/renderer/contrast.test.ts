/**
 * WCAG AA contrast of the window's colours in both themes, computed from main.css itself: every
 * text colour against every background it is drawn on must reach 4.5:1 (normal-size text).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { STORE_COLOURS } from '../../src/shared/model'

const css = readFileSync(join(__dirname, '../../src/renderer/src/assets/main.css'), 'utf8')

function varsOf(selector: string): Record<string, string> {
  const start = css.indexOf(`${selector} {`)
  expect(start, selector).toBeGreaterThanOrEqual(0)
  const block = css.slice(start, css.indexOf('}', start))
  return Object.fromEntries([...block.matchAll(/--([a-z-]+):\s*(#[0-9a-f]{6})/gi)].map((m) => [m[1]!, m[2]!.toLowerCase()]))
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4))
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!
}

/** The WCAG contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi! + 0.05) / (lo! + 0.05)
}

const light = varsOf(':root')
const themes = { light, dark: { ...light, ...varsOf(":root[data-theme='dark']") } }

describe('contrast (WCAG AA, 4.5:1)', () => {
  for (const [name, v] of Object.entries(themes)) {
    it(`every text colour on every background, ${name} theme`, () => {
      const failures: string[] = []
      for (const fg of ['text', 'muted', 'accent', 'up', 'down', 'warn']) {
        for (const bg of ['bg', 'panel']) {
          const ratio = contrast(v[fg]!, v[bg]!)
          if (ratio < 4.5) failures.push(`${fg} on ${bg}: ${ratio.toFixed(2)}`)
        }
      }
      expect(contrast('#ffffff', v['accent-bg']!)).toBeGreaterThanOrEqual(4.5)
      // The error banner, on its own background and in the theme's colours.
      const errorText = contrast(v['error-text']!, v['error-bg']!)
      if (!(errorText >= 4.5)) failures.push(`error-text on error-bg: ${errorText.toFixed(2)}`)
      expect(failures).toEqual([])
    })
  }

  it("every store colour stands out (3:1, graphics) on both themes' backgrounds", () => {
    const failures: string[] = []
    for (const [name, v] of Object.entries(themes)) {
      for (const colour of STORE_COLOURS) {
        for (const bg of ['bg', 'panel']) {
          const ratio = contrast(colour, v[bg]!)
          if (ratio < 3) failures.push(`${colour} on ${name} ${bg}: ${ratio.toFixed(2)}`)
        }
      }
    }
    expect(failures).toEqual([])
  })

  it('fixed colours: badges, banners, the alert count', () => {
    expect(contrast('#713f12', '#fde68a')).toBeGreaterThanOrEqual(4.5) // demo badge
    expect(contrast('#ffffff', '#b91c1c')).toBeGreaterThanOrEqual(4.5) // alert count
  })
})

/** Every .vue file under a folder, as text. */
function vueFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return vueFiles(path)
    return name.endsWith('.vue') ? [readFileSync(path, 'utf8')] : []
  })
}

describe('colour variables', () => {
  it('the error banner takes its colours from the theme', () => {
    const start = css.indexOf('.banner.error {')
    const block = css.slice(start, css.indexOf('}', start))
    expect(block).toContain('var(--error-bg)')
    expect(block).toContain('var(--error-text)')
  })

  it('every var(--name) the window uses is defined in the theme (no fallback colour stands in for the dark theme)', () => {
    const defined = new Set([...css.matchAll(/(--[a-z-]+):/gi)].map((m) => m[1]!))
    const texts = [css, ...vueFiles(join(__dirname, '../../src/renderer/src'))]
    const used = new Set(texts.flatMap((t) => [...t.matchAll(/var\((--[a-z-]+)/gi)].map((m) => m[1]!)))
    expect(used.size).toBeGreaterThan(5)
    expect([...used].filter((name) => !defined.has(name))).toEqual([])
  })
})
