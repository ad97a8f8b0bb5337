/**
 * The app:// protocol handler against real files in a temp folder: it serves the renderer folder
 * and nothing outside it (.., encoded .., symlinks out, other hosts), with the right MIME types.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({
  schemes: [] as unknown[],
  handlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
}))
vi.mock('electron', () => {
  const protocol = {
    registerSchemesAsPrivileged: (schemes: import('electron').CustomScheme[]) => {
      state.schemes.push(...schemes)
    },
    handle: (scheme: string, handler: (request: Request) => Promise<Response> | Response) => {
      state.handlers.set(scheme, handler)
    },
  } satisfies Partial<(typeof import('electron'))['protocol']>
  return { protocol }
})

const { APP_ORIGIN, APP_INDEX_URL, registerAppScheme, serveRenderer, serveRendererRequest, rendererPathFor, mimeTypeOf } =
  await import('../../../src/main/electron/protocol')

let base: string
let root: string
const get = (url: string, method = 'GET') => serveRendererRequest(root, { url, method })

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'storeglance-protocol-'))
  root = join(base, 'renderer')
  await mkdir(join(root, 'assets'), { recursive: true })
  await writeFile(join(root, 'index.html'), '<!doctype html><title>ok</title>')
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)')
  await writeFile(join(root, 'assets', 'app.css'), 'body{}')
  await writeFile(join(root, 'assets', 'logo.svg'), '<svg/>')
  await writeFile(join(base, 'secret.txt'), 'SECRET')
  await symlink(join(base, 'secret.txt'), join(root, 'assets', 'link-out.txt'))
  await symlink(base, join(root, 'dir-out'))
  await writeFile(join(root, 'assets', 'inside.txt'), 'inside')
  await symlink(join(root, 'assets', 'inside.txt'), join(root, 'link-in.txt'))
})
afterAll(async () => {
  await rm(base, { recursive: true, force: true })
})

describe('the app:// protocol', () => {
  it('registers app as a standard, secure scheme and serves through protocol.handle', async () => {
    registerAppScheme()
    expect(state.schemes).toEqual([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }])
    expect(APP_ORIGIN).toBe('app://storeglance')
    serveRenderer(root)
    const response = await state.handlers.get('app')!(new Request(APP_INDEX_URL))
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>ok</title>')
  })

  it('serves the renderer files with their MIME types', async () => {
    const cases: [string, string][] = [
      ['app://storeglance/index.html', 'text/html; charset=utf-8'],
      ['app://storeglance/', 'text/html; charset=utf-8'],
      ['app://storeglance/assets/app.js', 'text/javascript; charset=utf-8'],
      ['app://storeglance/assets/app.css', 'text/css; charset=utf-8'],
      ['app://storeglance/assets/logo.svg', 'image/svg+xml'],
      ['app://storeglance/link-in.txt', 'text/plain; charset=utf-8'],
    ]
    for (const [url, type] of cases) {
      const response = await get(url)
      expect(response.status, url).toBe(200)
      expect(response.headers.get('content-type'), url).toBe(type)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    }
    expect(mimeTypeOf('x.unknown')).toBe('application/octet-stream')
  })

  it('refuses everything outside the renderer folder: .., encoded .., symlinks out, other hosts', async () => {
    const refused = [
      'app://storeglance/../secret.txt',
      'app://storeglance/%2e%2e/secret.txt',
      'app://storeglance/assets/..%2f..%2fsecret.txt',
      'app://storeglance/assets/%2E%2E%2F%2E%2E%2Fsecret.txt',
      'app://storeglance/assets/..%5c..%5csecret.txt',
      'app://storeglance/assets/link-out.txt',
      'app://storeglance/dir-out/secret.txt',
      'app://storeglance/assets',
      'app://storeglance/missing.js',
      'app://storeglance/%00index.html',
      'app://storeglance/%E0%A4%A',
      'app://other/index.html',
      'file:///etc/passwd',
    ]
    for (const url of refused) {
      const response = await get(url)
      expect(response.status, url).toBe(404)
      expect(await response.text(), url).not.toContain('SECRET')
    }
    // The URL parser clamps dot segments at the root: what remains still names a file inside.
    expect(rendererPathFor(root, 'app://storeglance/a/../../secret.txt')).toBe(join(root, 'secret.txt'))
  })

  it('answers only GET and HEAD', async () => {
    expect((await get(APP_INDEX_URL, 'POST')).status).toBe(405)
    const head = await get(APP_INDEX_URL, 'HEAD')
    expect(head.status).toBe(200)
    expect(await head.text()).toBe('')
  })
})
