import { describe, expect, it } from 'vitest';
import {
  COMPLETION_GRACE_MS,
  IDLE,
  UNDO_STOP_MS,
  applyRoutineCommand,
  isStopping,
  undoStopUntil,
  routineRemainingMs,
  stepEndsAt,
  stepRemainingMs,
  tick,
  type RoutineState,
  type TimerEffect,
} from '@/utils/routine/timer';
import type { Step } from '@/utils/routine/presets';

const T0 = 1_800_000_000_000;
const S = 1000;

const step = (id: string, durationSec: number, enabled = true): Step => ({ id, kind: 'roll', side: 'left', durationSec, enabled });
const STEPS = [step('a', 60), step('b', 30), step('c', 45)];

function started(at = T0): RoutineState {
  return applyRoutineCommand(IDLE, { type: 'start', presetId: 'desk', steps: STEPS }, at).state;
}

/** Stop at `at`, with the time to undo it let run out: the routine as it is logged. */
function stoppedFor(state: RoutineState, at: number): RoutineState {
  return tick(applyRoutineCommand(state, { type: 'stop' }, at).state, at + UNDO_STOP_MS).state;
}

type Active = Extract<RoutineState, { status: 'running' | 'paused' }>;
const active = (s: RoutineState) => s as Active;
const types = (effects: TimerEffect[]) => effects.map((e) => e.type);

describe('start', () => {
  it('runs the first step, to end after its length', () => {
    const result = applyRoutineCommand(IDLE, { type: 'start', presetId: 'desk', steps: STEPS }, T0);
    expect(result.state).toMatchObject({ status: 'running', stepIndex: 0, stepStartedAt: T0, pausedMs: 0 });
    expect(result.effects).toEqual([{ type: 'routineStarted', at: T0 }]);
    expect(stepEndsAt(result.state)).toBe(T0 + 60 * S);
  });

  it('leaves out the steps that are turned off', () => {
    const result = applyRoutineCommand(IDLE, { type: 'start', presetId: 'x', steps: [step('a', 60, false), step('b', 30)] }, T0);
    expect(active(result.state).steps.map((s) => s.id)).toEqual(['b']);
  });

  it.each([
    ['no steps at all', []],
    ['every step turned off', [step('a', 60, false)]],
  ])('refuses a routine with %s', (_, steps) => {
    const result = applyRoutineCommand(IDLE, { type: 'start', presetId: 'x', steps }, T0);
    expect(result).toEqual({ state: IDLE, effects: [], rejected: 'noSteps' });
  });

  it('refuses to start a second routine over a running one', () => {
    const running = started();
    const result = applyRoutineCommand(running, { type: 'start', presetId: 'another', steps: STEPS }, T0 + S);
    expect(result.rejected).toBe('alreadyRunning');
    expect(result.state).toBe(running);
  });

  it.each([
    ['running', () => started()],
    ['paused', () => applyRoutineCommand(started(), { type: 'pause' }, T0 + S).state],
  ])('a repeated start of the routine already %s is no error and changes nothing', (_, before) => {
    const state = before();
    const result = applyRoutineCommand(state, { type: 'start', presetId: active(state).presetId, steps: STEPS }, T0 + 2 * S);
    expect(result.rejected).toBeUndefined();
    expect(result.state).toBe(state);
    expect(result.effects).toEqual([]);
  });

  it('starts afresh from the finish view', () => {
    const finished = stoppedFor(started(), T0 + S);
    expect(applyRoutineCommand(finished, { type: 'start', presetId: 'desk', steps: STEPS }, T0 + 2 * S).state.status).toBe('running');
  });
});

describe('time left', () => {
  it('is worked out from timestamps', () => {
    const s = active(started());
    expect(stepRemainingMs(s, T0 + 10 * S)).toBe(50 * S);
    expect(routineRemainingMs(s, T0 + 10 * S)).toBe((50 + 30 + 45) * S);
    expect(stepRemainingMs(s, T0 + 999 * S)).toBe(0);
  });

  it('stands still while paused', () => {
    const paused = applyRoutineCommand(started(), { type: 'pause' }, T0 + 10 * S).state;
    expect(stepRemainingMs(active(paused), T0 + 500 * S)).toBe(50 * S);
    expect(stepEndsAt(paused)).toBeUndefined();
  });
});

