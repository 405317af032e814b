import type { NewEvent } from '../history/events';
import type { Step } from './presets';

/**
 * The routine timer: a pure state machine. Time left is always worked out
 * from timestamps and `now`; nothing counts down, so a late alarm or a worker
 * that wakes after the machine slept simply finds out where the routine is.
 */

export interface ActiveRoutine {
  presetId: string;
  /** The enabled steps, copied at start so that editing the preset never changes a running routine. */
  steps: Step[];
  stepIndex: number;
  stepStartedAt: number;
  /** Time spent paused in the current step, before any pause still under way. */
  pausedMs: number;
  startedAt: number;
  /** Time spent paused in the whole routine, for its logged length. */
  routinePausedMs: number;
}

export type RoutineOutcome = 'completed' | 'stopped';

export interface FinishedRoutine {
  presetId: string;
  outcome: RoutineOutcome;
  startedAt: number;
  endedAt: number;
  durationMs: number;
  stepsDone: number;
  stepsTotal: number;
}

export type RunningRoutine = { status: 'running' } & ActiveRoutine;
/**
 * A paused routine always knows when its pause began. `undoTo` marks a Stop
 * that can still be undone: the routine is held paused from the moment Stop
 * was pressed (`pausedAt`), and ends as stopped at that moment unless Undo
 * comes within UNDO_STOP_MS, which puts it back as it was (running or paused).
 */
export type PausedRoutine = { status: 'paused'; pausedAt: number; undoTo?: 'running' | 'paused' } & ActiveRoutine;

export type RoutineState = { status: 'idle' } | RunningRoutine | PausedRoutine | ({ status: 'finished' } & FinishedRoutine);

export type RoutineCommand =
  | { type: 'start'; steps: Step[]; presetId: string }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'skip' }
  | { type: 'back' }
  | { type: 'restartStep' }
  | { type: 'stop' }
  | { type: 'undoStop' }
  | { type: 'dismiss' };

export type TimerEffect =
  | { type: 'setStepAlarm'; when: number }
  | { type: 'clearStepAlarm' }
  /** A step began by itself (its predecessor ran out): the one cue, however many steps a late tick passed. */
  | { type: 'stepCue'; stepIndex: number; step: Step; stepCount: number }
  /** The last step ran out: the routine is complete. */
  | { type: 'finishCue' }
  | { type: 'routineStarted'; at: number }
  | { type: 'routineEnded'; at: number; outcome: RoutineOutcome }
  | { type: 'log'; event: NewEvent };

export interface TimerResult {
  state: RoutineState;
  effects: TimerEffect[];
  /** Set when the command made no sense in this state; the state is then unchanged. */
  rejected?: 'noSteps' | 'notRunning' | 'alreadyRunning' | 'undoExpired';
}

export const IDLE: RoutineState = Object.freeze({ status: 'idle' });

/**
 * A routine whose end the timer only notices this long after it came (the
 * machine slept, the browser was closed) is logged as stopped, not completed:
 * nobody can say the user did the last steps.
 */
export const COMPLETION_GRACE_MS = 2 * 60_000;

/**
 * How long a Stop can be undone. Long enough to get up off the floor and reach
 * a key after a Stop pressed by mistake; short enough that a Stop meant soon
 * counts, and the sitting clock starts again from the moment it was pressed.
 */
export const UNDO_STOP_MS = 6_000;

type Active = RunningRoutine | PausedRoutine;

export function isActive(state: RoutineState): state is Active {
  return state.status === 'running' || state.status === 'paused';
}

function stepMs(state: ActiveRoutine, index: number): number {
  return (state.steps[index]?.durationSec ?? 0) * 1000;
}

function runningStepEndsAt(state: RunningRoutine): number {
  return state.stepStartedAt + state.pausedMs + stepMs(state, state.stepIndex);
}

/** When the current step ends if nothing changes; undefined while paused. */
export function stepEndsAt(state: RoutineState): number | undefined {
  return state.status === 'running' ? runningStepEndsAt(state) : undefined;
}

export type StoppingRoutine = PausedRoutine & { undoTo: 'running' | 'paused' };

/** A Stop that can still be undone. */
export function isStopping(state: RoutineState): state is StoppingRoutine {
  return state.status === 'paused' && state.undoTo !== undefined;
}

