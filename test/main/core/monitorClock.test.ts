/**
 * The monitor over the demo server when the computer's clock is changed: timers keep elapsed
 * time while the wall clock jumps, as in the app.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startRig, run, type Rig } from '../../helpers/monitorRig'
import { jumpingClock } from '../../helpers/jumpingClock'
import { ageText } from '../../../src/shared/period'

let rig: Rig | null = null
afterEach(async () => {
  await rig?.close()
  rig = null
})

const MIN = 60_000
const HOUR = 60 * MIN

describe('the monitor when the wall clock jumps', () => {
  it('set back 3 h: keeps fetching every store, and never shows the figures dated ahead as fresh', async () => {
    rig = await startRig({ stores: 3 })
    const clock = jumpingClock(rig.clock)
    const m = await rig.restart({ clock })
    await m.start()
    await run(rig, MIN)
    expect(rig.snapshotEvents.length).toBe(3)
    clock.jump(-3 * HOUR)
    const now = new Date(clock.now())
    for (const p of m.snapshots()) expect(ageText(p.current.fetchedAt, now)).not.toBe('just now')
    expect(m.statuses().map((s) => s.state)).toEqual(['stale', 'stale', 'stale'])
    // Within an interval and the spread window (5 min here), not 3 h.
    await run(rig, 6 * MIN, 10_000)
    const again = rig.snapshotEvents.slice(3)
    expect(new Set(again.map((p) => p.id)).size).toBe(3)
    expect(m.statuses().map((s) => s.state)).toEqual(['ok', 'ok', 'ok'])
    for (const p of m.snapshots()) expect(Date.parse(p.current.fetchedAt)).toBeLessThanOrEqual(clock.now())
  })

  it('set forward 2 h: spreads the 30 overdue stores instead of sending them all in the first moment', async () => {
    rig = await startRig({ stores: 30 })
    const clock = jumpingClock(rig.clock)
    const m = await rig.restart({ clock })
    await m.start()
    await run(rig, 400_000, 5_000)
    const starts: number[] = []
    m.events.on('status', (s) => {
      if (s.state === 'refreshing') starts.push(rig!.clock.now())
    })
    clock.jump(2 * HOUR)
    await run(rig, 300_000, 1_000)
    expect(starts.length).toBeGreaterThanOrEqual(30)
    const first = Math.min(...starts)
    expect(starts.filter((t) => t - first <= 5_000).length).toBeLessThanOrEqual(2)
  })
})
