// Reads electron-builder's output after a failed `npm run dist` and says, in one sentence, when the
// cause is that the Electron distribution (or keytar's Electron headers) could not be downloaded.

/** Network failures as Node, got and @electron/get word them. */
const NETWORK =
  /\b(?:ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|ENETUNREACH|EHOSTUNREACH)\b|getaddrinfo|socket hang up|unable to get local issuer certificate|self[- ]signed certificate|Failed to download|net::ERR_/

/** The one sentence for an unreachable Electron download. */
export const DOWNLOAD_SENTENCE =
  'Storeglance could not build an installer because the Electron distribution could not be downloaded (see the error above): check the network or proxy (HTTPS_PROXY, ELECTRON_MIRROR) and run `npm run dist` again.'

/**
 * The sentence to print after electron-builder failed with `output`: the download sentence when
 * the network was the cause, else a pointer to the error above. Output is only scanned up to 1 MB.
 * @param {string} output
 * @returns {string}
 */
export function explainDistFailure(output) {
  const text = output.length > 1_000_000 ? output.slice(-1_000_000) : output
  return NETWORK.test(text) ? DOWNLOAD_SENTENCE : 'Storeglance could not build an installer: electron-builder failed (see the error above).'
}
