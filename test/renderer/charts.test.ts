/**
 * The charts' words: the month bars say "No activity received yet." before any figures (not an
 * empty axis), cut long store names under the bars (whole in the tooltip); an indexed per-day
 * chart writes "%" on its axis. Chart.js itself is stubbed (happy-dom has no canvas); what is
 * checked is what the components hand it.
 */
import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { mount } from '@vue/test-utils'
import { Bar, Line } from 'vue-chartjs'
import MonthBars from '../../src/renderer/src/components/MonthBars.vue'
import ActivityChart from '../../src/renderer/src/components/ActivityChart.vue'
import { shortLabel, tickText } from '../../src/renderer/src/chartLabels'
import { REPEAT_DASHES, seriesDashes } from '../../src/renderer/src/seriesDash'
import { STORE_COLOURS } from '../../src/shared/model'
import { freeStoreColour } from '../../src/shared/colours'

beforeEach(() => setActivePinia(createPinia()))
const stubs = { Bar: true, Line: true }
type Tick = (value: number | string, index: number) => string
type Opts = { scales: { x: { ticks: { callback?: Tick } }; y: { ticks: { callback?: Tick } } } }

describe('the month bars', () => {
  it('say "No activity received yet." while no store has figures, and draw no empty axis', () => {
    const w = mount(MonthBars, {
      props: { bars: [{ label: 'Harbour Café', colour: '#2563eb', thisMonth: null, samePeriod: null }] },
      global: { stubs },
    })
    expect(w.text()).toContain('No activity received yet.')
    expect(w.findComponent(Bar).exists()).toBe(false)
  })

  it('cut a long store name under its bar with an ellipsis and keep it whole for the tooltip', () => {
    const bars = [
      { label: 'Harbour Café', colour: '#2563eb', thisMonth: 10, samePeriod: null },
      { label: 'Greenwich & Sons Hardware', colour: '#db2777', thisMonth: 5, samePeriod: 7 },
    ]
    const w = mount(MonthBars, { props: { bars }, global: { stubs } })
    const chart = w.findComponent(Bar)
    expect(chart.exists()).toBe(true)
    const tick = (chart.props('options') as Opts).scales.x.ticks.callback!
    expect(tick(0, 0)).toBe('Harbour Café')
    expect(tick(1, 1)).toBe('Greenwich & Son…')
    // The tooltip's title comes from the labels, which stay whole.
    expect((chart.props('data') as { labels: string[] }).labels).toEqual(['Harbour Café', 'Greenwich & Sons Hardware'])
  })
})

describe('the per-day chart', () => {
  const series = [{ label: 'Harbour Café', colour: '#2563eb', days: [{ date: '2025-03-01', quantity: 100 }] }]
  it('writes "%" on the axis of indexed figures, and leaves plain counts to Chart.js', () => {
    const indexed = mount(ActivityChart, { props: { series, description: 'd', unit: '%' }, global: { stubs } })
    expect((indexed.findComponent(Line).props('options') as Opts).scales.y.ticks.callback!(150, 0)).toBe('150%')
    const plain = mount(ActivityChart, { props: { series, description: 'd' }, global: { stubs } })
    expect((plain.findComponent(Line).props('options') as Opts).scales.y.ticks.callback).toBeUndefined()
  })
})

describe('stores that share a colour', () => {
  it('are drawn solid the first time and dashed, each its own way, after', () => {
    expect(seriesDashes(['#2563eb', '#DB2777', '#2563EB', '#db2777', '#2563eb'])).toEqual([
      undefined,
      undefined,
      REPEAT_DASHES[0],
      REPEAT_DASHES[0],
      REPEAT_DASHES[1],
    ])
  })

  it('20 stores coloured as the app colours them can all be told apart on the line chart', () => {
    const colours: string[] = []
    for (let i = 0; i < 20; i++) colours.push(freeStoreColour(colours))
    const series = colours.map((colour, i) => ({ label: `Store ${i}`, colour, days: [{ date: '2025-03-01', quantity: i }] }))
    const w = mount(ActivityChart, { props: { series, description: 'd' }, global: { stubs } })
    const datasets = (w.findComponent(Line).props('data') as { datasets: { borderColor: string; borderDash: number[] }[] }).datasets
    const looks = new Set(datasets.map((d) => `${d.borderColor} ${d.borderDash.join(',')}`))
    expect(looks.size).toBe(20)
    expect(datasets.filter((d) => d.borderDash.length === 0)).toHaveLength(STORE_COLOURS.length)
  })
})

describe('chart labels', () => {
  it('cut by characters, not code units, and leave short text alone', () => {
    expect(shortLabel('Harbour Café')).toBe('Harbour Café')
    expect(shortLabel('Sixteen chars ok')).toBe('Sixteen chars ok')
    expect(shortLabel('Seventeen chars!!')).toBe('Seventeen chars…')
    expect(shortLabel('😀'.repeat(20), 5)).toBe('😀😀😀😀…')
    expect(tickText(1200, '%')).toBe(`${(1200).toLocaleString()}%`)
    expect(tickText('x', '%')).toBe('x%')
  })
})