describe('tick', () => {
  it('does nothing before the step ends', () => {
    const s = started();
    expect(tick(s, T0 + 56_999)).toEqual({ state: s, effects: [] });
  });

  it('moves to the next step at its end, with one cue, and dates that step’s end', () => {
    const result = tick(started(), T0 + 60 * S);
    expect(result.state).toMatchObject({ stepIndex: 1, stepStartedAt: T0 + 60 * S });
    expect(result.effects).toEqual([{ type: 'stepCue', stepIndex: 1, step: STEPS[1], stepCount: 3 }]);
    expect(stepEndsAt(result.state)).toBe(T0 + 90 * S);
  });

  it('dates the new step from the old one’s end, so a late alarm causes no drift', () => {
    const result = tick(started(), T0 + 61_500);
    expect(active(result.state).stepStartedAt).toBe(T0 + 60 * S);
    expect(stepEndsAt(result.state)).toBe(T0 + 90 * S);
  });

  it('passes every step a very late tick missed, with a single cue', () => {
    const result = tick(started(), T0 + 95 * S);
    expect(result.state).toMatchObject({ stepIndex: 2, stepStartedAt: T0 + 90 * S });
    expect(types(result.effects).filter((t) => t === 'stepCue')).toHaveLength(1);
  });

  it('completes the routine at the last step’s end', () => {
    const result = tick(started(), T0 + 135 * S);
    expect(result.state).toEqual({
      status: 'finished',
      presetId: 'desk',
      outcome: 'completed',
      startedAt: T0,
      endedAt: T0 + 135 * S,
      durationMs: 135 * S,
      stepsDone: 3,
      stepsTotal: 3,
    });
    expect(stepEndsAt(result.state)).toBeUndefined();
    expect(result.effects).toEqual([
      { type: 'log', event: { type: 'routineCompleted', at: T0 + 135 * S, presetId: 'desk', durationMs: 135 * S, stepsDone: 3, stepsTotal: 3 } },
      { type: 'routineEnded', at: T0 + 135 * S, outcome: 'completed' },
      { type: 'finishCue' },
    ]);
  });

  it('still counts a routine noticed within the grace period as completed', () => {
    expect(tick(started(), T0 + 135 * S + COMPLETION_GRACE_MS).state).toMatchObject({ outcome: 'completed' });
  });

  it('logs a routine whose end was noticed only after the grace period as stopped, with no cue', () => {
    const result = tick(started(), T0 + 135 * S + COMPLETION_GRACE_MS + 1);
    expect(result.state).toMatchObject({ status: 'finished', outcome: 'stopped', stepsDone: 0, endedAt: T0 + 135 * S });
    expect(types(result.effects)).toEqual(['log', 'routineEnded']);
    expect(result.effects[0]).toMatchObject({ event: { type: 'routineStopped' } });
  });

  it('never moves a paused routine', () => {
    const paused = applyRoutineCommand(started(), { type: 'pause' }, T0 + 59 * S).state;
    expect(tick(paused, T0 + 3600 * S)).toEqual({ state: paused, effects: [] });
  });

  it.each<RoutineState>([
    IDLE,
    { status: 'finished', presetId: 'desk', outcome: 'completed', startedAt: T0, endedAt: T0, durationMs: 0, stepsDone: 1, stepsTotal: 1 },
  ])('ignores a repeated alarm once the routine is %# over', (state) => {
    expect(tick(state, T0 + 9999 * S)).toEqual({ state, effects: [] });
  });
});

