import * as v from 'valibot';
import type { DailyTotals } from './totals';
import type { StoredTotals } from './log';
import { DAY_KEY_PATTERN } from '../day';

/** Validation of the stored daily totals: a damaged day is left out, the others kept. */

const count = v.pipe(v.number(), v.integer(), v.minValue(0));
const ms = v.pipe(v.number(), v.finite(), v.minValue(0));
const rating = v.pipe(v.number(), v.minValue(0), v.maxValue(10));

export const DAY_TOTALS_SCHEMA = v.object({
  breaksDue: count,
  breaksTaken: count,
  naturalBreaks: count,
  skipped: count,
  snoozed: count,
  routinesCompleted: count,
  routinesStopped: count,
  completedByPreset: v.record(v.pipe(v.string(), v.maxLength(64)), count),
  routineMs: ms,
  longestSittingMs: ms,
  comfortFeet: v.array(rating),
  comfortBack: v.array(rating),
});

/** The whole record, strictly: for imports, where one bad day rejects the file. */
export const DAILY_TOTALS_SCHEMA = v.record(v.pipe(v.string(), v.regex(DAY_KEY_PATTERN)), DAY_TOTALS_SCHEMA);

export function parseDailyTotals(stored: unknown): DailyTotals {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const totals: DailyTotals = {};
  for (const [day, value] of Object.entries(stored)) {
    if (!DAY_KEY_PATTERN.test(day)) continue;
    const parsed = v.safeParse(DAY_TOTALS_SCHEMA, value);
    if (parsed.success) totals[day] = parsed.output;
  }
  return totals;
}

/** The stored totals (utils/history/log.ts), or undefined when missing or not readable as a whole. */
export function parseStoredTotals(stored: unknown): StoredTotals | undefined {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return undefined;
  const { through, days, dropped } = stored as Record<string, unknown>;
  if (typeof through !== 'string' || !DAY_KEY_PATTERN.test(through)) return undefined;
  const count = typeof dropped === 'number' && Number.isInteger(dropped) && dropped >= 0 ? dropped : 0;
  return { through, days: parseDailyTotals(days), dropped: count };
}
