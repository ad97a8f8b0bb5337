/**
 * The demo server (plain Node, no Electron): simulated stores behind a real loopback HTTP server
 * that speaks the dashboard protocol, plus the pure pieces (data model and renderers) that tests
 * and benchmarks reuse.
 */
export { startDemoServer, MAX_REQUEST_BYTES, DEFAULT_DEMO_STORES, type DemoServer, type DemoServerOptions } from './server'
export type { DemoStore, SimStore, SimCampaign } from './stores'
export { generateStores, customerAt, MAX_STORES } from './stores'
export type { DemoFault } from './faults'
export { HUGE_DEFAULT_BYTES } from './faults'
export type { HostileBody } from './hostile'
export { dashboardFor, periodSpans, MAX_LIST, MAX_DAYS, type DashboardData, type DashboardRequest } from './data'
export { renderXml, renderJson, renderErrorXml, renderErrorJson, escapeXml, formatAmount } from './render'
export { readRequest, sectionsOf } from './request'
export { localCutMs } from './time'
export { demoAccountInput } from './accountInput'
export { demoLeftoverIds } from './leftovers'