describe('pause and resume', () => {
  it('pause leaves no step end to wake for; resume puts it later by the time paused', () => {
    const paused = applyRoutineCommand(started(), { type: 'pause' }, T0 + 10 * S);
    expect(paused.state).toMatchObject({ status: 'paused', pausedAt: T0 + 10 * S });
    expect(paused.effects).toEqual([]);
    expect(stepEndsAt(paused.state)).toBeUndefined();
    const resumed = applyRoutineCommand(paused.state, { type: 'resume' }, T0 + 70 * S);
    expect(resumed.state).toMatchObject({ status: 'running', pausedMs: 60 * S });
    expect(resumed.state).not.toHaveProperty('pausedAt');
    expect(resumed.effects).toEqual([]);
    expect(stepEndsAt(resumed.state)).toBe(T0 + 120 * S);
  });

  it('pausing exactly at a step end pauses the next step, not the ended one', () => {
    const result = applyRoutineCommand(started(), { type: 'pause' }, T0 + 60 * S);
    expect(result.state).toMatchObject({ status: 'paused', stepIndex: 1 });
    expect(types(result.effects)).toEqual(['stepCue']);
    expect(stepEndsAt(result.state)).toBeUndefined();
  });

  it('leaves paused time out of the routine’s logged length', () => {
    let s = applyRoutineCommand(started(), { type: 'pause' }, T0 + 10 * S).state;
    s = applyRoutineCommand(s, { type: 'resume' }, T0 + 310 * S).state;
    const done = tick(s, T0 + 435 * S);
    expect(done.state).toMatchObject({ outcome: 'completed', durationMs: 135 * S });
  });

  it.each([
    ['pause while paused', 'pause', 'paused'],
    ['resume while running', 'resume', 'running'],
  ] as const)('%s changes nothing', (_, type, status) => {
    let s = started();
    if (status === 'paused') s = applyRoutineCommand(s, { type: 'pause' }, T0).state;
    const result = applyRoutineCommand(s, { type }, T0 + S);
    expect(result).toEqual({ state: s, effects: [] });
  });
});

describe('skip, back and restart', () => {
  it('skip starts the next step now', () => {
    const result = applyRoutineCommand(started(), { type: 'skip' }, T0 + 20 * S);
    expect(result.state).toMatchObject({ stepIndex: 1, stepStartedAt: T0 + 20 * S });
    expect(result.effects).toEqual([]);
    expect(stepEndsAt(result.state)).toBe(T0 + 50 * S);
  });

  it('skipping every step does not count as a completed routine', () => {
    let s = started();
    s = applyRoutineCommand(s, { type: 'skip' }, T0 + S).state;
    s = applyRoutineCommand(s, { type: 'skip' }, T0 + 2 * S).state;
    const result = applyRoutineCommand(s, { type: 'skip' }, T0 + 3 * S);
    expect(result.state).toMatchObject({ status: 'finished', outcome: 'stopped', stepsDone: 0, durationMs: 3 * S });
    expect(result.effects).toContainEqual(expect.objectContaining({ type: 'log', event: expect.objectContaining({ type: 'routineStopped' }) }));
    expect(types(result.effects)).not.toContain('finishCue');
  });

  it('skipping the last step completes the routine once half its length was spent in steps', () => {
    let s = started();
    s = applyRoutineCommand(s, { type: 'skip' }, T0 + 60 * S).state; // a ran out (60 s), b skipped at once
    const result = applyRoutineCommand(s, { type: 'skip' }, T0 + 70 * S); // c: 10 s; 70 of 135 s
    expect(result.state).toMatchObject({ status: 'finished', outcome: 'completed', stepsDone: 1 });
    expect(types(result.effects)).toContain('finishCue');
  });

  it('back restarts the previous step', () => {
    const second = applyRoutineCommand(started(), { type: 'skip' }, T0 + S).state;
    const result = applyRoutineCommand(second, { type: 'back' }, T0 + 5 * S);
    expect(result.state).toMatchObject({ stepIndex: 0, stepStartedAt: T0 + 5 * S, pausedMs: 0 });
    expect(result.effects).toEqual([]);
    expect(stepEndsAt(result.state)).toBe(T0 + 65 * S);
  });

  it('back on the first step restarts it', () => {
    const result = applyRoutineCommand(started(), { type: 'back' }, T0 + 30 * S);
    expect(result.state).toMatchObject({ stepIndex: 0, stepStartedAt: T0 + 30 * S });
  });

  it('restartStep starts the current step again', () => {
    const result = applyRoutineCommand(started(), { type: 'restartStep' }, T0 + 40 * S);
    expect(stepEndsAt(result.state)).toBe(T0 + 100 * S);
  });

  it('skip while paused moves on and stays paused, with no step end to wake for', () => {
    const paused = applyRoutineCommand(started(), { type: 'pause' }, T0 + 10 * S).state;
    const result = applyRoutineCommand(paused, { type: 'skip' }, T0 + 40 * S);
    expect(result.state).toMatchObject({ status: 'paused', stepIndex: 1, pausedAt: T0 + 40 * S, routinePausedMs: 30 * S });
    expect(result.effects).toEqual([]);
    expect(stepEndsAt(result.state)).toBeUndefined();
    expect(stepRemainingMs(active(result.state), T0 + 999 * S)).toBe(30 * S);
  });
});

