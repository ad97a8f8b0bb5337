/**
 * The monitor when a store is edited while its poll is in flight: a fixed key is tried at once
 * (not an interval later), and an answer for the account as it was is never saved as the edited
 * account's snapshot. Real client, real demo server; the only control is a gate that holds a
 * request before it goes out, so the test decides when the edit lands.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { startRig, run, type Rig } from '../../helpers/monitorRig'
import { flush } from '../../helpers/fakeClock'
import { fetchDashboard, requestFieldsOf } from '../../../src/main/core/api'
import type { StoreFetcher } from '../../../src/main/core/monitor'
import type { Account } from '../../../src/shared/model'

let rig: Rig | null = null
afterEach(async () => {
  await rig?.close()
  rig = null
})

/** The real client, held before it asks while the gate is closed (until opened or aborted). */
function gatedClient(now: () => number) {
  let gate: { promise: Promise<void>; open: () => void } | null = null
  const asked: (Pick<Account, 'id' | 'format'> & { key: string })[] = []
  const fetcher: StoreFetcher = async (account, key, signal) => {
    if (gate) {
      const aborted = new Promise<never>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }))
      await Promise.race([gate.promise, aborted])
    }
    asked.push({ id: account.id, format: account.format, key })
    return fetchDashboard({ ...requestFieldsOf(account), key, signal, now: () => new Date(now()), timeoutMs: 2_000 })
  }
  return {
    fetcher,
    asked,
    close() {
      let open = () => {}
      const promise = new Promise<void>((r) => (open = r))
      gate = { promise, open }
    },
    open() {
      gate?.open()
      gate = null
    },
  }
}

/** A rig of two stores whose requests pass through a gate; the first store is polled and held. */
async function rigWithHeldPoll(badKey: boolean) {
  let clockNow = () => 0
  const gated = gatedClient(() => clockNow())
  rig = await startRig({ stores: 2, monitor: { fetcher: gated.fetcher } })
  clockNow = () => rig!.clock.now()
  const a = rig.accounts.list()[0]!
  if (badKey) await rig.accounts.update(a.id, {}, 'x'.repeat(32))
  await rig.monitor.start()
  await run(rig, 30_000)
  gated.close()
  rig.monitor.refresh(a.id)
  await flush()
  expect(rig.monitor.status(a.id)!.state).toBe('refreshing')
  return { gated, a, m: rig.monitor, r: rig }
}

describe('editing a store while it is being polled', () => {
  it('tries a key fixed during a poll at once, instead of leaving the store failing for an interval', async () => {
    const { gated, a, m, r } = await rigWithHeldPoll(true)
    expect(m.status(a.id)!.error?.kind).toBe('api')
    const t0 = r.clock.now()
    const askedBefore = gated.asked.length
    const goodKey = r.server.stores[0]!.key
    // What the accounts:update handler does when a key is entered.
    await r.accounts.update(a.id, {}, goodKey)
    await m.accountsChanged()
    m.refreshNow(a.id)
    gated.open()
    await m.whenIdle()
    expect(r.clock.now()).toBe(t0)
    // The request held with the old key was abandoned before it went out.
    expect(gated.asked.slice(askedBefore).map((x) => [x.id, x.key === goodKey])).toEqual([[a.id, true]])
    expect(m.status(a.id)).toMatchObject({ state: 'ok', error: null, needsAttention: false })
  })

  it('drops an answer that lands between an edit and the monitor hearing of it, and asks again with the edit', async () => {
    const { gated, a, m, r } = await rigWithHeldPoll(false)
    const eventsBefore = r.snapshotEvents.length
    const askedBefore = gated.asked.length
    await r.accounts.update(a.id, { format: 'json' })
    gated.open()
    await m.whenIdle()
    // The held request goes out as it was (xml), but only the answer to the edited one is kept.
    expect(
      gated.asked
        .slice(askedBefore)
        .filter((x) => x.id === a.id)
        .map((x) => x.format),
    ).toEqual(['xml', 'json'])
    expect(r.snapshotEvents.slice(eventsBefore).filter((p) => p.id === a.id).length).toBe(1)
    expect(m.status(a.id)).toMatchObject({ state: 'ok', error: null })
  })

  it('asks again with the new settings when an edit needs no key (the format), without saving the old answer', async () => {
    const { gated, a, m, r } = await rigWithHeldPoll(false)
    const eventsBefore = r.snapshotEvents.length
    const askedBefore = gated.asked.length
    await r.accounts.update(a.id, { format: 'json' })
    await m.accountsChanged()
    gated.open()
    await m.whenIdle()
    expect(
      gated.asked
        .slice(askedBefore)
        .filter((x) => x.id === a.id)
        .map((x) => x.format),
    ).toEqual(['json'])
    expect(r.snapshotEvents.slice(eventsBefore).filter((p) => p.id === a.id).length).toBe(1)
    expect(m.status(a.id)).toMatchObject({ state: 'ok', error: null })
  })
})
