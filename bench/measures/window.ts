import { notMeasured, type Row } from '../report'
/** Measure 5 (to do). */
export async function measureWindow(_root: string): Promise<Row[]> {
  return [notMeasured(5, 'window', 'the window', 'todo')]
}
