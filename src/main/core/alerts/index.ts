/** The alert engine: pure rules, delivery decisions and state, and the alert file. */
export * from './types'
export * from './state'
export { step, run, storeFor, type StepResult } from './engine'
export { suppression, muteActive, inQuietHours } from './delivery'
export { windowStart, wallTime } from './wallClock'
export { projectMonthEnd } from './projection'
export {
  openAlertBook,
  trimLog,
  updateAlertFile,
  type AlertBook,
  type LoggedAlert,
  ALERT_FILE_NAME,
  MAX_LOGGED_ALERTS,
  LOG_DAYS,
} from './alertBook'
export { resolveAlertSettings, alertSettingsPatchSchema, storeAlertSettingsSchema, weeklyWindowSchema } from './schemas'
export { createAlertService, engineContext, type AlertService, type AlertServiceDeps } from './alertService'
