/** The one sentence for an unreachable Electron download. */
export declare const DOWNLOAD_SENTENCE: string
/** The sentence to print after electron-builder failed with `output`. */
export declare function explainDistFailure(output: string): string
