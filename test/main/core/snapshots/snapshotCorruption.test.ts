import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { mkdir, readFile, readdir, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { createSnapshotStore } from '../../../../src/main/core/snapshots'
import { makeSnapshot, manualClock, tempDir, type ManualClock } from '../../../helpers/snapshotFixtures'

let dir: string
let cleanup: () => Promise<void>
let clock: ManualClock
let warnings: { message: string; file: string | null }[]

const newStore = () => createSnapshotStore({ dir, clock, onWarning: (message, d) => warnings.push({ message, file: d.file }) })
const older = makeSnapshot(1, '2024-05-02T09:00:00.000Z')
const newer = makeSnapshot(2, '2024-05-02T09:30:00.000Z')

/** Ways a file can be damaged: each writes the damage at `file` and says what must be kept. */
const damages: Record<string, (file: string) => Promise<void>> = {
  'bad JSON': (f) => writeFile(f, '{ this is not json'),
  'empty file': (f) => writeFile(f, ''),
  'truncated JSON': async (f) => {
    const text = await readFile(f, 'utf8')
    await writeFile(f, text.slice(0, Math.floor(text.length / 2)))
  },
  'valid JSON failing the schema': (f) => writeFile(f, JSON.stringify({ version: 1, savedAt: 'x', snapshot: { accountId: 5 } })),
  'unknown envelope version': async (f) => {
    const env = JSON.parse(await readFile(f, 'utf8'))
    await writeFile(f, JSON.stringify({ ...env, version: 2 }))
  },
  'unparseable fetchedAt': async (f) => {
    const env = JSON.parse(await readFile(f, 'utf8'))
    await writeFile(f, JSON.stringify({ ...env, snapshot: { ...env.snapshot, fetchedAt: 'yesterday' } }))
  },
  'JSON null': (f) => writeFile(f, 'null'),
  'binary garbage': (f) => writeFile(f, Buffer.from([0, 159, 146, 150, 0, 255])),
  'a directory where the file should be': async (f) => {
    await writeFile(f + '.tmp-gone', '')
    const { rm } = await import('node:fs/promises')
    await rm(f)
    await rm(f + '.tmp-gone')
    await mkdir(f)
    await writeFile(join(f, 'inside.txt'), 'kept')
  },
}

async function seed(): Promise<void> {
  const store = newStore()
  await store.save('s1', older)
  await store.save('s1', newer)
}

/** The quarantined copy of `name`, checked to exist next to it. */
async function quarantined(name: string): Promise<string> {
  const found = (await readdir(dir)).filter((n) => n.startsWith(`${name}.corrupt-`))
  expect(found).toHaveLength(1)
  return found[0]
}

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  clock = manualClock('2024-05-02T10:00:00.000Z')
  warnings = []
})
afterEach(() => cleanup())

describe.each(Object.entries(damages))('snapshot store reading %s', (_label, damage) => {
  it('in current.json: quarantines it with its content, shows the previous copy, warns clearly', async () => {
    await seed()
    await damage(join(dir, 's1.current.json'))
    const damagedStat = await stat(join(dir, 's1.current.json'))
    const damagedText = damagedStat.isDirectory() ? null : await readFile(join(dir, 's1.current.json'))

    expect(await newStore().load('s1')).toEqual({ current: older, previous: null })

    const name = await quarantined('s1.current.json')
    expect(name).toBe('s1.current.json.corrupt-2024-05-02T10-00-00-000Z')
    if (damagedText) expect(await readFile(join(dir, name))).toEqual(damagedText)
    else expect(await readFile(join(dir, name, 'inside.txt'), 'utf8')).toBe('kept')
    expect(warnings).toEqual([
      {
        message: `The saved figures for s1 were damaged and have been set aside as ${name}; showing the copy from 2024-05-02 09:00 UTC.`,
        file: join(dir, name),
      },
    ])
    expect(JSON.parse(await readFile(join(dir, 's1.previous.json'), 'utf8')).snapshot).toEqual(older)
  })

  it('in previous.json: quarantines it and keeps the current copy', async () => {
    await seed()
    await damage(join(dir, 's1.previous.json'))
    expect(await newStore().load('s1')).toEqual({ current: newer, previous: null })
    const name = await quarantined('s1.previous.json')
    expect(warnings.map((w) => w.message)).toEqual([
      `The earlier saved figures for s1 were damaged and have been set aside as ${name}; the latest figures (from 2024-05-02 09:30 UTC) are unaffected.`,
    ])
  })

  it('in both files: quarantines both, returns nothing, and recovers on the next save', async () => {
    await seed()
    await damage(join(dir, 's1.current.json'))
    await damage(join(dir, 's1.previous.json'))
    const store = newStore()
    expect(await store.load('s1')).toEqual({ current: null, previous: null })
    const cur = await quarantined('s1.current.json')
    expect(warnings[0].message).toBe(
      `The saved figures for s1 were damaged and have been set aside as ${cur}; no earlier copy could be used, so figures will appear after the next refresh.`,
    )
    expect(warnings).toHaveLength(2)
    await store.save('s1', makeSnapshot(3, '2024-05-02T10:00:00.000Z'))
    expect(await newStore().load('s1')).toEqual({ current: makeSnapshot(3, '2024-05-02T10:00:00.000Z'), previous: null })
  })
})

describe('snapshot store after a damaged current copy', () => {
  it('saves over it: unchanged data rewrites current.json at once, changed data rotates', async () => {
    await seed()
    await writeFile(join(dir, 's1.current.json'), '{')
    const store = newStore()
    expect((await store.load('s1')).current).toEqual(older)
    // Same data as the surviving copy: no current.json on disk, so write it even within 15 min.
    expect(await store.save('s1', makeSnapshot(1, '2024-05-02T09:01:00.000Z'))).toEqual({ changed: false, written: true })
    expect(await newStore().load('s1')).toEqual({ current: makeSnapshot(1, '2024-05-02T09:01:00.000Z'), previous: null })
    await store.save('s1', makeSnapshot(4, '2024-05-02T09:02:00.000Z'))
    expect(await newStore().load('s1')).toEqual({
      current: makeSnapshot(4, '2024-05-02T09:02:00.000Z'),
      previous: makeSnapshot(1, '2024-05-02T09:01:00.000Z'),
    })
  })

  it('never overwrites an earlier quarantined copy when the same file goes bad again', async () => {
    await seed()
    for (const text of ['first', 'second']) {
      await writeFile(join(dir, 's1.current.json'), text)
      await newStore().load('s1')
    }
    const names = (await readdir(dir)).filter((n) => n.startsWith('s1.current.json.corrupt-')).sort()
    expect(names).toHaveLength(2)
    expect(await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')))).toEqual(['first', 'second'])
  })
})

describe('a saved snapshot with a day that is not a calendar day', () => {
  it('is read with that day left out and everything else kept (no quarantine)', async () => {
    await seed()
    const file = join(dir, 's1.current.json')
    const env = JSON.parse(await readFile(file, 'utf8'))
    const campaign = env.snapshot.campaignActivity[0]
    campaign.days.push({ date: '2024-05-0x', quantity: 9 }, { date: '2024-02-30', quantity: 9 })
    await writeFile(file, JSON.stringify(env))
    expect(await newStore().load('s1')).toEqual({ current: newer, previous: older })
    expect((await readdir(dir)).filter((n) => n.includes('.corrupt-'))).toEqual([])
  })
})
