/**
 * Reads why a transport failed before any HTTP answer. Node's fetch rejects with
 * `TypeError: fetch failed` whose `cause` (sometimes an AggregateError, one error per address)
 * holds a code such as ECONNREFUSED; Electron's net.fetch puts Chromium's `net::ERR_…` name in the
 * message. Only recognised codes are kept, so nothing from the request can leak through.
 */
import type { NetworkReason } from './errors'

const CODE_REASONS: [RegExp, NetworkReason][] = [
  [/^(ENOTFOUND|EAI_AGAIN|EAI_NONAME|EAI_FAIL|EAI_NODATA|ERR_NAME_NOT_RESOLVED|ERR_NAME_RESOLUTION_FAILED)$/, 'dns'],
  [/^(ECONNREFUSED|ERR_CONNECTION_REFUSED)$/, 'refused'],
  [
    /^(ECONNRESET|EPIPE|ECONNABORTED|UND_ERR_SOCKET|UND_ERR_CLOSED|ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE|ERR_CONNECTION_ABORTED)$/,
    'reset',
  ],
  [
    /^(EHOSTUNREACH|ENETUNREACH|ENETDOWN|EHOSTDOWN|ETIMEDOUT|EADDRNOTAVAIL|UND_ERR_CONNECT_TIMEOUT|ERR_INTERNET_DISCONNECTED|ERR_ADDRESS_UNREACHABLE|ERR_NETWORK_CHANGED|ERR_CONNECTION_TIMED_OUT|ERR_NETWORK_ACCESS_DENIED)$/,
    'unreachable',
  ],
  [
    /^(CERT_\w+|ERR_TLS_\w+|ERR_SSL_\w+|ERR_CERT_\w+|UNABLE_TO_\w+|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|ERR_BAD_SSL_CLIENT_AUTH_CERT)$/,
    'tls',
  ],
  [/^(ERR_TOO_MANY_REDIRECTS|ERR_UNSAFE_REDIRECT|REDIRECT)$/, 'redirect'],
]

const MAX_CAUSE_DEPTH = 5

/** Reason and code of a transport failure; `other` (and no code) when nothing is recognised. */
export function classifyNetworkError(err: unknown): { reason: NetworkReason; code?: string } {
  for (const code of collectCodes(err)) {
    for (const [re, reason] of CODE_REASONS) if (re.test(code)) return { reason, code }
  }
  return { reason: 'other' }
}

/** Candidate codes from the error, its causes and aggregated errors, breadth-first and bounded. */
function collectCodes(err: unknown): string[] {
  const codes: string[] = []
  let level: unknown[] = [err]
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && level.length > 0; depth++) {
    const next: unknown[] = []
    for (const e of level) {
      if (typeof e !== 'object' || e === null) continue
      const { code, message, cause, errors } = e as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown }
      if (typeof code === 'string') codes.push(code)
      if (typeof message === 'string') {
        for (const m of message.matchAll(/net::(ERR_[A-Z_]+)/g)) codes.push(m[1])
        if (/redirect/i.test(message)) codes.push('REDIRECT')
      }
      if (cause !== undefined) next.push(cause)
      if (Array.isArray(errors)) next.push(...errors.slice(0, 8))
    }
    level = next
  }
  return codes
}
