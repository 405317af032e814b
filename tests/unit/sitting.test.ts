import { describe, expect, it } from 'vitest';
import {
  MAX_HOLD_MS,
  SITTING_ALARMS,
  initialSittingState,
  nextBreakAt,
  pauseUntil,
  plannedAlarms,
  sittingMs,
  trackSitting,
  sittingMode,
  type SittingState,
  type SittingEffect,
  type SittingInput,
  type SittingSettings,
} from '@/utils/sitting/rules';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';

const MIN = 60_000;
// Wednesday 25 November 2026, 09:00 local (Europe/Berlin in the tests); active hours Mon–Fri 08:00–18:00.
const T0 = new Date(2026, 10, 25, 9, 0).getTime();
const SETTINGS: SittingSettings = { ...DEFAULT_SETTINGS };

function run(state: SittingState, input: SittingInput, now: number, options: { busy?: boolean; settings?: Partial<SittingSettings> } = {}) {
  return trackSitting(state, input, { now, settings: { ...SETTINGS, ...options.settings }, busy: options.busy ?? false });
}

/** Feeds inputs one after another, as the background would, collecting every effect. */
function replay(steps: Array<[number, SittingInput, { busy?: boolean }?]>, start: SittingState = initialSittingState(T0)) {
  let state = start;
  const effects: SittingEffect[] = [];
  for (const [now, input, options] of steps) {
    const result = run(state, input, now, options);
    state = result.state;
    effects.push(...result.effects);
  }
  return { state, effects };
}

/**
 * Lets time pass as it does in the browser: the refresh alarm fires every
 * minute, then one last input at `until`.
 */
function advance(
  state: SittingState,
  until: number,
  last: SittingInput = { type: 'alarm' },
  options: { busy?: boolean; settings?: Partial<SittingSettings> } = {},
) {
  const effects: SittingEffect[] = [];
  for (let at = state.lastSeenAt + MIN; at < until; at += MIN) {
    const result = run(state, { type: 'alarm' }, at, options);
    state = result.state;
    effects.push(...result.effects);
  }
  const result = run(state, last, until, options);
  return { state: result.state, effects: [...effects, ...result.effects] };
}

const tracking = () => run(initialSittingState(T0), { type: 'wake' }, T0).state;
const reminders = (effects: SittingEffect[]) => effects.filter((e) => e.type === 'showReminder');
const logged = (effects: SittingEffect[]) => effects.flatMap((e) => (e.type === 'log' ? [e.event.type] : []));

describe('sitting time', () => {
  it('starts counting at the first wake inside active hours', () => {
    const state = tracking();
    expect(state.sittingSince).toBe(T0);
    expect(sittingMs(state, T0 + 12 * MIN)).toBe(12 * MIN);
    expect(nextBreakAt(state, SETTINGS)).toBe(T0 + 45 * MIN);
  });

  it('does not count outside active hours', () => {
    const saturday = new Date(2026, 10, 28, 10, 0).getTime();
    const state = run(initialSittingState(saturday), { type: 'wake' }, saturday).state;
    expect(state.sittingSince).toBeUndefined();
    expect(sittingMode(state, { now: saturday, settings: SETTINGS })).toBe('outside');
  });

  it('starts counting at the active-hours start, when the resume alarm fires', () => {
    const early = new Date(2026, 10, 25, 7, 0).getTime();
    let state = run(initialSittingState(early), { type: 'wake' }, early).state;
    expect(plannedAlarms(state, { now: early, settings: SETTINGS })).toEqual({ [SITTING_ALARMS.resume]: { when: T0 - 60 * MIN } });
    state = run(state, { type: 'alarm' }, T0 - 60 * MIN).state;
    expect(state.sittingSince).toBe(T0 - 60 * MIN);
  });
});

