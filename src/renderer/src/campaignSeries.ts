/** A store's activity per campaign as chart series: one line or bar stack per campaign, in the store palette. */
import { STORE_COLOURS, type StoreSnapshot } from '../../shared/model'

export interface CampaignSeries {
  label: string
  colour: string
  days: { date: string; quantity: number }[]
}

/** The series of the snapshot's campaigns, labelled "name (type)"; none without a snapshot. */
export function campaignSeriesOf(snapshot: StoreSnapshot | null): CampaignSeries[] {
  return (snapshot?.campaignActivity ?? []).map((c, i) => ({
    label: `${c.name} (${c.type})`,
    colour: STORE_COLOURS[i % STORE_COLOURS.length]!,
    days: c.days,
  }))
}
