/**
 * The renderer is served from our own privileged scheme, `app://storeglance/`, never from file://:
 * a file:// page shares its origin with every other local file and can read them. The handler
 * serves only regular files inside the built renderer folder (no `..`, no symlink leading out,
 * checked on the real path), with the right MIME type; everything else is a 404.
 */
import { protocol } from 'electron'
import { readFile, realpath, stat } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'

/** The scheme of the app's own pages. */
export const APP_SCHEME = 'app'
/** The host of the app's own pages. */
export const APP_HOST = 'storeglance'
/** The origin every page of the app has (and the IPC sender check compares against). */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`
/** The renderer's entry page. */
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`

/** Files larger than this are not served (the built renderer's largest chunk is far below). */
const MAX_FILE_BYTES = 20 * 1024 * 1024

/** MIME types of what the renderer build produces; anything else is served as opaque bytes. */
export const MIME_TYPES: Readonly<Record<string, string>> = Object.freeze({
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
})

/** The MIME type for a file name. */
export function mimeTypeOf(path: string): string {
  return MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Registers the scheme as standard and secure (a real origin: module scripts, fetch, storage).
 * Must run before the app is ready.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ])
}

/** True when `child` is `root` itself or lies inside it. */
function isInside(root: string, child: string): boolean {
  const rel = relative(root, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel) && !rel.split(sep).includes('..'))
}

/**
 * The file on disk an app:// URL names, or null when it is not ours to serve: another host, a
 * `..` segment (raw or percent-encoded), a backslash or NUL, or a path outside `root`. The path
 * is not yet checked on disk (see `resolveRendererFile`).
 */
export function rendererPathFor(root: string, url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(parsed.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null
  const segments = pathname.split('/').filter((s) => s !== '')
  if (segments.some((s) => s === '..' || s === '.')) return null
  const file = resolve(root, ...(segments.length ? segments : ['index.html']))
  return isInside(resolve(root), file) ? file : null
}

/**
 * The real path of the file an app:// URL names, or null: it must exist, be a regular file of a
 * bounded size, and its real path (symlinks resolved) must still lie inside the real `root`.
 */
export async function resolveRendererFile(root: string, url: string): Promise<string | null> {
  const candidate = rendererPathFor(root, url)
  if (!candidate) return null
  try {
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(candidate)])
    if (!isInside(realRoot, realFile)) return null
    const info = await stat(realFile)
    return info.isFile() && info.size <= MAX_FILE_BYTES ? realFile : null
  } catch {
    return null
  }
}

/** Answers one request for an app:// URL from `root`. */
export async function serveRendererRequest(root: string, request: Pick<Request, 'url' | 'method'>): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Method not allowed', { status: 405 })
  const file = await resolveRendererFile(root, request.url)
  if (!file) return new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } })
  const body = request.method === 'HEAD' ? null : await readFile(file)
  return new Response(body, {
    status: 200,
    headers: { 'content-type': mimeTypeOf(file), 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' },
  })
}

/** Serves `root` (the built renderer folder) on app://storeglance/. Call once the app is ready. */
export function serveRenderer(root: string): void {
  protocol.handle(APP_SCHEME, (request) => serveRendererRequest(root, request).catch(() => new Response('Not found', { status: 404 })))
}