describe('break due', () => {
  it('shows one reminder when sitting reaches the interval, and logs it', () => {
    const { state, effects } = advance(tracking(), T0 + 45 * MIN);
    expect(effects).toEqual([
      { type: 'log', event: { type: 'breakDue', at: T0 + 45 * MIN, sittingMs: 45 * MIN } },
      { type: 'showReminder', reminderId: state.reminder!.id, sittingMs: 45 * MIN, snoozes: 0, silent: false },
    ]);
  });

  it('does nothing for an alarm that comes early', () => {
    expect(advance(tracking(), T0 + 44 * MIN + 59_000).effects).toEqual([]);
  });

  it('never repeats a reminder for a repeated or late alarm', () => {
    const due = advance(tracking(), T0 + 45 * MIN);
    const { effects } = replay(
      [
        [T0 + 45 * MIN, { type: 'alarm' }],
        [T0 + 46 * MIN, { type: 'alarm' }],
        [T0 + 47 * MIN, { type: 'wake' }],
      ],
      due.state,
    );
    expect(reminders(due.effects)).toHaveLength(1);
    expect(reminders(effects)).toHaveLength(0);
  });

  it('shows a single reminder for an alarm that comes very late', () => {
    // The refresh alarm kept the last-seen time fresh, but the break alarm itself came 9 minutes late.
    let state = tracking();
    for (let m = 1; m <= 53; m++) state = run(state, { type: 'alarm' }, T0 + m * MIN).state;
    const late = run(state, { type: 'alarm' }, T0 + 54 * MIN);
    expect(reminders(late.effects)).toEqual([]);
    expect(state.reminder?.shownAt).toBe(T0 + 45 * MIN);
  });

  it('brings an unanswered reminder back once a snooze length has passed, replacing the old one, with its alarm planned', () => {
    const shown = advance(tracking(), T0 + 45 * MIN).state;
    expect(plannedAlarms(shown, { now: T0 + 45 * MIN, settings: SETTINGS })[SITTING_ALARMS.break]).toEqual({ when: T0 + 55 * MIN });
    const { state, effects } = advance(shown, T0 + 55 * MIN);
    expect(effects.filter((e) => e.type === 'clearReminder' || e.type === 'showReminder').map((e) => e.type)).toEqual(['clearReminder', 'showReminder']);
    expect(state.reminder).toMatchObject({ id: shown.reminder?.id, shownAt: T0 + 55 * MIN });
  });
});

