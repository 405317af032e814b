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
  /** The "get ready" length this routine gives a step that needs a new position, copied at start. */
  leadInSec: number;
  /** The current step's lead-in, before its own time starts; 0 once skipped. */
  leadInMs: number;
  /** How many of the current step's moments (see `MOMENTS`) have passed and been cued. */
  cueMark: number;
  /** Time spent in each step, by index, lead-ins and pauses left out: what the completion rule counts. */
  spentMs: number[];
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
  | { type: 'start'; steps: Step[]; presetId: string; leadInSec?: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'skip' }
  | { type: 'back' }
  | { type: 'restartStep' }
  | { type: 'stop' }
  | { type: 'undoStop' }
  | { type: 'dismiss' };

/**
 * The moments inside a step, in the order they come: the end of its lead-in,
 * its halfway point (long steps only) and the start of the spoken countdown.
 * A stored mark says how many have passed, so each is cued once however late
 * or often the background wakes.
 */
export const MOMENTS = ['go', 'halfway', 'countdown'] as const;
export type Moment = (typeof MOMENTS)[number];

/** The longest lead-in the settings allow. */
export const MAX_LEAD_IN_SEC = 15;
/** Steps this long or longer get a halfway cue. */
export const HALFWAY_MIN_MS = 120_000;
/** The countdown says the last seconds aloud: 3, 2, 1. */
export const COUNTDOWN_MS = 3000;
/** A routine counts as completed when the time spent in its steps reaches this share of its planned length. */
export const COMPLETION_SHARE = 0.5;

export type TimerEffect =
  /** A step began by itself (its predecessor ran out): the one cue, however many steps a late tick passed. */
  | { type: 'stepCue'; stepIndex: number; step: Step; stepCount: number }
  /** A moment inside the current step came; `endsAt` is the step's end, for the countdown. */
  | { type: 'momentCue'; moment: Moment; step: Step; endsAt: number }
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

/**
 * A step needs a new position, and so a lead-in, when it is the first or its
 * kind or side differs from the step before: the other foot on the ball,
 * standing up to walk, turning to stretch the other leg. Two like steps in a
 * row flow on without one.
 */
export function needsLeadIn(steps: readonly Step[], index: number): boolean {
  const before = steps[index - 1];
  const step = steps[index];
  return !before || !step || before.kind !== step.kind || before.side !== step.side;
}

function leadInFor(state: ActiveRoutine, index: number): number {
  return needsLeadIn(state.steps, index) ? state.leadInSec * 1000 : 0;
}

/** When each moment of the running step comes, measured from the start of its lead-in; undefined where a step has none. */
function momentOffsets(state: ActiveRoutine): (number | undefined)[] {
  const lead = state.leadInMs;
  const length = stepMs(state, state.stepIndex);
  return [
    lead > 0 ? lead : undefined,
    length >= HALFWAY_MIN_MS ? lead + length / 2 : undefined,
    length > COUNTDOWN_MS ? lead + length - COUNTDOWN_MS : undefined,
  ];
}

function segmentStart(state: ActiveRoutine): number {
  return state.stepStartedAt + state.pausedMs;
}

