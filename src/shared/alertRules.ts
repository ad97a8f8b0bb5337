/**
 * The numbers of each alert rule, their ranges and how the Settings form names them. The zod
 * schema of settings.json and the replay scenario (core/alerts/schemas.ts) reads the same ranges,
 * so the form refuses exactly what main would refuse.
 */
import type { AlertRules } from './alerts'

/** One number of a rule: its range and whether it must be whole. */
export interface RuleNumber {
  min: number
  max: number
  integer: boolean
  label: string
  unit?: string
}

/** Every rule's numbers (the `enabled` switch aside). */
export const RULE_NUMBERS = {
  unreachable: { polls: { min: 1, max: 1000, integer: true, label: 'Failed checks in a row', unit: 'checks' } },
  keyRejected: {},
  behindPace: {
    percent: { min: 0, max: 100, integer: false, label: 'Behind last month by at least', unit: '%' },
    minBase: { min: 0, max: 1e12, integer: false, label: 'Only when last month had at least', unit: 'transactions' },
    polls: { min: 1, max: 1000, integer: true, label: 'Checks in a row', unit: 'checks' },
  },
  quietStore: { minutes: { min: 0, max: 1e6, integer: false, label: 'No new transaction for', unit: 'minutes' } },
  recordDay: { minDays: { min: 0, max: 400, integer: true, label: 'Earlier days needed', unit: 'days' } },
  bigTransaction: { amount: { min: 0, max: 1e12, integer: false, label: 'Amount of at least' } },
  target: {},
} as const satisfies { [K in keyof AlertRules]: Partial<Record<Exclude<keyof AlertRules[K], 'enabled'>, RuleNumber>> }

/** What each rule does, as the Settings form says it. */
export const RULE_LABELS: { [K in keyof AlertRules]: { title: string; help: string } } = {
  unreachable: { title: 'Store unreachable', help: 'Urgent: the store could not be reached several times in a row.' },
  keyRejected: { title: 'Key refused', help: 'Urgent: the server refused the key or the permission.' },
  behindPace: { title: 'Behind last month', help: 'This month is behind the same period last month.' },
  quietStore: { title: 'Quiet store', help: 'No new transaction for a while during opening hours.' },
  recordDay: { title: 'Record day', help: "Today beats every earlier day of the store's activity." },
  bigTransaction: { title: 'Big transaction', help: 'A new transaction of at least this amount.' },
  target: { title: 'Monthly target at risk', help: "From the 10th, the month-end projection is below 90 % of the store's target." },
}

/** Why a rule number is refused, or null when it is within its range. */
export function ruleNumberError(n: RuleNumber, value: number): string | null {
  if (!Number.isFinite(value)) return `${n.label}: enter a number.`
  if (value < n.min || value > n.max) return `${n.label} must be between ${n.min} and ${n.max}.`
  if (n.integer && !Number.isInteger(value)) return `${n.label} must be a whole number.`
  return null
}