describe('time away', () => {
  it('counts a locked screen of at least the threshold as a natural break', () => {
    const locked = advance(tracking(), T0 + 20 * MIN, { type: 'idle', idleState: 'locked', audible: false });
    const { state, effects } = advance(locked.state, T0 + 26 * MIN, { type: 'idle', idleState: 'active', audible: false });
    expect(state.sittingSince).toBe(T0 + 26 * MIN);
    expect(effects).toEqual([
      { type: 'log', event: { type: 'sittingEnded', at: T0 + 20 * MIN, startedAt: T0, durationMs: 20 * MIN } },
      { type: 'log', event: { type: 'breakTaken', at: T0 + 26 * MIN, how: 'natural' } },
    ]);
  });

  it('keeps counting after a short time away', () => {
    const locked = advance(tracking(), T0 + 20 * MIN, { type: 'idle', idleState: 'locked', audible: false });
    const { state, effects } = advance(locked.state, T0 + 23 * MIN, { type: 'idle', idleState: 'active', audible: false });
    expect(state.sittingSince).toBe(T0);
    expect(effects).toEqual([]);
  });

  it('dates an idle report back by the threshold, when the user really left', () => {
    const { state } = advance(tracking(), T0 + 30 * MIN, { type: 'idle', idleState: 'idle', audible: false });
    expect(state.awaySince).toBe(T0 + 25 * MIN);
    expect(sittingMs(state, T0 + 40 * MIN)).toBe(25 * MIN);
  });

  it('ignores idle while a tab plays sound: a call or a talk is still sitting', () => {
    const { state } = advance(tracking(), T0 + 30 * MIN, { type: 'idle', idleState: 'idle', audible: true });
    expect(state.awaySince).toBeUndefined();
  });

  describe('an absence that began while a tab played sound', () => {
    const quiet = { type: 'alarm', seen: { idleState: 'idle', audible: false } } as const;
    const loud = { type: 'alarm', seen: { idleState: 'idle', audible: true } } as const;
    const active = { type: 'alarm', seen: { idleState: 'active', audible: false } } as const;

    it.each([
      ['idle and quiet: away from this look on', quiet, T0 + 30 * MIN],
      ['idle but a tab still plays: still sitting', loud, undefined],
      ['active: still sitting', active, undefined],
      ['locked and quiet: away from this look on', { type: 'alarm', seen: { idleState: 'locked', audible: false } } as const, T0 + 30 * MIN],
    ])('a refresh that finds the user %s', (_, input, awaySince) => {
      const dropped = advance(tracking(), T0 + 29 * MIN, { type: 'idle', idleState: 'idle', audible: true }).state;
      const { state } = run(dropped, input, T0 + 30 * MIN);
      expect(state.awaySince).toBe(awaySince);
    });

    it('counts as a natural break once the user has been back after the threshold', () => {
      const dropped = advance(tracking(), T0 + 29 * MIN, { type: 'idle', idleState: 'idle', audible: true }).state;
      const away = run(dropped, quiet, T0 + 30 * MIN).state;
      const back = run(away, { type: 'idle', idleState: 'active', audible: false }, T0 + 36 * MIN);
      expect(logged(back.effects)).toEqual(['sittingEnded', 'breakTaken']);
      expect(back.state.sittingSince).toBe(T0 + 36 * MIN);
    });

    it('never moves an absence later: an idle report that comes after the refresh dates it back', () => {
      const away = advance(tracking(), T0 + 30 * MIN, quiet).state;
      const { state } = run(away, { type: 'idle', idleState: 'idle', audible: false }, T0 + 30 * MIN + 500);
      expect(state.awaySince).toBe(T0 + 25 * MIN + 500);
    });
  });

  it('treats a gap since the last-seen time (sleep, browser closed) as a natural break, with no reminder', () => {
    const sat = advance(tracking(), T0 + 20 * MIN).state;
    const { state, effects } = run(sat, { type: 'wake' }, T0 + 3 * 60 * MIN);
    expect(effects).toEqual([
      { type: 'log', event: { type: 'sittingEnded', at: T0 + 20 * MIN, startedAt: T0, durationMs: 20 * MIN } },
      { type: 'log', event: { type: 'breakTaken', at: T0 + 3 * 60 * MIN, how: 'natural' } },
    ]);
    expect(reminders(effects)).toEqual([]);
    expect(state.sittingSince).toBe(T0 + 3 * 60 * MIN);
  });

  it('clears a reminder that was showing when the machine went to sleep', () => {
    const shown = advance(tracking(), T0 + 45 * MIN).state;
    const woke = run(shown, { type: 'wake' }, T0 + 90 * MIN);
    expect(woke.effects).toContainEqual({ type: 'clearReminder', reminderId: shown.reminder!.id });
    expect(woke.state.reminder).toBeUndefined();
  });

  it('does not take a refresh alarm that came late for time away, even with a 1-minute threshold', () => {
    const settings = { breakThresholdMin: 1 };
    const sat = advance(tracking(), T0 + 10 * MIN, { type: 'alarm' }, { settings }).state;
    expect(run(sat, { type: 'alarm' }, T0 + 12 * MIN + 30_000, { settings }).state.sittingSince).toBe(T0);
  });

  it('never makes a fake break when the clock jumps backwards', () => {
    const state = advance(tracking(), T0 + 10 * MIN).state;
    const jumped = run(state, { type: 'alarm' }, T0 - 30 * MIN);
    expect(jumped.effects).toEqual([]);
    expect(sittingMs(jumped.state, T0 - 30 * MIN)).toBe(0);
    expect(jumped.state.lastSeenAt).toBe(T0 - 30 * MIN);
  });
});

