import { isPlainObject } from '../objects';
import type { RollCallEvent } from './events';
import { appendToLog, bucketKey, emptyTotals, historyTotals, type Append, type StoredTotals } from './log';
import { isHistoryDay, parseStoredStreak, parseStoredTotals } from './schema';
import { currentStreak, foldedStreak, storedStreakHolds, streakAfterFold, type Streak, type StreakOptions, type StoredStreak } from './streak';
import type { DailyTotals } from './totals';

/**
 * The history as one background job needs it, at the same cost on day 1 and
 * day 400: where the fold stands and the streak kept with the totals are read
 * at once; the days themselves are read and checked only when the job needs
 * them (an event for a day already folded, a streak to count again, a clock
 * set back before the last fold).
 */
export interface JobHistory {
  /** Days before it are folded into the totals; undefined when no totals are stored yet. */
  through: string | undefined;
  /** The streak kept with the totals, as stored. */
  streak: StoredStreak | undefined;
  /** The totals with every day checked, read once on first use. */
  totals(): StoredTotals | undefined;
}

export function readJobHistory(stored: unknown): JobHistory {
  let parsed: { value: StoredTotals | undefined } | undefined;
  const totals = () => (parsed ??= { value: parseStoredTotals(stored) }).value;
  const head = isPlainObject(stored) ? stored : undefined;
  if (head === undefined) return { through: undefined, streak: undefined, totals };
  // A damaged `through` is worked out from the days, which the full read does.
  if (!isHistoryDay(head.through)) return { through: totals()?.through, streak: undefined, totals };
  return { through: head.through, streak: parseStoredStreak(head.streak), totals };
}

/** A job's history from totals it has in hand (written in this job). */
export function jobHistoryOf(totals: StoredTotals): JobHistory {
  return { through: totals.through, streak: totals.streak, totals: () => totals };
}

/** Adds events to their days' buckets; the folded days are read only when an event belongs to one of them. */
export function appendToHistory(
  current: Readonly<Record<string, readonly RollCallEvent[]>>,
  events: readonly RollCallEvent[],
  history: JobHistory,
  today: string,
): Append {
  const through = history.through ?? today;
  const late = events.some((e) => e.day < through);
  return appendToLog(current, events, late ? (history.totals() ?? emptyTotals(through)) : emptyTotals(through));
}

export interface JobHistoryView {
  /** The totals of the days the popup shows: today (from its bucket), and every day when they had to be read. */
  totals: DailyTotals;
  streak: Streak;
  /** The totals with the streak counted afresh, to store in the job's one write; undefined when the stored one held. */
  store?: StoredTotals;
}

/** Today's totals and the streak, from the stored streak when it holds for these settings, else counted once and handed back to store. */
export function jobHistoryView(history: JobHistory, todayBucket: readonly RollCallEvent[], today: string, options: StreakOptions): JobHistoryView {
  const recent = historyTotals(emptyTotals(today), { [bucketKey(today)]: todayBucket });
  if (history.through !== undefined && storedStreakHolds(history.streak, history.through, today, options)) {
    return { totals: recent, streak: streakAfterFold(history.streak, recent, today, options) };
  }
  const stored = history.totals();
  if (stored === undefined) return { totals: recent, streak: currentStreak(recent, today, options) };
  const all = historyTotals(stored, { [bucketKey(today)]: todayBucket });
  const streak = currentStreak(all, today, options);
  // Before the last fold (a clock set back) nothing is stored: the streak is counted from every day until the clock catches up.
  if (today < stored.through) return { totals: all, streak };
  return { totals: all, streak, store: { ...stored, streak: foldedStreak(stored.days, stored.through, options) } };
}