/** Until when a Stop can be undone; the routine ends as stopped then. */
export function undoStopUntil(state: RoutineState): number | undefined {
  return isStopping(state) ? state.pausedAt + UNDO_STOP_MS : undefined;
}

function elapsedInStep(state: Active, now: number): number {
  const until = state.status === 'paused' ? state.pausedAt : now;
  return Math.max(0, until - state.stepStartedAt - state.pausedMs);
}

export function stepRemainingMs(state: Active, now: number): number {
  return Math.max(0, stepMs(state, state.stepIndex) - elapsedInStep(state, now));
}

/** Time left in the whole routine: this step's rest plus every later step. */
export function routineRemainingMs(state: Active, now: number): number {
  let rest = stepRemainingMs(state, now);
  for (let i = state.stepIndex + 1; i < state.steps.length; i++) rest += stepMs(state, i);
  return rest;
}

function finish(state: Active, outcome: RoutineOutcome, endedAt: number, stepsDone: number): TimerResult {
  const pausedNow = state.status === 'paused' ? endedAt - state.pausedAt : 0;
  const finished: FinishedRoutine = {
    presetId: state.presetId,
    outcome,
    startedAt: state.startedAt,
    endedAt,
    durationMs: Math.max(0, endedAt - state.startedAt - state.routinePausedMs - pausedNow),
    stepsDone,
    stepsTotal: state.steps.length,
  };
  const { presetId, durationMs, stepsTotal } = finished;
  const event: NewEvent = {
    type: outcome === 'completed' ? 'routineCompleted' : 'routineStopped',
    at: endedAt,
    presetId,
    durationMs,
    stepsDone,
    stepsTotal,
  };
  return {
    state: { status: 'finished', ...finished },
    effects: [{ type: 'clearStepAlarm' }, { type: 'log', event }, { type: 'routineEnded', at: endedAt, outcome }],
  };
}

/** Moves to step `index`, starting now; a paused routine stays paused on the new step. */
function goToStep(state: Active, index: number, now: number): TimerResult {
  const moved = { stepIndex: index, stepStartedAt: now, pausedMs: 0 };
  if (state.status === 'paused') {
    const next: PausedRoutine = { ...state, ...moved, routinePausedMs: state.routinePausedMs + (now - state.pausedAt), pausedAt: now };
    return { state: next, effects: [{ type: 'clearStepAlarm' }] };
  }
  const next: RunningRoutine = { ...state, ...moved };
  return { state: next, effects: [{ type: 'setStepAlarm', when: runningStepEndsAt(next) }] };
}

/**
 * Brings a running routine up to `now`: passes every step that has ended,
 * however late the tick, and asks for one cue for the step it lands on.
 */
export function tick(state: RoutineState, now: number): TimerResult {
  // An undo window that has run out: the routine ended when Stop was pressed.
  if (isStopping(state) && now >= state.pausedAt + UNDO_STOP_MS) return finish(state, 'stopped', state.pausedAt, state.stepIndex);
  if (state.status !== 'running') return { state, effects: [] };
  let index = state.stepIndex;
  let endsAt = runningStepEndsAt(state);
  if (now < endsAt) return { state, effects: [] };
  index++;
  while (index < state.steps.length && endsAt + stepMs(state, index) <= now) {
    endsAt += stepMs(state, index);
    index++;
  }
  if (index >= state.steps.length) {
    const late = now - endsAt > COMPLETION_GRACE_MS;
    if (late) return finish(state, 'stopped', endsAt, state.stepIndex);
    const completed = finish(state, 'completed', endsAt, state.steps.length);
    return { ...completed, effects: [...completed.effects, { type: 'finishCue' }] };
  }
  // The new step started when the previous one ended, not when the tick came, so no drift builds up.
  const next: RunningRoutine = { ...state, stepIndex: index, stepStartedAt: endsAt, pausedMs: 0 };
  const effects: TimerEffect[] = [{ type: 'setStepAlarm', when: runningStepEndsAt(next) }];
  const step = state.steps[index];
  if (step) effects.push({ type: 'stepCue', stepIndex: index, step, stepCount: state.steps.length });
  return { state: next, effects };
}