describe('snooze and skip', () => {
  const due = () => advance(tracking(), T0 + 45 * MIN).state;

  it('snooze hides the reminder and brings it back after the snooze length', () => {
    const first = due();
    const snoozed = run(first, { type: 'snooze', reminderId: first.reminder!.id }, T0 + 46 * MIN);
    expect(snoozed.effects).toEqual([
      { type: 'log', event: { type: 'snoozed', at: T0 + 46 * MIN, count: 1 } },
      { type: 'clearReminder', reminderId: first.reminder!.id },
    ]);
    expect(plannedAlarms(snoozed.state, { now: T0 + 46 * MIN, settings: SETTINGS })[SITTING_ALARMS.break]).toEqual({ when: T0 + 56 * MIN });
    const back = advance(snoozed.state, T0 + 56 * MIN);
    expect(reminders(back.effects)).toEqual([{ type: 'showReminder', reminderId: back.state.reminder!.id, sittingMs: 56 * MIN, snoozes: 1, silent: false }]);
    expect(back.state.reminder!.id).not.toBe(first.reminder!.id);
  });

  it('counts three snoozes in a row, and the reminder then carries the true sitting time', () => {
    let state = due();
    for (const at of [46, 57, 68]) {
      state = run(state, { type: 'snooze', reminderId: state.reminder!.id }, T0 + at * MIN).state;
      state = advance(state, T0 + (at + 10) * MIN).state;
    }
    expect(state.reminder).toMatchObject({ snoozes: 3, shownAt: T0 + 78 * MIN });
    const again = run(state, { type: 'snooze' }, T0 + 79 * MIN).state;
    const fourth = advance(again, T0 + 89 * MIN);
    expect(reminders(fourth.effects)[0]).toMatchObject({ snoozes: 4, sittingMs: 89 * MIN });
  });

  it('ignores a click on a stale reminder', () => {
    const state = due();
    expect(run(state, { type: 'snooze', reminderId: 'r-yesterday' }, T0 + 46 * MIN)).toEqual({ state: { ...state, lastSeenAt: T0 + 46 * MIN }, effects: [] });
    expect(run(state, { type: 'skip', reminderId: 'r-yesterday' }, T0 + 46 * MIN).effects).toEqual([]);
  });

  it('skip resets the sitting clock and logs a skipped break', () => {
    const state = due();
    const skipped = run(state, { type: 'skip', reminderId: state.reminder!.id }, T0 + 46 * MIN);
    expect(skipped.state.sittingSince).toBe(T0 + 46 * MIN);
    expect(skipped.state.reminder).toBeUndefined();
    expect(logged(skipped.effects)).toEqual(['skipped', 'sittingEnded']);
    expect(skipped.effects).toContainEqual({ type: 'clearReminder', reminderId: state.reminder!.id });
  });
});

describe('routines', () => {
  it('rests during a routine, ignoring idle, and restarts from zero after it', () => {
    const started = advance(tracking(), T0 + 30 * MIN, { type: 'routineStarted' });
    const { state, effects } = replay(
      [
        [T0 + 31 * MIN, { type: 'idle', idleState: 'idle', audible: false }],
        [T0 + 35 * MIN, { type: 'routineEnded', outcome: 'completed' }],
      ],
      started.state,
    );
    effects.unshift(...started.effects);
    expect(state.sittingSince).toBe(T0 + 35 * MIN);
    expect(state.awaySince).toBeUndefined();
    expect(logged(effects)).toEqual(['sittingEnded', 'breakTaken']);
  });

  it('has no alarms of its own during a routine', () => {
    const state = advance(tracking(), T0 + 30 * MIN, { type: 'routineStarted' }).state;
    expect(plannedAlarms(state, { now: T0 + 31 * MIN, settings: SETTINGS })).toEqual({});
  });

  it('a routine stopped early still resets the clock, but is no break taken', () => {
    const started = advance(tracking(), T0 + 30 * MIN, { type: 'routineStarted' });
    const { state, effects } = replay([[T0 + 32 * MIN, { type: 'routineEnded', outcome: 'stopped' }]], started.state);
    effects.unshift(...started.effects);
    expect(state.sittingSince).toBe(T0 + 32 * MIN);
    expect(logged(effects)).toEqual(['sittingEnded']);
  });

  it('starting a routine from a due reminder clears it', () => {
    const state = advance(tracking(), T0 + 45 * MIN).state;
    const started = run(state, { type: 'routineStarted' }, T0 + 46 * MIN);
    expect(started.effects).toContainEqual({ type: 'clearReminder', reminderId: state.reminder!.id });
  });
});

