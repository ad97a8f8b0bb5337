// `npm run icons`: renders every icon the app and its installers use from the SVG sources in
// resources/icons/src (sharp for PNG, png2icons for ICO and ICNS). The results are committed, so a
// build never needs this script; run it after changing a source.
//
//   resources/icons/tray-<state>.png, @2x       the tray (Linux, Windows), 16 px and 32 px
//   resources/icons/tray-<state>Template.png, @2x   the macOS menu bar (black + alpha)
//   resources/icons/app.png                      the window icon (Linux), 512 px
//   build/icons/<n>x<n>.png                      the Linux packages' icon set
//   build/icon.png, build/icon.ico, build/icon.icns   electron-builder's app icons
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import sharp from 'sharp'
import png2icons from 'png2icons'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
const SRC = join(ROOT, 'resources/icons/src')
const OUT = join(ROOT, 'resources/icons')
const BUILD = join(ROOT, 'build')

/** The tray states (the tray adapter loads exactly these names). */
export const TRAY_STATES = ['ok', 'attention', 'stale', 'offline', 'error', 'paused']
/** Sizes of the Linux icon set. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]

/** Renders an SVG file to a square PNG of `size` pixels. */
async function render(svgFile, size) {
  const svg = await readFile(svgFile)
  // Rasterise the vector at the target size itself (density relative to its own width), so every
  // size is drawn sharp rather than scaled from another bitmap.
  const { width = size } = await sharp(svg).metadata()
  return sharp(svg, { density: (72 * size) / width })
    .resize(size, size, { fit: 'contain', background: { r: 0, g: 0, b: 0, alpha: 0 } })
    .png({ compressionLevel: 9 })
    .toBuffer()
}

async function write(file, data) {
  await mkdir(dirname(file), { recursive: true })
  await writeFile(file, data)
  console.log(`  ${file.slice(ROOT.length + 1)}`)
}

async function main() {
  for (const state of TRAY_STATES) {
    for (const variant of [`tray-${state}`, `tray-${state}Template`]) {
      const svg = join(SRC, `${variant}.svg`)
      await write(join(OUT, `${variant}.png`), await render(svg, 16))
      await write(join(OUT, `${variant}@2x.png`), await render(svg, 32))
    }
  }
  const app = join(SRC, 'app.svg')
  await write(join(OUT, 'app.png'), await render(app, 512))
  for (const size of LINUX_SIZES) await write(join(BUILD, 'icons', `${size}x${size}.png`), await render(app, size))
  const big = await render(app, 1024)
  await write(join(BUILD, 'icon.png'), big)
  const ico = png2icons.createICO(big, png2icons.BICUBIC2, 0, false, true)
  const icns = png2icons.createICNS(big, png2icons.BICUBIC2, 0)
  if (!ico || !icns) throw new Error('png2icons could not convert the app icon')
  await write(join(BUILD, 'icon.ico'), ico)
  await write(join(BUILD, 'icon.icns'), icns)
}

main().catch((err) => {
  console.error(`npm run icons failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
