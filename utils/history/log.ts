import { localDayKey } from '../day';
import { BUCKET_PREFIX, TOTALS_KEY } from '../storage-keys';
import type { NewEvent, RollCallEvent } from './events';
import { RAW_EVENT_DAYS, TOTALS_DAYS, dailyTotals, shiftDay, type DailyTotals } from './totals';
import type { StoredStreak } from './streak';

/**
 * How the event log is stored, so that an append costs the same on day 1 and
 * day 400: one key per local day holds that day's raw events (`events:DAY`),
 * and one key holds the totals of every earlier day (`totals`). A job reads
 * and rewrites only the buckets of the days it appends to. Once a day the
 * buckets before today are folded into the totals, and buckets older than
 * 30 days are removed: whole days, never single events.
 */

export { BUCKET_PREFIX, TOTALS_KEY };

export function bucketKey(day: string): string {
  return `${BUCKET_PREFIX}${day}`;
}

/** The day of a bucket key, or undefined for any other key. */
export function bucketDay(key: string): string | undefined {
  return key.startsWith(BUCKET_PREFIX) ? key.slice(BUCKET_PREFIX.length) : undefined;
}

/** The totals of every day before `through`; days from `through` on are only in their buckets. */
export interface StoredTotals {
  through: string;
  days: DailyTotals;
  /** Stored history entries that could not be read and were left out, so far. */
  dropped: number;
  /** The streak of the days before `through`, counted once after a fold; any change to those days drops it. */
  streak?: StoredStreak;
}

export function emptyTotals(today: string): StoredTotals {
  return { through: today, days: {}, dropped: 0 };
}

/** Gives each new event the local day it happened on, fixed now, so a later time-zone change never moves it. */
export function datedEvents(events: readonly NewEvent[]): RollCallEvent[] {
  return events.map((e) => ({ ...e, day: localDayKey(e.at) }));
}

/** The bucket keys an append of these events rewrites. */
export function bucketKeysOf(events: readonly RollCallEvent[]): string[] {
  return [...new Set(events.map((e) => bucketKey(e.day)))];
}

export interface Append {
  /** Every bucket the append changed, by key, whole. */
  buckets: Record<string, RollCallEvent[]>;
  /** The totals, when an event belongs to a day already folded into them (an end noticed late, say). */
  totals?: StoredTotals;
}

/** Adds dated events to their days' buckets; `current` holds those buckets as stored (a missing one is empty). */
export function appendToLog(current: Readonly<Record<string, readonly RollCallEvent[]>>, events: readonly RollCallEvent[], totals: StoredTotals): Append {
  const buckets: Record<string, RollCallEvent[]> = {};
  for (const event of events) {
    const key = bucketKey(event.day);
    (buckets[key] ??= [...(current[key] ?? [])]).push(event);
  }
  const late = events.filter((e) => e.day < totals.through);
  if (late.length === 0) return { buckets };
  // A folded day changed, so the streak kept with the totals no longer holds: it is counted again.
  const { streak: _stale, ...kept } = totals;
  return { buckets, totals: { ...kept, days: dailyTotals(late, totals.days) } };
}

/**
 * Every day's totals: the stored totals of the days before `through`, plus
 * the days from `through` on, counted from their buckets.
 */
export function historyTotals(totals: StoredTotals, recent: Readonly<Record<string, readonly RollCallEvent[]>>): DailyTotals {
  const events = Object.entries(recent).flatMap(([key, bucket]) => {
    const day = bucketDay(key);
    return day !== undefined && day >= totals.through ? bucket : [];
  });
  return dailyTotals(events, totals.days);
}

export interface RollOver {
  totals: StoredTotals;
  /** Buckets to delete: older than the raw-event window, or empty. */
  removeBuckets: string[];
}

/**
 * The daily fold: every bucket from `through` up to yesterday is counted into
 * the totals, buckets past the raw-event window go, and totals past their
 * window are dropped. `buckets` holds every stored bucket; `dropped` counts
 * the entries in them that could not be read.
 */
export function rollOver(totals: StoredTotals, buckets: Readonly<Record<string, readonly RollCallEvent[]>>, dropped: number, now: number): RollOver {
  const today = localDayKey(now);
  const keepBucketsFrom = shiftDay(today, -RAW_EVENT_DAYS);
  const keepTotalsFrom = shiftDay(today, -TOTALS_DAYS);
  let folded = totals.days;
  const removeBuckets: string[] = [];
  for (const [key, bucket] of Object.entries(buckets)) {
    const day = bucketDay(key);
    if (day === undefined) continue;
    // One bucket at a time, never spread into a call: a day may hold tens of thousands of events, past any stack's room for arguments.
    if (day >= totals.through && day < today) folded = dailyTotals(bucket, folded);
    if (day < keepBucketsFrom || bucket.length === 0) removeBuckets.push(key);
  }
  const days = Object.fromEntries(Object.entries(folded).filter(([day]) => day >= keepTotalsFrom));
  // A clock set back keeps `through` where it was: days already folded are never counted twice.
  const through = today > totals.through ? today : totals.through;
  return { totals: { through, days, dropped: totals.dropped + dropped }, removeBuckets };
}

/** Whether the daily fold is due: the day has moved on since the last one. */
export function needsRollOver(totals: Pick<StoredTotals, 'through'>, now: number): boolean {
  return localDayKey(now) > totals.through;
}

/**
 * The log of an older version (one array, `eventLog`, plus the compacted
 * `dailyTotals`) in today's layout: buckets by day, totals of older days.
 */
export function migrateWholeLog(
  events: readonly RollCallEvent[],
  compacted: DailyTotals,
  now: number,
): { buckets: Record<string, RollCallEvent[]>; totals: StoredTotals; removeBuckets: string[] } {
  const { buckets } = appendToLog({}, events, emptyTotals('0000-00-00'));
  const earliestBucket = Object.keys(buckets)
    .map((k) => bucketDay(k) ?? '')
    .sort()[0];
  // Days before the earliest bucket are only in the compacted totals; the fold below counts the rest.
  const start: StoredTotals = { through: earliestBucket ?? localDayKey(now), days: compacted, dropped: 0 };
  const rolled = rollOver(start, buckets, 0, now);
  return { buckets, totals: rolled.totals, removeBuckets: rolled.removeBuckets };
}
