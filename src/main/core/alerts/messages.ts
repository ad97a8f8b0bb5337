/**
 * Titles and bodies of alerts: short, naming the store and the figures, e.g. "Harbour Café is 23 %
 * behind last month: 612 transactions against 795 by this date". Text from the server is made one
 * bounded line before it goes into a notification.
 */
import type { ErrorKind } from '../../../shared/model'
import { counted } from '../../../shared/counted'

const n = (v: number) => v.toLocaleString('en-US')

/** Server or error text as one short line (no control characters, at most 160 characters). */
export function shortLine(text: string): string {
  const line = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').trim()
  return line.length > 160 ? `${line.slice(0, 159)}…` : line
}

export interface Text {
  title: string
  body: string
}

/** `unreachable`: `polls` consecutive transport failures. */
export function unreachableText(label: string, polls: number, error: { kind: ErrorKind; message: string }): Text {
  const why = shortLine(error.message) || error.kind
  return { title: `${label} is unreachable`, body: `${label} failed ${counted(polls, 'poll')} in a row (${error.kind}: ${why}).` }
}

/** `keyRejected`: the server refused the key or permission, or the keychain failed. */
export function keyRejectedText(label: string, error: { kind: ErrorKind; message: string }): Text {
  const why = shortLine(error.message)
  if (error.kind === 'keychain') {
    return { title: `${label}: no usable key`, body: `The key of ${label} could not be read from the keychain${why ? ` (${why})` : ''}.` }
  }
  return {
    title: `${label} refused the key`,
    body: `The server refused the key or permission of ${label}${why ? ` (${why})` : ''}. Check the key in Settings.`,
  }
}

/** `recovered`: the first success after an urgent alert. */
export function recoveredText(label: string, thisMonth: number | null): Text {
  const figure = thisMonth === null ? '' : `: ${counted(thisMonth, 'transaction')} this month`
  return { title: `${label} is back`, body: `${label} answered again${figure}.` }
}

/** `behindPace`: this month against the same period last month. */
export function behindPaceText(label: string, thisMonth: number, samePeriod: number): Text {
  // Nothing by this date last month (possible with minBase 0): no share to be behind by, never "NaN %".
  const pct = samePeriod > 0 ? Math.round((1 - thisMonth / samePeriod) * 100) : 0
  return {
    title: `${label} is behind last month`,
    body: `${label} is ${pct} % behind last month: ${counted(thisMonth, 'transaction')} against ${n(samePeriod)} by this date`,
  }
}

/** `quietStore`: no new transaction for a while in opening hours. */
export function quietStoreText(label: string, minutes: number, thisMonth: number): Text {
  return {
    title: `No transactions at ${label}`,
    body: `${label} has had no new transaction for ${counted(minutes, 'minute')} (still ${n(thisMonth)} this month).`,
  }
}

/** `recordDay`: today beats every earlier day of the activity window. */
export function recordDayText(label: string, today: number, best: number, days: number): Text {
  return {
    title: `Record day at ${label}`,
    body: `${label} has ${counted(today, 'transaction')} today, more than on any of the previous ${counted(days, 'day')} (best so far ${n(best)}).`,
  }
}

/** `bigTransaction`: a new transaction of at least the threshold. */
export function bigTransactionText(label: string, amount: number, id: string, campaign: string): Text {
  const where = shortLine(campaign)
  return {
    title: `Big transaction at ${label}`,
    body: `${label}: a transaction of ${amount.toLocaleString('en-US', { maximumFractionDigits: 2 })}${where ? ` in ${where}` : ''} (id ${shortLine(id)}).`,
  }
}

/** `target`: the month-end projection is below 90 % of the target. */
export function targetText(label: string, projection: number, target: number): Text {
  const pct = Math.round((projection / target) * 100)
  return {
    title: `${label} is off its monthly target`,
    body: `${label} is projected at ${counted(projection, 'transaction')} this month, ${pct} % of its target of ${n(target)}.`,
  }
}