describe('stop and dismiss', () => {
  it('stop holds the routine for a few seconds, then logs it as stopped at the moment of the Stop', () => {
    // Half the first step spent: it counts as done.
    const second = applyRoutineCommand(started(), { type: 'skip' }, T0 + 30 * S).state;
    const held = applyRoutineCommand(second, { type: 'stop' }, T0 + 40 * S);
    expect(held.state).toMatchObject({ status: 'paused', pausedAt: T0 + 40 * S, undoTo: 'running', stepIndex: 1 });
    expect(held.effects).toEqual([]);
    expect(stepEndsAt(held.state)).toBeUndefined();
    expect(undoStopUntil(held.state)).toBe(T0 + 40 * S + UNDO_STOP_MS);
    // Not yet: one millisecond before the window closes nothing is logged.
    expect(tick(held.state, T0 + 40 * S + UNDO_STOP_MS - 1)).toEqual({ state: held.state, effects: [] });
    const result = tick(held.state, T0 + 40 * S + UNDO_STOP_MS);
    expect(result.state).toMatchObject({ status: 'finished', outcome: 'stopped', stepsDone: 1, stepsTotal: 3, durationMs: 40 * S, endedAt: T0 + 40 * S });
    expect(result.effects).toContainEqual({ type: 'routineEnded', at: T0 + 40 * S, outcome: 'stopped' });
  });

  it('stop while paused leaves the pause out of the length', () => {
    const paused = applyRoutineCommand(started(), { type: 'pause' }, T0 + 10 * S).state;
    expect(stoppedFor(paused, T0 + 100 * S)).toMatchObject({ durationMs: 10 * S });
  });

  it('dismiss returns from the finish view to idle', () => {
    const finished = stoppedFor(started(), T0 + S);
    expect(applyRoutineCommand(finished, { type: 'dismiss' }, T0 + 10 * S)).toEqual({ state: IDLE, effects: [] });
  });

  it('dismiss while a Stop can still be undone ends the routine at once, logged at the Stop', () => {
    const held = applyRoutineCommand(started(), { type: 'stop' }, T0 + 10 * S).state;
    const result = applyRoutineCommand(held, { type: 'dismiss' }, T0 + 12 * S);
    expect(result.state).toEqual(IDLE);
    expect(result.effects).toContainEqual({ type: 'routineEnded', at: T0 + 10 * S, outcome: 'stopped' });
    expect(result.effects).toContainEqual({ type: 'log', event: expect.objectContaining({ type: 'routineStopped', at: T0 + 10 * S, durationMs: 10 * S }) });
  });

  it.each(['pause', 'resume', 'skip', 'back', 'restartStep'] as const)('%s with no routine is refused', (type) => {
    expect(applyRoutineCommand(IDLE, { type }, T0)).toEqual({ state: IDLE, effects: [], rejected: 'notRunning' });
  });

  it('stop with no routine running (a double-click on Stop) is no error and changes nothing', () => {
    const finished = applyRoutineCommand(started(), { type: 'stop' }, T0 + S).state;
    for (const state of [IDLE, finished]) {
      const result = applyRoutineCommand(state, { type: 'stop' }, T0 + 2 * S);
      expect(result.rejected).toBeUndefined();
      expect(result.state).toBe(state);
      expect(result.effects).toEqual([]);
    }
  });

  it('a command arriving after the routine ran out acts on the finished routine', () => {
    const result = applyRoutineCommand(started(), { type: 'skip' }, T0 + 140 * S);
    expect(result.state).toMatchObject({ status: 'finished', outcome: 'completed' });
    expect(result.rejected).toBe('notRunning');
  });
});

