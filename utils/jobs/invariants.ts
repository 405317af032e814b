import type { Repair } from '../history/events';
import { isActive, type RoutineState } from '../routine/timer';
import type { SittingState } from '../sitting/rules';

/**
 * What must always hold between the routine and the sitting state. Writes are
 * atomic, so only an older version, damaged storage or a clock change can
 * break these; each job checks them and repairs what it finds, so no fault
 * can leave reminders off for good.
 */

export interface AppState {
  sitting: SittingState;
  routine: RoutineState;
}

/**
 * Moves a routine's stored moments back when the clock was set back, by as
 * much as it went back since the last job, so the step keeps the time it had
 * left: it neither freezes at full length nor jumps ahead.
 */
export function rebaseRoutine(routine: RoutineState, lastSeenAt: number, now: number): RoutineState {
  const back = lastSeenAt - now;
  if (back <= 0 || !isActive(routine)) return routine;
  const moved = { ...routine, stepStartedAt: routine.stepStartedAt - back, startedAt: routine.startedAt - back };
  return moved.status === 'paused' ? { ...moved, pausedAt: moved.pausedAt - back } : moved;
}

/** Routine moments that still lie after `now` (a clock set back with no earlier job to measure by) are brought to `now`. */
function routineNotInFuture(routine: RoutineState, now: number): RoutineState {
  if (!isActive(routine)) return routine;
  let next = routine;
  // A step brought back to its start has passed none of its moments yet.
  if (next.stepStartedAt > now) next = { ...next, stepStartedAt: now, cueMark: 0 };
  if (next.startedAt > now) next = { ...next, startedAt: now };
  if (next.status === 'paused' && next.pausedAt > now) next = { ...next, pausedAt: now };
  return next;
}

export interface Violation {
  repair: Repair;
  /** The routine state with the repair applied; sitting repairs are made by the sitting rules themselves. */
  routine: RoutineState;
}

/** The routine-side violations in a state, each with its repair. */
export function routineViolations(state: AppState, now: number): Violation[] {
  const violations: Violation[] = [];
  const healed = routineNotInFuture(state.routine, now);
  if (healed !== state.routine) violations.push({ repair: 'clockWentBack', routine: healed });
  return violations;
}

/** How the sitting clock and the routine disagree, if they do. */
export function restMismatch(state: AppState): Repair | undefined {
  const resting = state.sitting.routineSince !== undefined;
  const running = isActive(state.routine);
  if (resting && !running) return 'restingWithoutRoutine';
  if (running && !resting) return 'routineWithoutRest';
  return undefined;
}