describe('pause', () => {
  it('pauses with only a resume alarm, and ends by itself', () => {
    const paused = advance(tracking(), T0 + 30 * MIN, { type: 'pause', until: T0 + 60 * MIN });
    expect(logged(paused.effects)).toEqual(['sittingEnded']);
    expect(plannedAlarms(paused.state, { now: T0 + 30 * MIN, settings: SETTINGS })).toEqual({ [SITTING_ALARMS.resume]: { when: T0 + 60 * MIN } });
    const resumed = run(paused.state, { type: 'alarm' }, T0 + 60 * MIN).state;
    expect(resumed.pause).toBeUndefined();
    expect(resumed.sittingSince).toBe(T0 + 60 * MIN);
  });

  it('pauses until resumed with no alarm at all', () => {
    const paused = run(tracking(), { type: 'pause', until: null }, T0 + 30 * MIN).state;
    expect(plannedAlarms(paused, { now: T0 + 9 * 60 * MIN, settings: SETTINGS })).toEqual({});
    const resumed = run(paused, { type: 'resume' }, T0 + 40 * MIN).state;
    expect(resumed.sittingSince).toBe(T0 + 40 * MIN);
  });

  it.each([
    ['m30', T0 + 30 * MIN],
    ['h1', T0 + 60 * MIN],
    ['h2', T0 + 120 * MIN],
    ['tomorrow', new Date(2026, 10, 26, 8, 0).getTime()],
    ['untilResumed', null],
  ] as const)('“%s” pauses until %s', (choice, until) => {
    expect(pauseUntil(choice, T0, SETTINGS)).toBe(until);
  });

  it('“tomorrow” on a Friday pauses until Monday’s start', () => {
    const friday = new Date(2026, 10, 27, 16, 0).getTime();
    expect(pauseUntil('tomorrow', friday, SETTINGS)).toBe(new Date(2026, 10, 30, 8, 0).getTime());
  });
});

describe('active hours', () => {
  it('ending while a break is due ends the stretch and clears the reminder', () => {
    const late = new Date(2026, 10, 25, 17, 0).getTime();
    let state = run(initialSittingState(late), { type: 'wake' }, late).state;
    state = advance(state, late + 45 * MIN).state;
    expect(state.reminder?.shownAt).toBe(late + 45 * MIN);
    state = advance(state, late + 59 * MIN).state;
    const after = run(state, { type: 'alarm' }, late + 60 * MIN + 30_000);
    expect(after.effects).toEqual([
      { type: 'log', event: { type: 'sittingEnded', at: late + 60 * MIN, startedAt: late, durationMs: 60 * MIN } },
      { type: 'clearReminder', reminderId: state.reminder!.id },
    ]);
    expect(plannedAlarms(after.state, { now: late + 61 * MIN, settings: SETTINGS })).toEqual({
      [SITTING_ALARMS.resume]: { when: new Date(2026, 10, 26, 8, 0).getTime() },
    });
  });

  it('follows a night shift across midnight', () => {
    const night = { activeDays: [3], activeStart: '22:00', activeEnd: '06:00' };
    const evening = new Date(2026, 10, 25, 23, 30).getTime();
    let state = run(initialSittingState(evening), { type: 'wake' }, evening, { settings: night }).state;
    for (let m = 1; m <= 45; m++) state = run(state, { type: 'alarm' }, evening + m * MIN, { settings: night }).state;
    expect(state.reminder?.shownAt).toBe(evening + 45 * MIN);
    expect(new Date(state.reminder!.shownAt!).getDate()).toBe(26);
  });

  it('counts over a DST change by real elapsed time', () => {
    const allDay = { activeDays: [0], activeStart: '00:30', activeEnd: '23:30' };
    const before = new Date(2026, 2, 29, 1, 30).getTime();
    let state = run(initialSittingState(before), { type: 'wake' }, before, { settings: allDay }).state;
    for (let m = 1; m <= 45; m++) state = run(state, { type: 'alarm' }, before + m * MIN, { settings: allDay }).state;
    expect(state.reminder?.shownAt).toBe(before + 45 * MIN);
    expect(new Date(before + 45 * MIN).getHours()).toBe(3);
  });

  it('“remind me anyway today” counts outside active hours until midnight', () => {
    const saturday = new Date(2026, 10, 28, 10, 0).getTime();
    let state = run(initialSittingState(saturday), { type: 'wake' }, saturday).state;
    state = run(state, { type: 'remindAnyway' }, saturday).state;
    expect(state.sittingSince).toBe(saturday);
    const sunday = run(state, { type: 'wake' }, new Date(2026, 10, 29, 10, 0).getTime()).state;
    expect(sunday.remindAnywayDay).toBeUndefined();
    expect(sunday.sittingSince).toBeUndefined();
  });
});

