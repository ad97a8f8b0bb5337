import { describe, expect, it } from 'vitest'
import { ESLint } from 'eslint'
import { resolve } from 'node:path'

const eslint = new ESLint({ cwd: resolve(__dirname, '../..') })

async function electronErrors(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath })
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax').length
}

describe('the lint boundary around electron', () => {
  const importIt = "import { app } from 'electron'\nexport const a = app\n"
  const requireIt = "export const e = require('electron')\n"
  const dynamicIt = "export const e = import('electron')\n"

  it('fails when core, shared, renderer or CLI code imports electron in any form', async () => {
    expect(await electronErrors('src/main/core/poller.ts', importIt)).toBe(1)
    expect(await electronErrors('src/main/core/api/client.ts', requireIt)).toBe(1)
    expect(await electronErrors('src/main/core/demo/server.ts', dynamicIt)).toBe(1)
    expect(await electronErrors('src/shared/model.ts', importIt)).toBe(1)
    expect(await electronErrors('src/main/cli.ts', importIt)).toBe(1)
    expect(await electronErrors('src/renderer/src/bridge.ts', importIt)).toBe(1)
  })

  it('allows the composition root, the Electron adapters and the preload', async () => {
    expect(await electronErrors('src/main/index.ts', importIt)).toBe(0)
    expect(await electronErrors('src/main/electron/tray.ts', importIt)).toBe(0)
    expect(await electronErrors('src/preload/index.ts', importIt)).toBe(0)
  })
})
