/**
 * The renderer's Content-Security-Policy, written into index.html at build time. Production is
 * strict (no inline script or style, nothing but our own origin); the dev server needs inline
 * styles and one websocket for hot reload, `ws://localhost:<port>`, and gets only those.
 */

/** The dev server's fixed port (strict: if it is taken, the dev server stops rather than move). */
export const DEV_SERVER_PORT = 5173

/** The policy for a production build, or for the dev server on `port`. */
export function contentSecurityPolicy(dev: boolean, port: number = DEV_SERVER_PORT): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    dev ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    dev ? `connect-src 'self' ws://localhost:${port}` : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-src 'none'",
    "worker-src 'none'",
  ].join('; ')
}
