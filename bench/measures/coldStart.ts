import { notMeasured, type Row } from '../report'
/** Measure 6 (to do). */
export async function measureColdStart(_root: string): Promise<Row[]> {
  return [notMeasured(6, 'coldStart', 'cold start', 'todo')]
}
