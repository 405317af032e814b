import { describe, expect, it } from 'vitest';
import { restMismatch, rebaseRoutine, routineViolations } from '@/utils/jobs/invariants';
import { runJob, type JobInput } from '@/utils/jobs/run';
import { BUILT_IN_PRESETS } from '@/utils/routine/presets';
import { IDLE, stepRemainingMs, type RoutineState } from '@/utils/routine/timer';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { initialSittingState, type SittingState } from '@/utils/sitting/rules';
import type { AppState } from '@/utils/jobs/invariants';

const S = 1000;
const H = 3_600_000;
// Wednesday 25 November 2026, 10:00 local; every day active, all day.
const T0 = new Date(2026, 10, 25, 10, 0).getTime();
// No lead-in: these tests time steps to their ends (the lead-in has tests of its own).
const settings = { ...DEFAULT_SETTINGS, activeDays: [0, 1, 2, 3, 4, 5, 6], activeStart: '00:00', activeEnd: '23:59', leadInSec: 0 };
const ctx = (now: number) => ({ now, settings, presets: BUILT_IN_PRESETS, busy: false });

/** Runs jobs in turn, as the background's queue does, and returns the last result with every event seen. */
function replay(steps: Array<[number, JobInput]>, start: AppState = { sitting: initialSittingState(T0), routine: IDLE }) {
  let state = start;
  const events: Array<{ type: string }> = [];
  let last = runJob(state, { type: 'start' }, ctx(start.sitting.lastSeenAt));
  for (const [now, input] of steps) {
    last = runJob(state, input, ctx(now));
    state = last.state;
    events.push(...last.events);
  }
  return { state, events, last };
}

const start: JobInput = { type: 'routine', request: { type: 'start', presetId: 'desk' } };
const pause: JobInput = { type: 'routine', request: { type: 'pause' } };
const resume: JobInput = { type: 'routine', request: { type: 'resume' } };
const stop: JobInput = { type: 'routine', request: { type: 'stop' } };
const refresh: JobInput = { type: 'sitting', input: { type: 'alarm' } };
const active = (state: RoutineState) => {
  if (state.status !== 'running' && state.status !== 'paused') throw new Error(`not active: ${state.status}`);
  return state;
};

describe('one job moves the routine and the sitting clock together', () => {
  it('a routine that starts rests the sitting clock in the same result', () => {
    const { state } = replay([[T0, { type: 'start' }], [T0 + 10 * S, start]]);
    expect(state.routine.status).toBe('running');
    expect(state.sitting.routineSince).toBe(T0 + 10 * S);
    expect(state.sitting.sittingSince).toBeUndefined();
  });

  it.each([
    ['Stop', [T0 + 30 * S, stop] as [number, JobInput], 'routineStopped'],
    ['the last step running out', [T0 + 10 * S + 5 * 60 * S, { type: 'stepAlarm' }] as [number, JobInput], 'routineCompleted'],
  ])('%s ends the routine, logs it once and restarts the sitting clock, all in one result', (_, last, logged) => {
    const { state, last: result } = replay([[T0, { type: 'start' }], [T0 + 10 * S, start], last]);
    expect(state.routine.status).toBe('finished');
    expect(state.sitting.routineSince).toBeUndefined();
    expect(state.sitting.sittingSince).toBe(last[0]);
    expect(result.events.filter((e) => e.type === logged)).toHaveLength(1);
  });

  it('refuses a start with no step turned on, and says why', () => {
    const presets = BUILT_IN_PRESETS.map((p) => ({ ...p, steps: p.steps.map((s) => ({ ...s, enabled: false })) }));
    const result = runJob({ sitting: initialSittingState(T0), routine: IDLE }, { type: 'startBreak' }, { ...ctx(T0), presets });
    expect(result.reply).toEqual({ ok: false, error: 'error_no_steps' });
    expect(result.state.routine).toBe(IDLE);
  });

  it('a button on a reminder that has passed only clears it, and says so', () => {
    const result = runJob({ sitting: initialSittingState(T0), routine: IDLE }, { type: 'startBreak', reminderId: 'rold' }, ctx(T0));
    expect(result.reply).toEqual({ ok: false, error: 'error_stale_reminder' });
    expect(result.effects).toEqual([{ type: 'clearReminder', reminderId: 'rold' }]);
  });
});

