import { describe, expect, it } from 'vitest'
import {
  ApiError,
  DashboardError,
  HttpError,
  NetworkError,
  ResponseError,
  TimeoutError,
  makeExcerpt,
  redact,
  redactError,
} from '../../../../src/main/core/api/errors'
import { classifyNetworkError } from '../../../../src/main/core/api/networkErrors'

const KEY = '1959caadac9b13dcb3+/='

describe('redact', () => {
  it('removes the key as is, URL-encoded and in any case', () => {
    const text = `a ${KEY} b ${encodeURIComponent(KEY)} c ${KEY.toUpperCase()}`
    const out = redact(text, KEY)
    expect(out).toBe('a [redacted] b [redacted] c [redacted]')
  })

  it('leaves text alone without a key', () => {
    expect(redact('abc', '')).toBe('abc')
    expect(redact('abc', undefined)).toBe('abc')
  })
})

describe('typed errors', () => {
  it('all extend DashboardError with their kind', () => {
    const errors = [
      new ApiError('nope'),
      new HttpError(500),
      new TimeoutError(200),
      new NetworkError('refused', 'ECONNREFUSED'),
      new ResponseError('truncated', '<response>'),
    ]
    expect(errors.every((e) => e instanceof DashboardError && e instanceof Error)).toBe(true)
    expect(errors.map((e) => e.kind)).toEqual(['api', 'http', 'timeout', 'network', 'response'])
    expect(errors.map((e) => e.name)).toEqual(['ApiError', 'HttpError', 'TimeoutError', 'NetworkError', 'ResponseError'])
  })

  it('say what to do in plain words', () => {
    expect(new HttpError(403).message).toMatch(/API key/)
    expect(new HttpError(404).message).toMatch(/endpoint URL/)
    expect(new HttpError(503).message).toMatch(/HTTP 503/)
    expect(new NetworkError('dns').message).toMatch(/could not be found/)
    expect(new NetworkError('refused').message).toMatch(/refused the connection/)
    expect(new NetworkError('reset').message).toMatch(/cut/)
    expect(new TimeoutError(20_000).message).toMatch(/20 s/)
  })

  it('ResponseError keeps a sanitized excerpt of at most 120 characters', () => {
    const body = `\uFEFF<html>\r\n\t<body>${'x'.repeat(500)}\u0000</body>`
    const err = new ResponseError('not-dashboard', body)
    expect(err.excerpt.length).toBeLessThanOrEqual(120)
    expect(err.excerpt.startsWith('<html> <body>xxx')).toBe(true)
    expect(err.excerpt).not.toMatch(/[\u0000-\u001f\uFEFF]/)
    expect(makeExcerpt('short')).toBe('short')
  })

  it('ApiError shortens and cleans the server message', () => {
    const err = new ApiError(`bad\r\nkey ${'!'.repeat(400)}`)
    expect(err.serverMessage.length).toBeLessThanOrEqual(200)
    expect(err.message).not.toMatch(/[\r\n]/)
    expect(new ApiError('  ').message).toMatch(/without a message/)
  })

  it('toJSON carries no stack', () => {
    const json = JSON.stringify(new ResponseError('empty'))
    expect(JSON.parse(json)).toEqual({
      name: 'ResponseError',
      kind: 'response',
      message: 'The server sent an empty answer.',
      problem: 'empty',
      excerpt: '',
    })
  })
})

describe('redactError', () => {
  it('rebuilds an error whose text holds the key', () => {
    const err = redactError(new ApiError(`key ${KEY} is not valid`), KEY)
    expect(err).toBeInstanceOf(ApiError)
    for (const text of [err.message, err.stack ?? '', JSON.stringify(err)]) expect(text).not.toContain(KEY)
    const resp = redactError(new ResponseError('malformed', `<p>${KEY}</p>`), KEY)
    expect(resp).toBeInstanceOf(ResponseError)
    expect(JSON.stringify(resp)).not.toContain(KEY)
  })

  it('returns a clean error unchanged', () => {
    const err = new HttpError(500)
    expect(redactError(err, KEY)).toBe(err)
  })

  it('keeps the class and kind of any error it rebuilds, and a very short key never matches field names', () => {
    // "k" is in the field name "kind", "e" in every sentence: the class must survive either way.
    for (const key of ['k', 'e', 'r']) {
      const err = redactError(new HttpError(500), key)
      expect(err, key).toBeInstanceOf(HttpError)
      expect(err.kind).toBe('http')
      expect(err.message).not.toMatch(/\[r\[/)
    }
    const net = redactError(new NetworkError('refused', `connect ECONNREFUSED ${KEY}.example`), KEY)
    expect(net).toBeInstanceOf(NetworkError)
    expect(net).toMatchObject({ kind: 'network', reason: 'refused' })
    for (const text of [net.message, net.stack ?? '', JSON.stringify(net)]) expect(text).not.toContain(KEY)
  })
})

describe('redact, applied twice', () => {
  it('leaves its own markers whole, even for a key of one letter', () => {
    const once = redact('The server had a problem', 'e')
    expect(once).toBe('Th[redacted] s[redacted]rv[redacted]r had a probl[redacted]m')
    expect(redact(once, 'e')).toBe(once)
    expect(redact(redact(`x ${KEY} y`, KEY), KEY)).toBe('x [redacted] y')
  })
})

describe('classifyNetworkError', () => {
  const fetchFailed = (cause: unknown): TypeError => Object.assign(new TypeError('fetch failed'), { cause })

  it.each([
    ['ECONNREFUSED', 'refused'],
    ['ENOTFOUND', 'dns'],
    ['EAI_AGAIN', 'dns'],
    ['ECONNRESET', 'reset'],
    ['UND_ERR_SOCKET', 'reset'],
    ['EHOSTUNREACH', 'unreachable'],
    ['CERT_HAS_EXPIRED', 'tls'],
  ])('reads %s from the cause', (code, reason) => {
    expect(classifyNetworkError(fetchFailed(Object.assign(new Error('x'), { code })))).toEqual({ reason, code })
  })

  it('reads codes inside an AggregateError', () => {
    const agg = new AggregateError([Object.assign(new Error('a'), { code: 'ECONNREFUSED' })], 'all failed')
    expect(classifyNetworkError(fetchFailed(agg)).reason).toBe('refused')
  })

  it("reads Electron's net::ERR_ names", () => {
    expect(classifyNetworkError(new Error('net::ERR_NAME_NOT_RESOLVED')).reason).toBe('dns')
    expect(classifyNetworkError(new Error('net::ERR_INTERNET_DISCONNECTED')).reason).toBe('unreachable')
  })

  it('falls back to other, and survives a cause cycle', () => {
    const a: { cause?: unknown; code: string } = { code: 'WEIRD' }
    a.cause = a
    expect(classifyNetworkError(a)).toEqual({ reason: 'other' })
    expect(classifyNetworkError('boom')).toEqual({ reason: 'other' })
  })
})
