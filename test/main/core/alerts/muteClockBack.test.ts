/**
 * A mute survives the wall clock being set back: in the live app (the alert service, real alert
 * file) a mute is active while the time is before its end, so it still suppresses alerts and the
 * glance still offers "Unmute". A replay keeps the `[at, until)` contract of `alerts replay`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAlertService, muteActive, openAlertBook } from '../../../../src/main/core/alerts'
import type { PollOutcome } from '../../../../src/main/core/monitor'
import { defaultNotificationSettings } from '../../../../src/shared/alerts'
import { DEFAULT_SIZES, type Account } from '../../../../src/shared/model'
import { tempDir } from '../../../helpers/snapshotFixtures'
import { ctxOf, fail, ok, replay, snap, store } from './kit'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir('storeglance-mute-')))
afterEach(() => cleanup())

const account: Account = {
  id: 's1',
  label: 'Store s1',
  endpoint: 'http://127.0.0.1:9/api',
  userId: 'u',
  accountId: 'a',
  timeZone: 'UTC',
  colour: '#336699',
  enabled: true,
  format: 'json',
  sizes: DEFAULT_SIZES,
}

const MUTED_AT = '2025-03-10T12:00:00.000Z'
const UNTIL = '2025-03-10T13:00:00.000Z'
const BACK = '2025-03-10T11:00:00.000Z' // the clock set back an hour after muting

describe('a mute when the wall clock goes back', () => {
  it('stays active in the alert service: mutedUntil and a non-urgent alert after the clock went back', async () => {
    let now = new Date(MUTED_AT)
    const settings = defaultNotificationSettings()
    const book = await openAlertBook({ dir, now: () => now })
    const svc = createAlertService({
      book,
      accounts: () => [account],
      settings: () => settings,
      localTimeZone: () => 'UTC',
      now: () => now,
    })
    await svc.mute(new Date(UNTIL))
    now = new Date(BACK)
    expect(svc.mutedUntil()).toBe(UNTIL)
    const failure: PollOutcome = { id: 's1', at: BACK, error: { kind: 'network', message: 'network failed' } }
    for (let i = 0; i < 3; i++) await svc.handle(failure)
    const recovered = await svc.handle({ id: 's1', at: BACK, snapshot: snap() })
    expect(recovered.map((a) => [a.kind, a.delivered, a.suppressedBy])).toEqual([['recovered', false, 'muted']])
    // A restart reads the mute back from the file: still active.
    const again = createAlertService({
      book: await openAlertBook({ dir, now: () => now }),
      accounts: () => [account],
      settings: () => settings,
      localTimeZone: () => 'UTC',
      now: () => now,
    })
    expect(again.mutedUntil()).toBe(UNTIL)
    now = new Date(UNTIL)
    expect(again.mutedUntil()).toBeNull()
  })

  it('muteActive: the live rule is "before until"; the replay rule stays [at, until)', () => {
    const mute = { from: MUTED_AT, until: UNTIL }
    expect(muteActive(mute, new Date(BACK), true)).toBe(true)
    expect(muteActive(mute, new Date(UNTIL), true)).toBe(false)
    expect(muteActive(mute, new Date(BACK))).toBe(false)
    const events = [{ at: MUTED_AT, mute: { until: UNTIL } }, fail(MUTED_AT), fail(MUTED_AT), fail(MUTED_AT), ok(BACK)]
    expect(replay(events, ctxOf([store('s1')])).alerts.map((a) => a.suppressedBy)).toEqual([undefined, undefined])
    const live = { ...ctxOf([store('s1')]), liveClock: true }
    expect(replay(events, live).alerts.map((a) => a.suppressedBy)).toEqual([undefined, 'muted'])
  })
})