describe('a clock that goes back', () => {
  it('while running: the step keeps the time it had left, and keeps counting down', () => {
    const { state } = replay([[T0, { type: 'start' }], [T0 + 10 * S, start], [T0 + 40 * S, refresh], [T0 + 41 * S - 3 * H, refresh]]);
    const routine = active(state.routine);
    expect(stepRemainingMs(routine, T0 + 41 * S - 3 * H)).toBe(90 * S - 30 * S);
    expect(stepRemainingMs(routine, T0 + 51 * S - 3 * H)).toBe(90 * S - 40 * S);
  });

  it('while paused: Resume keeps the routine, with no negative pause', () => {
    const { state, events } = replay([[T0, { type: 'start' }], [T0 + 10 * S, start], [T0 + 40 * S, pause], [T0 + 50 * S - 3 * H, resume]]);
    const routine = active(state.routine);
    expect(routine.status).toBe('running');
    expect(routine.pausedMs).toBeGreaterThanOrEqual(0);
    expect(routine.routinePausedMs).toBeGreaterThanOrEqual(0);
    expect(stepRemainingMs(routine, T0 + 50 * S - 3 * H)).toBe(60 * S);
    expect(events).toContainEqual(expect.objectContaining({ type: 'repaired', invariant: 'clockWentBack' }));
  });

  it('while sitting: no negative stretch and no fake break', () => {
    const { state, events } = replay([[T0, { type: 'start' }], [T0 + 60 * S, refresh], [T0 + 120 * S, refresh], [T0 + 120 * S - 3 * H, refresh]]);
    expect(state.sitting.sittingSince).toBeLessThanOrEqual(T0 + 120 * S - 3 * H);
    expect(events.filter((e) => e.type === 'breakTaken')).toEqual([]);
    expect(events.filter((e) => 'durationMs' in e && (e as { durationMs: number }).durationMs < 0)).toEqual([]);
  });
});

describe('invariants and their repairs', () => {
  const running = (): RoutineState => {
    const result = runJob({ sitting: initialSittingState(T0), routine: IDLE }, start, ctx(T0));
    return result.state.routine;
  };
  const resting: SittingState = { lastSeenAt: T0, routineSince: T0 };

  it.each([
    ['the sitting clock rests for a routine that is not running', { sitting: resting, routine: IDLE }, 'restingWithoutRoutine'],
    ['a routine runs while the sitting clock counts', () => ({ sitting: { lastSeenAt: T0, sittingSince: T0 }, routine: running() }), 'routineWithoutRest'],
  ] as const)('finds %s', (_, make, repair) => {
    const state = typeof make === 'function' ? make() : make;
    expect(restMismatch(state)).toBe(repair);
  });

  it('repairs a sitting clock left resting by a crash: it counts again, with its alarm plan, and the repair is logged', () => {
    const result = runJob({ sitting: resting, routine: IDLE }, { type: 'start' }, ctx(T0 + 60 * S));
    expect(result.state.sitting.routineSince).toBeUndefined();
    expect(result.state.sitting.sittingSince).toBe(T0 + 60 * S);
    expect(result.events).toContainEqual({ type: 'repaired', at: T0 + 60 * S, invariant: 'restingWithoutRoutine' });
  });

  it('repairs a routine that runs while the sitting clock counts: the clock rests', () => {
    const result = runJob({ sitting: { lastSeenAt: T0, sittingSince: T0 - 10 * 60 * S }, routine: running() }, refresh, ctx(T0 + 5 * S));
    expect(result.state.sitting.routineSince).toBeDefined();
    expect(result.events).toContainEqual(expect.objectContaining({ type: 'repaired', invariant: 'routineWithoutRest' }));
  });

  it('brings a routine stored in the future back to now', () => {
    const future = active(running());
    const shifted = { ...future, stepStartedAt: T0 + H, startedAt: T0 + H };
    const [violation] = routineViolations({ sitting: { lastSeenAt: T0 }, routine: shifted }, T0);
    expect(violation?.repair).toBe('clockWentBack');
    expect(active(violation!.routine).stepStartedAt).toBe(T0);
  });

  it('leaves a routine alone when the clock has not gone back', () => {
    const routine = running();
    expect(rebaseRoutine(routine, T0, T0 + S)).toBe(routine);
    expect(routineViolations({ sitting: { lastSeenAt: T0 }, routine }, T0 + S)).toEqual([]);
  });
});
