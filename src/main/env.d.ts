/** What electron-vite (Vite) defines at build time in the main process. */
interface ImportMetaEnv {
  /** True only in a development build (`electron-vite dev`); false in every production build. */
  readonly DEV: boolean
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
