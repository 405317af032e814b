import * as v from 'valibot';
import { isPlainObject } from '../objects';
import type { DailyTotals } from './totals';
import type { StoredTotals } from './log';
import { DAY_KEY_PATTERN } from '../day';
import { EARLIEST_HISTORY_DAY } from './events';
import { shiftDay } from './totals';
import type { StoredStreak } from './streak';

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

/** A stored day key that can be history: the shape of a day, and not before 2000. */
export function isHistoryDay(day: unknown): day is string {
  return typeof day === 'string' && DAY_KEY_PATTERN.test(day) && day >= EARLIEST_HISTORY_DAY;
}

export interface ParsedDailyTotals {
  days: DailyTotals;
  /** Days that could not be read and were left out. */
  dropped: number;
}

/** Every readable day; a damaged day is left out and counted, the others kept. */
export function readDailyTotals(stored: unknown): ParsedDailyTotals {
  if (!isPlainObject(stored)) return { days: {}, dropped: stored == null ? 0 : 1 };
  const days: DailyTotals = {};
  let dropped = 0;
  for (const [day, value] of Object.entries(stored)) {
    const parsed = isHistoryDay(day) ? v.safeParse(DAY_TOTALS_SCHEMA, value) : undefined;
    if (parsed?.success) days[day] = parsed.output;
    else dropped++;
  }
  return { days, dropped };
}

export function parseDailyTotals(stored: unknown): DailyTotals {
  return readDailyTotals(stored).days;
}

const STORED_STREAK_SCHEMA = v.object({
  through: v.pipe(v.string(), v.regex(DAY_KEY_PATTERN)),
  rule: v.string(),
  latestMet: v.optional(v.pipe(v.string(), v.regex(DAY_KEY_PATTERN))),
  length: count,
  forgiven: v.array(v.pipe(v.string(), v.regex(DAY_KEY_PATTERN))),
  beforeFirstForgiven: count,
});

/** The streak kept with the totals, or undefined when missing or damaged: it is only ever counted again, never lost. */
export function parseStoredStreak(stored: unknown): StoredStreak | undefined {
  const parsed = v.safeParse(STORED_STREAK_SCHEMA, stored);
  return parsed.success ? parsed.output : undefined;
}

/**
 * Where the fold stands when the stored `through` cannot be read: the day
 * after the last folded day, so later days are folded from their buckets and
 * none is counted twice (a folded day with any event has totals of its own);
 * with no folded day at all, every bucket is still to fold.
 */
function throughFromDays(days: DailyTotals): string {
  let last: string | undefined;
  for (const day of Object.keys(days)) if (last === undefined || day > last) last = day;
  return last === undefined ? EARLIEST_HISTORY_DAY : shiftDay(last, 1);
}

/**
 * The stored totals (utils/history/log.ts), or undefined when missing or not
 * an object at all. A damaged field costs only itself: an unreadable day is
 * left out, an unreadable `through` is worked out from the days kept, and
 * each counts in `dropped`, which the history shows.
 */
export function parseStoredTotals(stored: unknown): StoredTotals | undefined {
  if (!isPlainObject(stored)) return undefined;
  const { through, days, dropped, streak } = stored;
  const earlier = typeof dropped === 'number' && Number.isInteger(dropped) && dropped >= 0 ? dropped : 0;
  const read = readDailyTotals(days);
  const throughOk = isHistoryDay(through);
  const totals: StoredTotals = {
    through: throughOk ? through : throughFromDays(read.days),
    days: read.days,
    dropped: earlier + read.dropped + (throughOk ? 0 : 1),
  };
  const kept = throughOk && read.dropped === 0 ? parseStoredStreak(streak) : undefined;
  return kept ? { ...totals, streak: kept } : totals;
}
