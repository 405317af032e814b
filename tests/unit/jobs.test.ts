import { describe, expect, it } from 'vitest';
import { restMismatch, rebaseRoutine, routineViolations } from '@/utils/jobs/invariants';
import { runJob, type JobInput } from '@/utils/jobs/run';
import { BUILT_IN_PRESETS } from '@/utils/routine/presets';
import { IDLE, UNDO_STOP_MS, stepRemainingMs, type RoutineState } from '@/utils/routine/timer';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { initialSittingState, type SittingState } from '@/utils/sitting/rules';
import type { AppState } from '@/utils/jobs/invariants';

const S = 1000;
const H = 3_600_000;
// Wednesday 25 November 2026, 10:00 local; every day active, all day.
const T0 = new Date(2026, 10, 25, 10, 0).getTime();
// No lead-in: these tests time steps to their ends (the lead-in has tests of its own).
const settings = { ...DEFAULT_SETTINGS, activeDays: [0, 1, 2, 3, 4, 5, 6], activeStart: '00:00', activeEnd: '23:59', leadInSec: 0 };
const ctx = (now: number) => ({ now, settings, presets: BUILT_IN_PRESETS, busy: false, deviceId: 'this-device' });

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
    const { state } = replay([
      [T0, { type: 'start' }],
      [T0 + 10 * S, start],
    ]);
    expect(state.routine.status).toBe('running');
    expect(state.sitting.routineSince).toBe(T0 + 10 * S);
    expect(state.sitting.sittingSince).toBeUndefined();
  });

  it.each([
    [
      'Stop, once it can no longer be undone',
      [
        [T0 + 30 * S, stop],
        [T0 + 30 * S + UNDO_STOP_MS, { type: 'stepAlarm' }],
      ] as Array<[number, JobInput]>,
      T0 + 30 * S,
      'routineStopped',
    ],
    [
      'Stop, then Done',
      [
        [T0 + 30 * S, stop],
        [T0 + 32 * S, { type: 'routine', request: { type: 'dismiss' } }],
      ] as Array<[number, JobInput]>,
      T0 + 30 * S,
      'routineStopped',
    ],
    [
      'the last step running out',
      [[T0 + 10 * S + 5 * 60 * S, { type: 'stepAlarm' }]] as Array<[number, JobInput]>,
      T0 + 10 * S + 5 * 60 * S,
      'routineCompleted',
    ],
  ])('%s ends the routine, logs it once and restarts the sitting clock, all in one result', (_, last, endedAt, logged) => {
    const { state, last: result } = replay([[T0, { type: 'start' }], [T0 + 10 * S, start], ...last]);
    expect(state.routine.status === 'finished' || state.routine.status === 'idle').toBe(true);
    expect(state.sitting.routineSince).toBeUndefined();
    expect(state.sitting.sittingSince).toBe(endedAt);
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

describe('the test reminder, which is never stored', () => {
  const sitting: SittingState = { sittingSince: T0 - 3 * 60_000, lastSeenAt: T0 };

  it('Start starts the break routine, takes the test off the screen and opens the timer, as a real reminder does', () => {
    const result = runJob({ sitting, routine: IDLE }, { type: 'startBreak', reminderId: 'test' }, ctx(T0));
    expect(result.reply).toEqual({ ok: true });
    expect(active(result.state.routine).presetId).toBe(settings.breakPresetId);
    expect(result.effects).toEqual(expect.arrayContaining([{ type: 'clearReminder', reminderId: 'test' }, { type: 'openPopOut' }]));
  });

  it('Start opens no timer window when the user turned that off', () => {
    const result = runJob(
      { sitting, routine: IDLE },
      { type: 'startBreak', reminderId: 'test' },
      { ...ctx(T0), settings: { ...settings, openPopOutOnStart: false } },
    );
    expect(result.reply).toEqual({ ok: true });
    expect(result.effects).not.toContainEqual({ type: 'openPopOut' });
  });

  it.each(['snooze', 'skip'] as const)('%s takes it off the screen and leaves the real sitting clock and history alone', (type) => {
    const result = runJob({ sitting, routine: IDLE }, { type: 'sitting', input: { type, reminderId: 'test' } }, ctx(T0));
    expect(result.reply).toEqual({ ok: true });
    expect(result.effects).toEqual([{ type: 'clearReminder', reminderId: 'test' }]);
    expect(result.events).toEqual([]);
    expect(result.state.sitting).toEqual(sitting);
  });
});

describe('a clock that goes back', () => {
  it('while running: the step keeps the time it had left, and keeps counting down', () => {
    const { state } = replay([
      [T0, { type: 'start' }],
      [T0 + 10 * S, start],
      [T0 + 40 * S, refresh],
      [T0 + 41 * S - 3 * H, refresh],
    ]);
    const routine = active(state.routine);
    expect(stepRemainingMs(routine, T0 + 41 * S - 3 * H)).toBe(90 * S - 30 * S);
    expect(stepRemainingMs(routine, T0 + 51 * S - 3 * H)).toBe(90 * S - 40 * S);
  });

  it('while paused: Resume keeps the routine, with no negative pause', () => {
    const { state, events } = replay([
      [T0, { type: 'start' }],
      [T0 + 10 * S, start],
      [T0 + 40 * S, pause],
      [T0 + 50 * S - 3 * H, resume],
    ]);
    const routine = active(state.routine);
    expect(routine.status).toBe('running');
    expect(routine.pausedMs).toBeGreaterThanOrEqual(0);
    expect(routine.routinePausedMs).toBeGreaterThanOrEqual(0);
    expect(stepRemainingMs(routine, T0 + 50 * S - 3 * H)).toBe(60 * S);
    expect(events).toContainEqual(expect.objectContaining({ type: 'repaired', invariant: 'clockWentBack' }));
  });

  it('while sitting: no negative stretch and no fake break', () => {
    const { state, events } = replay([
      [T0, { type: 'start' }],
      [T0 + 60 * S, refresh],
      [T0 + 120 * S, refresh],
      [T0 + 120 * S - 3 * H, refresh],
    ]);
    expect(state.sitting.sittingSince).toBeLessThanOrEqual(T0 + 120 * S - 3 * H);
    expect(events.filter((e) => e.type === 'breakTaken')).toEqual([]);
    expect(events.filter((e) => 'durationMs' in e && (e as { durationMs: number }).durationMs < 0)).toEqual([]);
  });
});

describe('a Stop that can be undone, across worker kills and a clock set back', () => {
  const undo: JobInput = { type: 'routine', request: { type: 'undoStop' } };
  const STOP_AT = T0 + 40 * S;
  const begun: Array<[number, JobInput]> = [
    [T0, { type: 'start' }],
    [T0 + 10 * S, start],
    [STOP_AT, stop],
  ];

  it('holds the routine, and the sitting clock keeps resting, until the time to undo runs out', () => {
    const { state, events } = replay(begun);
    expect(state.routine).toMatchObject({ status: 'paused', undoTo: 'running', pausedAt: STOP_AT });
    expect(state.sitting.routineSince).toBe(T0 + 10 * S);
    expect(events.filter((e) => e.type === 'routineStopped')).toEqual([]);
  });

  it('a worker killed after the Stop: the next worker, started within the limit, still takes the Undo', () => {
    // Each job starts from the stored state alone, as a fresh worker does; its own start job comes first.
    const { state } = replay([...begun, [STOP_AT + 3 * S, { type: 'start' }], [STOP_AT + 4 * S, undo]]);
    expect(state.routine).toMatchObject({ status: 'running' });
    expect(stepRemainingMs(active(state.routine), STOP_AT + 4 * S)).toBe(60 * S);
  });

  it('a worker that only starts after the limit logs the routine as stopped at the Stop, once, and refuses a late Undo', () => {
    const { state, events, last } = replay([...begun, [STOP_AT + 60 * S, { type: 'start' }], [STOP_AT + 61 * S, undo]]);
    expect(last.reply).toEqual({ ok: false, error: 'error_undo_expired' });
    expect(state.routine).toMatchObject({ status: 'finished', outcome: 'stopped', endedAt: STOP_AT, durationMs: 30 * S });
    expect(events.filter((e) => e.type === 'routineStopped')).toHaveLength(1);
    expect(state.sitting.sittingSince).toBe(STOP_AT);
  });

  it('a clock set back 3 hours moves the time to undo back with it: Undo still works within the limit, and not after', () => {
    const back = STOP_AT + 2 * S - 3 * H;
    const within = replay([...begun, [back, refresh], [back + 2 * S, undo]]);
    expect(within.last.reply).toEqual({ ok: true });
    expect(within.state.routine).toMatchObject({ status: 'running' });
    const after = replay([...begun, [back, refresh], [back + UNDO_STOP_MS, undo]]);
    expect(after.last.reply).toEqual({ ok: false, error: 'error_undo_expired' });
    expect(after.state.routine).toMatchObject({ status: 'finished', outcome: 'stopped', durationMs: 30 * S });
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

describe('keyboard shortcuts: the core decides what each does in the state it finds', () => {
  const MIN = 60 * S;
  const shortcut = (name: string): JobInput => ({ type: 'shortcut', name });
  /** Sitting since T0, seen a moment ago, with the break due. */
  const due = (): AppState => runJob({ sitting: { sittingSince: T0, lastSeenAt: T0 + 45 * MIN }, routine: IDLE }, refresh, ctx(T0 + 45 * MIN)).state;

  it('take-break starts the break routine and opens the timer window, as a reminder’s Start does', () => {
    const result = runJob(due(), shortcut('take-break'), ctx(T0 + 46 * MIN));
    expect(result.state.routine).toMatchObject({ status: 'running', presetId: settings.breakPresetId });
    expect(result.state.sitting.reminder).toBeUndefined();
    expect(result.effects).toContainEqual({ type: 'openPopOut' });
    expect(result.effects).toContainEqual({ type: 'clearReminder', reminderId: expect.any(String) as string });
  });

  it('take-break leaves the window closed when the user chose so, and a second press while it runs changes nothing', () => {
    const quiet = { ...ctx(T0), settings: { ...settings, openPopOutOnStart: false } };
    const started = runJob({ sitting: initialSittingState(T0), routine: IDLE }, shortcut('take-break'), quiet);
    expect(started.state.routine.status).toBe('running');
    expect(started.effects).not.toContainEqual({ type: 'openPopOut' });
    const again = runJob(started.state, shortcut('take-break'), ctx(T0 + 10 * S));
    // A repeated command whose result already holds is not an error.
    expect(again.reply).toEqual({ ok: true });
    expect(again.state.routine).toEqual(started.state.routine);
  });

  it('pause-resume pauses a running routine and resumes a paused one', () => {
    const { state } = replay([
      [T0, { type: 'start' }],
      [T0 + 10 * S, start],
    ]);
    const paused = runJob(state, shortcut('pause-resume'), ctx(T0 + 20 * S));
    expect(paused.state.routine.status).toBe('paused');
    const resumed = runJob(paused.state, shortcut('pause-resume'), ctx(T0 + 50 * S));
    expect(resumed.state.routine.status).toBe('running');
    expect(stepRemainingMs(active(resumed.state.routine), T0 + 50 * S)).toBe(stepRemainingMs(active(paused.state.routine), T0 + 20 * S));
  });

  it('pause-resume with no routine says that none is running', () => {
    const result = runJob({ sitting: initialSittingState(T0), routine: IDLE }, shortcut('pause-resume'), ctx(T0));
    expect(result.reply).toEqual({ ok: false, error: 'error_not_running' });
  });

  it('snooze snoozes the reminder that is due, for the snooze length', () => {
    const result = runJob(due(), shortcut('snooze'), ctx(T0 + 46 * MIN));
    expect(result.state.sitting.reminder).toMatchObject({ snoozes: 1, snoozedUntil: T0 + 46 * MIN + settings.snoozeMin * MIN });
    expect(result.events).toContainEqual(expect.objectContaining({ type: 'snoozed', count: 1 }));
  });

  it('snooze with no reminder due changes nothing', () => {
    const before: AppState = { sitting: { sittingSince: T0, lastSeenAt: T0 + MIN }, routine: IDLE };
    const result = runJob(before, shortcut('snooze'), ctx(T0 + 2 * MIN));
    expect(result.state.sitting.reminder).toBeUndefined();
    expect(result.events).toEqual([]);
  });

  it('open-side-panel opens the timer window; an unknown name is refused', () => {
    expect(runJob(due(), shortcut('open-side-panel'), ctx(T0 + 46 * MIN)).effects).toContainEqual({ type: 'openPopOut' });
    expect(runJob(due(), shortcut('stranger'), ctx(T0 + 46 * MIN)).reply).toEqual({ ok: false, error: 'error_unknown_command' });
  });
});

describe('breaks that follow the user across devices', () => {
  const MIN = 60 * S;
  const sitting = (): AppState => ({ sitting: { sittingSince: T0, lastSeenAt: T0 + 30 * MIN }, routine: IDLE });
  const received = (at: number, deviceId = 'other-device'): JobInput => ({ type: 'sharedBreak', record: { at, deviceId } });

  it('a routine that ends here shares its end, with this device’s id, whether completed or stopped', () => {
    // A Stop can be undone for a few seconds; the routine ends, at the Stop, when that window closes.
    const { last } = replay([
      [T0, { type: 'start' }],
      [T0 + 10 * S, start],
      [T0 + 40 * S, stop],
      [T0 + 40 * S + UNDO_STOP_MS, { type: 'stepAlarm' }],
    ]);
    expect(last.effects).toContainEqual({ type: 'shareBreak', record: { at: T0 + 40 * S, deviceId: 'this-device' } });
    const completed = replay([
      [T0, { type: 'start' }],
      [T0 + 10 * S, start],
      [T0 + 10 * S + 5 * MIN, { type: 'stepAlarm' }],
    ]).last;
    expect(completed.effects).toContainEqual({ type: 'shareBreak', record: { at: T0 + 10 * S + 5 * MIN, deviceId: 'this-device' } });
  });

  it('nothing is shared with the setting off, and nothing for a start, a skip or a natural break', () => {
    const off = { ...ctx(T0 + 40 * S), settings: { ...settings, followBreaks: false } };
    const { state } = replay([
      [T0, { type: 'start' }],
      [T0 + 10 * S, start],
    ]);
    const stopping = runJob(state, stop, off).state;
    const ended = runJob(stopping, { type: 'stepAlarm' }, { ...off, now: T0 + 40 * S + UNDO_STOP_MS });
    expect(ended.state.routine.status).toBe('finished');
    expect(ended.effects.filter((e) => e.type === 'shareBreak')).toEqual([]);
    const others = replay([
      [T0, { type: 'start' }],
      [T0 + MIN, { type: 'sitting', input: { type: 'skip' } }],
      [T0 + 2 * MIN, { type: 'sitting', input: { type: 'idle', idleState: 'locked', audible: false } }],
      [T0 + 12 * MIN, { type: 'sitting', input: { type: 'idle', idleState: 'active', audible: false } }],
      [T0 + 13 * MIN, start],
    ]);
    expect(others.events).toContainEqual(expect.objectContaining({ type: 'breakTaken', how: 'natural' }));
    expect(others.last.effects.filter((e) => e.type === 'shareBreak')).toEqual([]);
  });

  it('another device’s break ends this stretch as a natural break and starts a new one', () => {
    const result = runJob(sitting(), received(T0 + 29 * MIN), ctx(T0 + 30 * MIN));
    expect(result.state.sitting.sittingSince).toBe(T0 + 30 * MIN);
    expect(result.events).toContainEqual({ type: 'sittingEnded', at: T0 + 29 * MIN, startedAt: T0, durationMs: 29 * MIN });
    expect(result.events).toContainEqual({ type: 'breakTaken', at: T0 + 30 * MIN, how: 'natural' });
    // A new stretch plans its own break.
    expect(result.effects.filter((e) => e.type === 'shareBreak')).toEqual([]);
  });

  it.each([
    ['its own', received(T0 + 29 * 60 * S, 'this-device')],
    ['an old one', received(T0 + 5 * 60 * S)],
    ['one from the future', received(T0 + 40 * 60 * S)],
    ['one from before this stretch', received(T0 - 60 * S)],
    ['an unreadable one', { type: 'sharedBreak' as const, record: 'yesterday' }],
  ])('ignores %s', (_, input) => {
    const result = runJob(sitting(), input, ctx(T0 + 30 * MIN));
    expect(result.state.sitting.sittingSince).toBe(T0);
    expect(result.events).toEqual([]);
  });

  it('ignores every record with the setting off', () => {
    const off = { ...ctx(T0 + 30 * MIN), settings: { ...settings, followBreaks: false } };
    expect(runJob(sitting(), received(T0 + 29 * MIN), off).state.sitting.sittingSince).toBe(T0);
  });

  it('ignores a break elsewhere while a routine runs here', () => {
    const { state } = replay([
      [T0, { type: 'start' }],
      [T0 + 10 * S, start],
    ]);
    const result = runJob(state, received(T0 + 20 * S), ctx(T0 + 30 * S));
    expect(result.state).toEqual(runJob(state, refresh, ctx(T0 + 30 * S)).state);
  });

  it('while this device sees the user away, the stretch ends when the user left, not later', () => {
    const away: AppState = { sitting: { sittingSince: T0, awaySince: T0 + 20 * MIN, lastSeenAt: T0 + 30 * MIN }, routine: IDLE };
    const result = runJob(away, received(T0 + 29 * MIN), ctx(T0 + 30 * MIN));
    expect(result.events).toContainEqual(expect.objectContaining({ type: 'sittingEnded', at: T0 + 20 * MIN }));
    expect(result.state.sitting).toMatchObject({ sittingSince: T0 + 30 * MIN, awaySince: undefined });
  });
});
