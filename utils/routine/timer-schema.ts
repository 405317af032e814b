import * as v from 'valibot';
import { IDLE, MAX_LEAD_IN_SEC, MOMENTS, type RoutineState } from './timer';
import { MAX_STEP_SEC, SIDES, STEP_KINDS } from './presets';
import { count, duration, timestamp } from '../schema-parts';

/**
 * Validation of the stored routine state: a damaged or foreign value reads as
 * no routine, never a crash; a routine stored by an older version gets the
 * fields it lacked, so the timer never meets a missing one.
 */

const time = timestamp;

const step = v.object({
  id: v.string(),
  kind: v.picklist(STEP_KINDS),
  side: v.picklist(SIDES),
  // Short steps are allowed here (not in the editor), so that a routine started before a limit changed still reads.
  durationSec: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(MAX_STEP_SEC)),
  enabled: v.boolean(),
});

const active = {
  presetId: v.string(),
  steps: v.pipe(v.array(step), v.minLength(1)),
  stepIndex: count,
  stepStartedAt: time,
  pausedAt: v.optional(time),
  pausedMs: duration,
  startedAt: time,
  routinePausedMs: duration,
  // Added with the lead-in; a routine stored by an older version has none of these and runs on without lead-ins,
  // its moments not yet cued.
  leadInSec: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(MAX_LEAD_IN_SEC)), 0),
  leadInMs: v.optional(v.pipe(duration, v.maxValue(MAX_LEAD_IN_SEC * 1000)), 0),
  cueMark: v.optional(v.pipe(count, v.maxValue(MOMENTS.length)), 0),
  // Filled per step by `withTimeSpent`.
  spentMs: v.optional(v.array(duration)),
};

/**
 * Time spent, one entry per step: a routine stored before it was kept counts
 * its earlier steps as done in full and the rest as not begun.
 */
function withTimeSpent<T extends { steps: { durationSec: number }[]; stepIndex: number; spentMs?: number[] }>(state: T): T & { spentMs: number[] } {
  return { ...state, spentMs: state.steps.map((step, i) => state.spentMs?.[i] ?? (i < state.stepIndex ? step.durationSec * 1000 : 0)) };
}

const ROUTINE_STATE_SCHEMA = v.variant('status', [
  v.object({ status: v.literal('idle') }),
  v.pipe(
    v.object({ status: v.literal('running'), ...active }),
    v.check((s) => s.stepIndex < s.steps.length && s.pausedAt === undefined),
    v.transform(withTimeSpent),
  ),
  v.pipe(
    v.object({ status: v.literal('paused'), ...active, pausedAt: time, undoTo: v.optional(v.picklist(['running', 'paused'])) }),
    v.check((s) => s.stepIndex < s.steps.length),
    v.transform(withTimeSpent),
  ),
  v.object({
    status: v.literal('finished'),
    presetId: v.string(),
    outcome: v.picklist(['completed', 'stopped']),
    startedAt: time,
    endedAt: time,
    durationMs: duration,
    stepsDone: count,
    stepsTotal: count,
  }),
]);

export interface ParsedRoutineState {
  state: RoutineState;
  invalid: boolean;
}

export function parseRoutineState(stored: unknown): ParsedRoutineState {
  if (stored == null) return { state: IDLE, invalid: false };
  const result = v.safeParse(ROUTINE_STATE_SCHEMA, stored);
  return result.success ? { state: result.output, invalid: false } : { state: IDLE, invalid: true };
}
