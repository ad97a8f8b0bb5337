import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy, DEV_SERVER_PORT } from '../../scripts/csp'

describe('the Content-Security-Policy', () => {
  it('in production allows nothing but our own origin, no inline code, no websocket', () => {
    const csp = contentSecurityPolicy(false)
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("connect-src 'self';")
    expect(csp).not.toMatch(/unsafe|ws:|http:|\*/)
  })

  it('in development allows the one hot-reload websocket on localhost, not any ws: host', () => {
    const csp = contentSecurityPolicy(true, 5199)
    const connect = csp.split('; ').find((d) => d.startsWith('connect-src'))
    expect(connect).toBe("connect-src 'self' ws://localhost:5199")
    expect(csp).not.toMatch(/ws:(?!\/\/localhost:5199)/)
    expect(csp).not.toMatch(/script-src[^;]*unsafe/)
    expect(contentSecurityPolicy(true)).toContain(`ws://localhost:${DEV_SERVER_PORT}`)
  })
})
