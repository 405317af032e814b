import * as v from 'valibot';
import { DAY_KEY_PATTERN, localDayKey } from '../day';
import { count, duration, timestamp } from '../schema-parts';

/**
 * The event log: the contract between the sitting tracker and the routine
 * timer, which append to it, and the history, which reads it. Only the
 * background appends. Each event carries the local calendar day it happened
 * on, fixed when it happened, so a later change of time zone or a DST shift
 * never moves it to another day.
 */

/**
 * The first day a history can hold. Roll Call did not exist before it, so an
 * earlier stored day (a year-0 key, say) is damage: it is left out and
 * counted, and never sets a streak counting back to it.
 */
export const EARLIEST_HISTORY_DAY = '2000-01-01';

const dayKey = v.pipe(v.string(), v.regex(DAY_KEY_PATTERN));
/** How the feet or the lower back feel after a routine, 0 (bad) to 10 (great). */
const rating = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));

const base = { at: timestamp, day: dayKey };

/**
 * The invariants the background repairs when it finds them broken (after a
 * crash, a clock change or damaged storage); each repair is logged, so a
 * fault is visible in the exported history instead of silently absorbed.
 */
export const REPAIRS = [
  /** The sitting clock rested for a routine that was no longer running. */
  'restingWithoutRoutine',
  /** A routine ran while the sitting clock still counted. */
  'routineWithoutRest',
  /** A stored moment lay in the future: the clock was set back. */
  'clockWentBack',
  /** A stored state could not be read and was started afresh. */
  'damagedState',
] as const;
export type Repair = (typeof REPAIRS)[number];

const routineOutcome = {
  ...base,
  presetId: v.pipe(v.string(), v.maxLength(64)),
  durationMs: duration,
  stepsDone: count,
  stepsTotal: count,
};

export const EVENT_SCHEMA = v.variant('type', [
  v.object({ type: v.literal('breakDue'), ...base, sittingMs: duration }),
  v.object({ type: v.literal('breakTaken'), ...base, how: v.picklist(['routine', 'natural']) }),
  v.object({ type: v.literal('snoozed'), ...base, count: count }),
  v.object({ type: v.literal('skipped'), ...base }),
  v.object({ type: v.literal('routineCompleted'), ...routineOutcome }),
  v.object({ type: v.literal('routineStopped'), ...routineOutcome }),
  v.object({ type: v.literal('sittingEnded'), ...base, startedAt: timestamp, durationMs: duration }),
  v.object({ type: v.literal('comfortRated'), ...base, feet: v.optional(rating), back: v.optional(rating) }),
  v.object({ type: v.literal('repaired'), ...base, invariant: v.picklist(REPAIRS) }),
]);

export type RollCallEvent = v.InferOutput<typeof EVENT_SCHEMA>;
export type EventType = RollCallEvent['type'];

/** An event as its producer describes it; the day is filled in on append. */
export type NewEvent = RollCallEvent extends infer E ? (E extends RollCallEvent ? Omit<E, 'day'> : never) : never;

/** Returns a new log with the events added at the end; the old log is left as it was. */
export function appendEvents(log: readonly RollCallEvent[], events: readonly NewEvent[]): RollCallEvent[] {
  return [...log, ...events.map((e) => ({ ...e, day: localDayKey(e.at) }))];
}

export interface ParsedLog {
  events: RollCallEvent[];
  /** How many stored entries could not be read and were left out. */
  dropped: number;
}

/** Reads a stored log, keeping every entry that is valid and counting the rest. */
export function parseEventLog(stored: unknown): ParsedLog {
  if (!Array.isArray(stored)) return { events: [], dropped: stored == null ? 0 : 1 };
  const events: RollCallEvent[] = [];
  for (const entry of stored) {
    const result = v.safeParse(EVENT_SCHEMA, entry);
    // A day before any history can be is damage, like any unreadable entry.
    if (result.success && result.output.day >= EARLIEST_HISTORY_DAY) events.push(result.output);
  }
  return { events, dropped: stored.length - events.length };
}