function start(state: RoutineState, command: Extract<RoutineCommand, { type: 'start' }>, now: number): TimerResult {
  // A second press of Start (a double-click) finds what it asked for already under way: that is no error.
  if (isActive(state)) return { state, effects: [], rejected: state.presetId === command.presetId ? undefined : 'alreadyRunning' };
  const steps = command.steps.filter((s) => s.enabled);
  if (steps.length === 0) return { state, effects: [], rejected: 'noSteps' };
  const next: RunningRoutine = {
    status: 'running',
    presetId: command.presetId,
    steps,
    stepIndex: 0,
    stepStartedAt: now,
    pausedMs: 0,
    startedAt: now,
    routinePausedMs: 0,
  };
  return {
    state: next,
    effects: [
      { type: 'setStepAlarm', when: runningStepEndsAt(next) },
      { type: 'routineStarted', at: now },
    ],
  };
}

function commandOnActive(state: Active, command: RoutineCommand, now: number): TimerResult {
  switch (command.type) {
    case 'pause':
      return state.status === 'paused'
        ? { state, effects: [] }
        : { state: { ...state, status: 'paused', pausedAt: now }, effects: [{ type: 'clearStepAlarm' }] };
    case 'resume': {
      if (state.status === 'running') return { state, effects: [] };
      const { pausedAt, ...rest } = state;
      const pausedFor = now - pausedAt;
      const next: RunningRoutine = {
        ...rest,
        status: 'running',
        pausedMs: state.pausedMs + pausedFor,
        routinePausedMs: state.routinePausedMs + pausedFor,
      };
      return { state: next, effects: [{ type: 'setStepAlarm', when: runningStepEndsAt(next) }] };
    }
    case 'skip':
      return state.stepIndex + 1 >= state.steps.length
        ? finish(state, 'completed', now, state.steps.length)
        : goToStep(state, state.stepIndex + 1, now);
    case 'back':
      return goToStep(state, Math.max(0, state.stepIndex - 1), now);
    case 'restartStep':
      return goToStep(state, state.stepIndex, now);
    case 'stop': {
      // Held paused from now: a pause already under way is folded in, so `pausedAt` is the moment of the Stop.
      const before = state.status === 'paused' ? now - state.pausedAt : 0;
      const held: StoppingRoutine = {
        ...state,
        status: 'paused',
        pausedAt: now,
        pausedMs: state.pausedMs + before,
        routinePausedMs: state.routinePausedMs + before,
        undoTo: state.status,
      };
      return { state: held, effects: [{ type: 'clearStepAlarm' }] };
    }
    case 'undoStop':
      // Nothing to undo (another view undid it first): the routine simply goes on.
      return { state, effects: [] };
    case 'start':
    case 'dismiss':
      return { state, effects: [], rejected: 'alreadyRunning' };
  }
}

/** While a Stop can be undone, only Undo and Done (which ends it at once) act. */
function commandOnStopping(state: StoppingRoutine, command: RoutineCommand, now: number): TimerResult {
  switch (command.type) {
    case 'undoStop': {
      const { undoTo, ...held } = state;
      return undoTo === 'running' ? commandOnActive(held, { type: 'resume' }, now) : { state: held, effects: [] };
    }
    case 'dismiss':
      return { ...finish(state, 'stopped', state.pausedAt, state.stepIndex), state: IDLE };
    case 'stop':
      return { state, effects: [] };
    default:
      return { state, effects: [], rejected: 'notRunning' };
  }
}

/**
 * Applies one command at `now`. The routine is first brought up to date, so a
 * command always acts on the step that is really under way.
 */
export function applyRoutineCommand(state: RoutineState, command: RoutineCommand, now: number): TimerResult {
  const caughtUp = tick(state, now);
  const current = caughtUp.state;
  let result: TimerResult;
  if (command.type === 'start') result = start(current, command, now);
  else if (isStopping(current)) result = commandOnStopping(current, command, now);
  else if (command.type === 'dismiss')
    result = current.status === 'finished' ? { state: IDLE, effects: [] } : { state: current, effects: [] };
  else if (isActive(current)) result = commandOnActive(current, command, now);
  // Stop asks for no routine to run, which already holds.
  else result = { state: current, effects: [], rejected: command.type === 'stop' ? undefined : command.type === 'undoStop' ? 'undoExpired' : 'notRunning' };
  return { ...result, effects: [...caughtUp.effects, ...result.effects] };
}
