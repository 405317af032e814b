import * as v from 'valibot';
import { initialSittingState, type SittingState } from './rules';
import { DAY_KEY_PATTERN } from '../day';
import { timestamp } from '../schema-parts';

/** Validation of the stored sitting state: anything damaged reads as a fresh start, never a crash. */

const time = timestamp;

const SITTING_STATE_SCHEMA = v.object({
  sittingSince: v.optional(time),
  lastSeenAt: time,
  awaySince: v.optional(time),
  reminder: v.optional(
    v.object({
      id: v.pipe(v.string(), v.regex(/^r[0-9a-z]{1,16}$/)),
      dueAt: time,
      shownAt: v.optional(time),
      snoozes: v.pipe(v.number(), v.integer(), v.minValue(0)),
      snoozedUntil: v.optional(time),
      heldSince: v.optional(time),
    }),
  ),
  pause: v.optional(v.object({ until: v.nullable(time) })),
  routineSince: v.optional(time),
  remindAnywayDay: v.optional(v.pipe(v.string(), v.regex(DAY_KEY_PATTERN))),
});

export interface ParsedSittingState {
  state: SittingState;
  invalid: boolean;
}

export function parseSittingState(stored: unknown, now: number): ParsedSittingState {
  if (stored == null) return { state: initialSittingState(now), invalid: false };
  const result = v.safeParse(SITTING_STATE_SCHEMA, stored);
  return result.success ? { state: result.output, invalid: false } : { state: initialSittingState(now), invalid: true };
}