function runningStepEndsAt(state: RunningRoutine): number {
  return segmentStart(state) + state.leadInMs + stepMs(state, state.stepIndex);
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

/** The moments of the running step still to come, with when; the countdown only when it will be spoken. */
export function upcomingMoments(state: RoutineState, withCountdown: boolean): { moment: Moment; at: number }[] {
  if (state.status !== 'running') return [];
  const start = segmentStart(state);
  return momentOffsets(state).flatMap((offset, i) =>
    offset === undefined || i < state.cueMark || (MOMENTS[i] === 'countdown' && !withCountdown) ? [] : [{ moment: MOMENTS[i] as Moment, at: start + offset }],
  );
}

/** The next time the background must wake: the next moment to cue, else the step's end. */
export function nextWakeAt(state: RoutineState, withCountdown: boolean): number | undefined {
  return upcomingMoments(state, withCountdown)[0]?.at ?? stepEndsAt(state);
}

/** How many moments of the step have passed at `now`. */
function passedMoments(state: Active, now: number): number {
  const sinceStart = (state.status === 'paused' ? state.pausedAt : now) - segmentStart(state);
  let mark = 0;
  momentOffsets(state).forEach((offset, i) => {
    if (offset !== undefined && offset <= sinceStart) mark = i + 1;
  });
  return mark;
}

function elapsedInStep(state: Active, now: number): number {
  const until = state.status === 'paused' ? state.pausedAt : now;
  return Math.max(0, until - segmentStart(state) - state.leadInMs);
}

/** The lead-in time left before the current step's own time starts; 0 when there is none or it is over. */
export function leadInRemainingMs(state: Active, now: number): number {
  const until = state.status === 'paused' ? state.pausedAt : now;
  return Math.max(0, Math.min(state.leadInMs, state.leadInMs - (until - segmentStart(state))));
}

export function stepRemainingMs(state: Active, now: number): number {
  return Math.max(0, stepMs(state, state.stepIndex) - elapsedInStep(state, now));
}

/** Time left in the whole routine: this step's rest plus every later step and lead-in. */
export function routineRemainingMs(state: Active, now: number): number {
  let rest = leadInRemainingMs(state, now) + stepRemainingMs(state, now);
  for (let i = state.stepIndex + 1; i < state.steps.length; i++) rest += leadInFor(state, i) + stepMs(state, i);
  return rest;
}

/** Adds `ms` to a step's time spent, never past its length. */
function addSpent(state: ActiveRoutine, index: number, ms: number): number[] {
  const spent = [...state.spentMs];
  spent[index] = Math.min(stepMs(state, index), (spent[index] ?? 0) + ms);
  return spent;
}

/**
 * The completion rule: a routine counts as completed when the time spent in
 * its steps reaches half its planned length, and a step counts as done when
 * half of it was spent. Skipping through every step so counts for nothing.
 */
export function routineProgress(steps: readonly Step[], spentMs: readonly number[]): { stepsDone: number; completed: boolean } {
  let planned = 0;
  let spent = 0;
  let stepsDone = 0;
  steps.forEach((step, i) => {
    const length = step.durationSec * 1000;
    const done = Math.min(length, spentMs[i] ?? 0);
    planned += length;
    spent += done;
    if (done >= length * COMPLETION_SHARE) stepsDone++;
  });
  return { stepsDone, completed: spent >= planned * COMPLETION_SHARE };
}

/** Ends the routine; `completed` is only a wish, granted if the completion rule agrees. */
function finish(state: Active, wanted: RoutineOutcome, endedAt: number): TimerResult {
  const pausedNow = state.status === 'paused' ? endedAt - state.pausedAt : 0;
  const progress = routineProgress(state.steps, state.spentMs);
  const outcome = wanted === 'completed' && progress.completed ? 'completed' : 'stopped';
  const stepsDone = progress.stepsDone;
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
  const effects: TimerEffect[] = [
    { type: 'log', event },
    { type: 'routineEnded', at: endedAt, outcome },
  ];
  if (outcome === 'completed') effects.push({ type: 'finishCue' });
  return { state: { status: 'finished', ...finished }, effects };
}

/** The current step's time so far is booked before the routine leaves it. */
function booked(state: Active, now: number): Active {
  return { ...state, spentMs: addSpent(state, state.stepIndex, Math.min(stepMs(state, state.stepIndex), elapsedInStep(state, now))) };
}

/** Moves to step `index`, starting now with its lead-in; a paused routine stays paused on the new step. */
function goToStep(current: Active, index: number, now: number): TimerResult {
  const state = booked(current, now);
  const moved = { stepIndex: index, stepStartedAt: now, pausedMs: 0, leadInMs: leadInFor(state, index), cueMark: 0 };
  const next: Active =
    state.status === 'paused' ? { ...state, ...moved, routinePausedMs: state.routinePausedMs + (now - state.pausedAt), pausedAt: now } : { ...state, ...moved };
  return { state: next, effects: [] };
}

/**
 * Brings a running routine up to `now`: passes every step that has ended,
 * however late the tick, and asks for one cue for the step it lands on.
 */
export function tick(state: RoutineState, now: number): TimerResult {
  // An undo window that has run out: the routine ended when Stop was pressed.
  if (isStopping(state) && now >= state.pausedAt + UNDO_STOP_MS) return finish(booked(state, state.pausedAt), 'stopped', state.pausedAt);
  if (state.status !== 'running') return { state, effects: [] };
  let endsAt = runningStepEndsAt(state);
  if (now < endsAt) return cueMoments(state, now);
  // Every step passed ran to its end, so each is booked in full.
  let index = state.stepIndex;
  let spentMs = addSpent(state, index, stepMs(state, index));
  index++;
  while (index < state.steps.length && endsAt + leadInFor(state, index) + stepMs(state, index) <= now) {
    endsAt += leadInFor(state, index) + stepMs(state, index);
    spentMs = addSpent({ ...state, spentMs }, index, stepMs(state, index));
    index++;
  }
  if (index >= state.steps.length) {
    // Noticed long after its end, nobody can say the user did the steps run out meanwhile: only earlier ones count.
    const late = now - endsAt > COMPLETION_GRACE_MS;
    return late ? finish(state, 'stopped', endsAt) : finish({ ...state, spentMs }, 'completed', endsAt);
  }
  // The new step started when the previous one ended, not when the tick came, so no drift builds up.
  const landed: RunningRoutine = { ...state, stepIndex: index, stepStartedAt: endsAt, pausedMs: 0, leadInMs: leadInFor(state, index), spentMs, cueMark: 0 };
  // Moments of the new step that a late tick already passed are not cued after its announcement.
  const next: RunningRoutine = { ...landed, cueMark: passedMoments(landed, now) };
  const effects: TimerEffect[] = [];
  const step = state.steps[index];
  if (step) effects.push({ type: 'stepCue', stepIndex: index, step, stepCount: state.steps.length });
  return { state: next, effects };
}

/** Cues the latest moment of the step that has passed since the last mark: once, and never a stale earlier one. */
function cueMoments(state: RunningRoutine, now: number): TimerResult {
  const mark = passedMoments(state, now);
  const step = state.steps[state.stepIndex];
  if (mark <= state.cueMark || !step) return { state, effects: [] };
  const moment = MOMENTS[mark - 1] as Moment;
  return { state: { ...state, cueMark: mark }, effects: [{ type: 'momentCue', moment, step, endsAt: runningStepEndsAt(state) }] };
}

function start(state: RoutineState, command: Extract<RoutineCommand, { type: 'start' }>, now: number): TimerResult {
  // A second press of Start (a double-click) finds what it asked for already under way: that is no error.
  if (isActive(state)) return { state, effects: [], rejected: state.presetId === command.presetId ? undefined : 'alreadyRunning' };
  const steps = command.steps.filter((s) => s.enabled);
  if (steps.length === 0) return { state, effects: [], rejected: 'noSteps' };
  const leadInSec = command.leadInSec ?? 0;
  const next: RunningRoutine = {
    status: 'running',
    presetId: command.presetId,
    steps,
    stepIndex: 0,
    stepStartedAt: now,
    pausedMs: 0,
    startedAt: now,
    routinePausedMs: 0,
    leadInSec,
    leadInMs: leadInSec * 1000,
    cueMark: 0,
    spentMs: steps.map(() => 0),
  };
  return { state: next, effects: [{ type: 'routineStarted', at: now }] };
}

function skipLeadIn(state: Active, now: number): TimerResult {
  const since = (state.status === 'paused' ? state.pausedAt : now) - segmentStart(state);
  // The segment now starts with the step's own time, so the time already waited is dropped with the lead-in.
  return { state: { ...state, stepStartedAt: state.stepStartedAt + since, leadInMs: 0, cueMark: 1 }, effects: [] };
}

/** Start and Dismiss never reach a routine under way: `applyRoutineCommand` answers them first. */
type ActiveCommand = Exclude<RoutineCommand, { type: 'start' | 'dismiss' }>;

function commandOnActive(state: Active, command: ActiveCommand, now: number): TimerResult {
  switch (command.type) {
    case 'pause':
      return state.status === 'paused' ? { state, effects: [] } : { state: { ...state, status: 'paused', pausedAt: now }, effects: [] };
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
      return { state: next, effects: [] };
    }
    case 'skip':
      // Skipping a lead-in means "I'm ready": the step itself starts now.
      if (leadInRemainingMs(state, now) > 0) return skipLeadIn(state, now);
      return state.stepIndex + 1 >= state.steps.length ? finish(booked(state, now), 'completed', now) : goToStep(state, state.stepIndex + 1, now);
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
      return { state: held, effects: [] };
    }
    case 'undoStop':
      // Nothing to undo (another view undid it first): the routine simply goes on.
      return { state, effects: [] };
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
      return { ...finish(booked(state, state.pausedAt), 'stopped', state.pausedAt), state: IDLE };
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
  else if (command.type === 'dismiss') result = current.status === 'finished' ? { state: IDLE, effects: [] } : { state: current, effects: [] };
  else if (isActive(current)) result = commandOnActive(current, command, now);
  // Stop asks for no routine to run, which already holds.
  else result = { state: current, effects: [], rejected: command.type === 'stop' ? undefined : command.type === 'undoStop' ? 'undoExpired' : 'notRunning' };
  return { ...result, effects: [...caughtUp.effects, ...result.effects] };
}