describe('undo a stop', () => {
  const STOP_AT = T0 + 20 * S;

  it('within the time limit, a running routine runs on from where it was stopped', () => {
    const held = applyRoutineCommand(started(), { type: 'stop' }, STOP_AT).state;
    const undone = applyRoutineCommand(held, { type: 'undoStop' }, STOP_AT + UNDO_STOP_MS - 1);
    expect(undone.state).toMatchObject({ status: 'running', stepIndex: 0 });
    expect(isStopping(undone.state)).toBe(false);
    expect(undone.state).not.toHaveProperty('undoTo');
    // The step had 40 s left at the Stop, and has them still: the seconds in between count as a pause.
    expect(stepRemainingMs(active(undone.state), STOP_AT + UNDO_STOP_MS - 1)).toBe(40 * S);
    expect(undone.effects).toEqual([]);
    expect(stepEndsAt(undone.state)).toBe(STOP_AT + UNDO_STOP_MS - 1 + 40 * S);
    // Nothing was logged, and the routine ends as a whole later, once.
    expect(tick(undone.state, T0 + 999 * S).effects.filter((e) => e.type === 'log')).toHaveLength(1);
  });

  it('a routine that was paused comes back paused, with its pause kept out of the length', () => {
    const paused = applyRoutineCommand(started(), { type: 'pause' }, T0 + 10 * S).state;
    const held = applyRoutineCommand(paused, { type: 'stop' }, STOP_AT);
    const undone = applyRoutineCommand(held.state, { type: 'undoStop' }, STOP_AT + 2 * S).state;
    expect(undone).toMatchObject({ status: 'paused', stepIndex: 0 });
    expect(stepRemainingMs(active(undone), T0 + 999 * S)).toBe(50 * S);
    const resumed = applyRoutineCommand(undone, { type: 'resume' }, T0 + 100 * S).state;
    expect(stepRemainingMs(active(resumed), T0 + 100 * S)).toBe(50 * S);
    expect(stoppedFor(resumed, T0 + 110 * S)).toMatchObject({ durationMs: 20 * S });
  });

  it('after the time limit it is refused as too late, and the routine is logged as stopped at the Stop', () => {
    const held = applyRoutineCommand(started(), { type: 'stop' }, STOP_AT).state;
    const late = applyRoutineCommand(held, { type: 'undoStop' }, STOP_AT + UNDO_STOP_MS);
    expect(late.rejected).toBe('undoExpired');
    expect(late.state).toMatchObject({ status: 'finished', outcome: 'stopped', endedAt: STOP_AT });
    expect(late.effects).toContainEqual({ type: 'routineEnded', at: STOP_AT, outcome: 'stopped' });
  });

  it('a second Undo (from another view) changes nothing; Undo with no routine is too late', () => {
    const held = applyRoutineCommand(started(), { type: 'stop' }, STOP_AT).state;
    const undone = applyRoutineCommand(held, { type: 'undoStop' }, STOP_AT + S).state;
    expect(applyRoutineCommand(undone, { type: 'undoStop' }, STOP_AT + 2 * S)).toEqual({ state: undone, effects: [] });
    expect(applyRoutineCommand(IDLE, { type: 'undoStop' }, T0)).toEqual({ state: IDLE, effects: [], rejected: 'undoExpired' });
  });

  it.each(['pause', 'resume', 'skip', 'back', 'restartStep'] as const)('%s while a Stop can be undone is refused and changes nothing', (type) => {
    const held = applyRoutineCommand(started(), { type: 'stop' }, STOP_AT).state;
    expect(applyRoutineCommand(held, { type }, STOP_AT + S)).toEqual({ state: held, effects: [], rejected: 'notRunning' });
  });

  it('Stop pressed twice keeps the first moment', () => {
    const held = applyRoutineCommand(started(), { type: 'stop' }, STOP_AT).state;
    expect(applyRoutineCommand(held, { type: 'stop' }, STOP_AT + 3 * S)).toEqual({ state: held, effects: [] });
  });
});
