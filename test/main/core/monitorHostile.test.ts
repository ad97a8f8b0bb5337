/**
 * Hostile answers through the whole monitor (demo server, real client, real files): what reaches
 * the disk and the window is key-free and bounded, and the user is told what was trimmed.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { startRig, run, type Rig } from '../../helpers/monitorRig'
import { DEFAULT_SIZES } from '../../../src/shared/model'
import { asJsonEscapes, asXmlReferences } from '../../../src/main/core/demo/hostile'

let rig: Rig | null = null
afterEach(async () => {
  await rig?.close()
  rig = null
})

/** Every file under `dir`, as text. */
async function allFiles(dir: string): Promise<string> {
  const out: string[] = []
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(await readFile(join(entry.parentPath, entry.name), 'utf8'))
  }
  return out.join('\n')
}

describe('hostile answers through the monitor', () => {
  it('a key echoed in disguise reaches neither the snapshot files, the history, nor the window', async () => {
    const warnings: string[] = []
    rig = await startRig({ stores: 1, monitor: { onWarning: (m) => warnings.push(m) } })
    const key = rig.server.stores[0].key
    rig.server.setFault('*', { kind: 'hostile', body: 'keyEcho' })
    await rig.monitor.start()
    await run(rig, 20_000)
    expect(rig.monitor.snapshots()).toHaveLength(1)
    const files = await allFiles(rig.dir)
    expect(files).toContain('[redacted]')
    for (const form of [key, key.toLowerCase(), asXmlReferences(key), asJsonEscapes(key)]) {
      expect(files).not.toContain(form)
      expect(JSON.stringify(rig.snapshotEvents)).not.toContain(form)
    }
  })

  it('a flood of list items is cut to what was asked before it is saved, and the user is told', async () => {
    const warnings: string[] = []
    rig = await startRig({ stores: 1, monitor: { onWarning: (m) => warnings.push(m) } })
    rig.server.setFault('*', { kind: 'hostile', body: 'longLists', size: 3_000 })
    await rig.monitor.start()
    await run(rig, 20_000)
    const [pair] = rig.monitor.snapshots()
    expect(pair.current.lastTransactions).toHaveLength(DEFAULT_SIZES.lastTransactions)
    expect(pair.current.campaignActivity[0].days).toHaveLength(DEFAULT_SIZES.days)
    const saved = JSON.parse(await readFile(join(rig.dir, 'snapshots', `${pair.id}.current.json`), 'utf8'))
    expect(saved.snapshot.lastTransactions).toHaveLength(DEFAULT_SIZES.lastTransactions)
    expect(JSON.stringify(saved).length).toBeLessThan(50_000)
    expect(warnings.some((w) => /3000 transactions where 10 were asked for/.test(w))).toBe(true)
  })
})
