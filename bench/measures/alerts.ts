/**
 * Measure 7, the alert rules engine replaying a month of 5-minute polls for 50 stores. The engine
 * is not part of this build yet.
 */
import { notMeasured, type Row } from '../report'

/** Measure 7: outcomes per second and peak heap of the rules engine. */
export async function measureAlerts(): Promise<Row[]> {
  return [notMeasured(7, 'alerts', 'alert rules replay, 50 stores × 1 month', 'the alert engine is not in this build')]
}