describe('quiet while busy', () => {
  it('holds a due reminder while busy, then delivers it within a minute of the end', () => {
    const before = advance(tracking(), T0 + 44 * MIN);
    const { state, effects } = replay(
      [
        [T0 + 45 * MIN, { type: 'alarm' }, { busy: true }],
        [T0 + 46 * MIN, { type: 'alarm' }, { busy: true }],
        [T0 + 47 * MIN, { type: 'alarm' }, { busy: false }],
      ],
      before.state,
    );
    expect(reminders(effects)).toEqual([{ type: 'showReminder', reminderId: state.reminder!.id, sittingMs: 47 * MIN, snoozes: 0, silent: false }]);
    expect(logged(effects)).toEqual(['breakDue']);
  });

  it('keeps only the refresh alarm while holding, which rechecks every minute', () => {
    const held = advance(tracking(), T0 + 45 * MIN, { type: 'alarm' }, { busy: true }).state;
    expect(plannedAlarms(held, { now: T0 + 45 * MIN, settings: SETTINGS })).toEqual({ [SITTING_ALARMS.refresh]: { periodInMinutes: 1 } });
  });

  it('delivers silently after holding for 15 minutes', () => {
    let state = advance(tracking(), T0 + 44 * MIN).state;
    const effects: SittingEffect[] = [];
    for (let m = 45; m <= 45 + MAX_HOLD_MS / MIN; m++) {
      const result = run(state, { type: 'alarm' }, T0 + m * MIN, { busy: true });
      state = result.state;
      effects.push(...result.effects);
    }
    expect(reminders(effects)).toEqual([expect.objectContaining({ silent: true, sittingMs: 60 * MIN })]);
  });

  it('does not hold when the setting is off', () => {
    const result = advance(tracking(), T0 + 45 * MIN, { type: 'alarm' }, { busy: true, settings: { quietWhileBusy: false } });
    expect(reminders(result.effects)).toHaveLength(1);
  });
});

describe('alarms', () => {
  it('while tracking: the break and a 1-minute refresh', () => {
    expect(plannedAlarms(tracking(), { now: T0, settings: SETTINGS })).toEqual({
      [SITTING_ALARMS.refresh]: { periodInMinutes: 1 },
      [SITTING_ALARMS.break]: { when: T0 + 45 * MIN },
    });
  });

  it('move at once when the interval changes', () => {
    const state = run(tracking(), { type: 'settingsChanged' }, T0 + MIN, { settings: { sittingIntervalMin: 30 } }).state;
    expect(plannedAlarms(state, { now: T0 + MIN, settings: { ...SETTINGS, sittingIntervalMin: 30 } })[SITTING_ALARMS.break]).toEqual({ when: T0 + 30 * MIN });
  });

  it('outside active hours with no active day at all: none', () => {
    const none = { ...SETTINGS, activeDays: [] };
    const state = run(initialSittingState(T0), { type: 'wake' }, T0, { settings: none }).state;
    expect(plannedAlarms(state, { now: T0, settings: none })).toEqual({});
  });
});
