import { defineConfig } from '@playwright/test'

/**
 * Browser tests: the production renderer in real Chromium (test/e2e), and the whole Electron app
 * where an Electron binary exists (test/e2e-electron; skipped with the reason elsewhere).
 * Build first (`npm run build`): the tests load out/.
 */
export default defineConfig({
  outputDir: 'test-results/artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  workers: 2,
  timeout: 60_000,
  projects: [
    { name: 'renderer', testDir: 'test/e2e', testMatch: '**/*.spec.ts' },
    { name: 'electron', testDir: 'test/e2e-electron', testMatch: '**/*.spec.ts' },
  ],
})
