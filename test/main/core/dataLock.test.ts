/**
 * The user data folder's lock: one holder at a time across processes (a real child process holds
 * it), a lock abandoned by a killed process is taken over once stale, re-entrant within one flow,
 * and work started under the lock but running after it was released queues like anyone else.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { spawn } from 'node:child_process'
import { mkdir, mkdtemp, rm, stat, utimes } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createDataLock, DataLockError, LOCK_NAME, STALE_MS } from '../../../src/main/core/dataLock'
import { bundleForNode } from '../../helpers/bundle'

const dirs: string[] = []
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  while (dirs.length) await rm(dirs.pop()!, { recursive: true, force: true })
  while (cleanups.length) await cleanups.pop()!()
})
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'storeglance-lock-'))
  dirs.push(dir)
  return dir
}

describe('the data lock', () => {
  it('lets one holder in at a time, in call order, and never runs two critical sections at once', async () => {
    const lock = createDataLock(await tempDir())
    const log: string[] = []
    let inside = 0
    const job = (name: string) =>
      lock.run(async () => {
        inside++
        expect(inside).toBe(1)
        log.push(`${name}>`)
        await new Promise((r) => setImmediate(r))
        log.push(`<${name}`)
        inside--
        return name
      })
    expect(await Promise.all([job('a'), job('b'), job('c')])).toEqual(['a', 'b', 'c'])
    expect(log).toEqual(['a>', '<a', 'b>', '<b', 'c>', '<c'])
  })

  it('is re-entrant within the flow that holds it, and releases on failure', async () => {
    const dir = await tempDir()
    const lock = createDataLock(dir)
    const nested = await lock.run(() => lock.run(async () => 'inner'))
    expect(nested).toBe('inner')
    await expect(lock.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom')
    await expect(stat(join(dir, LOCK_NAME))).rejects.toMatchObject({ code: 'ENOENT' })
    expect(await lock.run(async () => 'after')).toBe('after')
  })

  it('makes work that outlives the critical section queue again instead of slipping in', async () => {
    const lock = createDataLock(await tempDir())
    let later: Promise<string> | null = null
    let releaseSecond!: () => void
    await lock.run(async () => {
      // Started under the lock, but it only asks for the lock after the lock was let go.
      later = new Promise<void>((r) => setTimeout(r, 5)).then(() => lock.run(async () => 'late'))
    })
    const order: string[] = []
    const second = lock.run(
      () =>
        new Promise<void>((r) => {
          releaseSecond = () => {
            order.push('second done')
            r()
          }
        }),
    )
    const late = later!.then((v) => order.push(v))
    await new Promise((r) => setTimeout(r, 30))
    expect(order).toEqual([]) // the late job waits for the holder
    releaseSecond()
    await Promise.all([second, late])
    expect(order).toEqual(['second done', 'late'])
  })

  it('takes over a lock left by a process that died (older than the stale limit)', async () => {
    const dir = await tempDir()
    await mkdir(join(dir, LOCK_NAME))
    const old = new Date(Date.now() - STALE_MS - 5_000)
    await utimes(join(dir, LOCK_NAME), old, old)
    expect(await createDataLock(dir, { waitMs: 1_000 }).run(async () => 'recovered')).toBe('recovered')
  })

  it('waits for a live holder in another process, and gives up with a clear error when it holds on too long', async () => {
    const dir = await tempDir()
    const child = await holdInChild(dir, 1_500)
    try {
      await expect(createDataLock(dir, { waitMs: 300 }).run(async () => 'never')).rejects.toBeInstanceOf(DataLockError)
      // The lock comes free when the child's critical section is over, not before.
      const sawChildDone = await createDataLock(dir, { waitMs: 20_000 }).run(() =>
        stat(join(dir, 'child-done')).then(
          () => true,
          () => false,
        ),
      )
      expect(sawChildDone).toBe(true)
    } finally {
      child.kill('SIGKILL')
    }
  }, 30_000)
})

/** A child process that takes the lock on `dir`, says "held", and keeps it for `ms`. */
async function holdInChild(dir: string, ms: number) {
  const bundle = await bundleForNode('test/helpers/lockHolderChild.ts', 'lockHolder.cjs')
  cleanups.push(bundle.cleanup)
  const child = spawn(process.execPath, [bundle.file, dir, String(ms)], { stdio: ['ignore', 'pipe', 'inherit'] })
  await new Promise<void>((ok, fail) => {
    child.stdout!.setEncoding('utf8').on('data', (d: string) => d.includes('held') && ok())
    child.on('exit', (code) => fail(new Error(`lock holder exited early (${code})`)))
  })
  return child
}
