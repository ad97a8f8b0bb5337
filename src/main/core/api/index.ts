/**
 * The dashboard client's public surface: request building, parsing, fetching and typed errors.
 * Plain Node; never imports 'electron'.
 */
export { fetchDashboard, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, type FetchDashboardOptions } from './client'
export { buildDashboardRequest, requestFieldsOf, SIZE_LIMITS, validateEndpoint, isLoopbackHost } from './request'
export type { DashboardRequest, DashboardRequestInput } from './request'
export { parseDashboard, MAX_BODY_CHARS, type ParseMeta } from './parseDashboard'
export {
  DashboardError,
  ApiError,
  HttpError,
  TimeoutError,
  NetworkError,
  ResponseError,
  ConfigError,
  redact,
  type DashboardErrorKind,
  type NetworkReason,
  type ResponseProblem,
} from './errors'
export { createOffThreadParser, OFF_THREAD_MIN_CHARS, type DashboardParser, type OffThreadParser } from './offThread'
