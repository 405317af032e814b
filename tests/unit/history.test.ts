import { afterEach, describe, expect, it } from 'vitest';
import { appendEvents, type NewEvent, type RollCallEvent } from '@/utils/history/events';
import {
  allTimeTotals,
  comfortTrend,
  currentStreak,
  dailyTotals,
  lastDays,
  shiftDay,
  todaySummary,
  totalsToCsv,
  type DailyTotals,
} from '@/utils/history/totals';

const at = (y: number, m: number, d: number, h = 12, min = 0) => new Date(y, m - 1, d, h, min).getTime();
const log = (...events: NewEvent[]) => appendEvents([], events);
const completed = (when: number, presetId = 'full'): NewEvent => ({
  type: 'routineCompleted',
  at: when,
  presetId,
  durationMs: 19 * 60_000,
  stepsDone: 7,
  stepsTotal: 7,
});
const WEEKDAYS = { activeDays: [1, 2, 3, 4, 5], goalRoutinesPerDay: 1, fullRoutinePresetId: 'full' };

/** Totals with the full routine done on each of the given days. */
function doneOn(...days: string[]): DailyTotals {
  return dailyTotals(
    log(
      ...days.map((day) => {
        const [y, m, d] = day.split('-').map(Number);
        return completed(at(y!, m!, d!));
      }),
    ),
  );
}

describe('daily totals', () => {
  it('adds up each kind of event on its day', () => {
    const totals = dailyTotals(
      log(
        { type: 'breakDue', at: at(2026, 11, 25, 9), sittingMs: 45 * 60_000 },
        { type: 'snoozed', at: at(2026, 11, 25, 9, 1), count: 1 },
        { type: 'breakTaken', at: at(2026, 11, 25, 9, 20), how: 'natural' },
        { type: 'skipped', at: at(2026, 11, 25, 11) },
        { type: 'sittingEnded', at: at(2026, 11, 25, 11), startedAt: at(2026, 11, 25, 9, 30), durationMs: 90 * 60_000 },
        { type: 'sittingEnded', at: at(2026, 11, 25, 12), startedAt: at(2026, 11, 25, 11, 30), durationMs: 30 * 60_000 },
        completed(at(2026, 11, 25, 13), 'desk'),
        { type: 'routineStopped', at: at(2026, 11, 25, 14), presetId: 'full', durationMs: 60_000, stepsDone: 1, stepsTotal: 7 },
        { type: 'comfortRated', at: at(2026, 11, 25, 13), feet: 7, back: 5 },
      ),
    );
    expect(totals['2026-11-25']).toEqual({
      breaksDue: 1,
      breaksTaken: 1,
      naturalBreaks: 1,
      skipped: 1,
      snoozed: 1,
      routinesCompleted: 1,
      routinesStopped: 1,
      completedByPreset: { desk: 1 },
      routineMs: 20 * 60_000,
      longestSittingMs: 90 * 60_000,
      comfortFeet: [7],
      comfortBack: [5],
    });
  });

  it('adds new events onto a compacted day and leaves the compacted totals as they were', () => {
    const compacted = dailyTotals(log(completed(at(2026, 11, 25, 9)), { type: 'comfortRated', at: at(2026, 11, 25, 10), feet: 3 }));
    const before = structuredClone(compacted);
    const totals = dailyTotals(
      log(
        completed(at(2026, 11, 25, 13)),
        completed(at(2026, 11, 25, 14), 'desk'),
        { type: 'comfortRated', at: at(2026, 11, 25, 15), feet: 8, back: 2 },
        { type: 'sittingEnded', at: at(2026, 11, 25, 16), startedAt: at(2026, 11, 25, 15), durationMs: 60 * 60_000 },
      ),
      compacted,
    );
    expect(totals['2026-11-25']).toMatchObject({
      routinesCompleted: 3,
      completedByPreset: { full: 2, desk: 1 },
      routineMs: 3 * 19 * 60_000,
      longestSittingMs: 60 * 60_000,
      comfortFeet: [3, 8],
      comfortBack: [2],
    });
    expect(compacted).toEqual(before);
  });

  it('puts events either side of midnight on their own days', () => {
    const totals = dailyTotals(log({ type: 'skipped', at: at(2026, 11, 25, 23, 59) }, { type: 'skipped', at: at(2026, 11, 26, 0, 0) }));
    expect(totals['2026-11-25']?.skipped).toBe(1);
    expect(totals['2026-11-26']?.skipped).toBe(1);
  });

  it.each([
    ['spring forward', 2026, 3, 29],
    ['fall back', 2026, 10, 25],
  ])('counts a whole %s day as one day', (_, y, m, d) => {
    const totals = dailyTotals(log({ type: 'skipped', at: at(y, m, d, 0, 30) }, { type: 'skipped', at: at(y, m, d, 23, 30) }));
    expect(Object.keys(totals)).toEqual([`${y}-${String(m).padStart(2, '0')}-${d}`]);
    expect(shiftDay(`${y}-${String(m).padStart(2, '0')}-${d}`, 1)).toBe(`${y}-${String(m).padStart(2, '0')}-${d + 1}`);
  });

  describe('after a change of time zone', () => {
    const original = process.env.TZ;
    afterEach(() => {
      process.env.TZ = original;
    });

    it('keeps each event on the day it happened where it happened', () => {
      // 00:30 on the 26th in Berlin is 18:30 on the 25th in New York.
      const events = log({ type: 'skipped', at: at(2026, 11, 26, 0, 30) });
      process.env.TZ = 'America/New_York';
      expect(new Date(events[0]!.at).getDate()).toBe(25);
      expect(Object.keys(dailyTotals(events))).toEqual(['2026-11-26']);
    });
  });

  it('merges compacted totals with the raw events of the same day', () => {
    const older = dailyTotals(
      log({ type: 'skipped', at: at(2026, 11, 25, 9) }, { type: 'sittingEnded', at: at(2026, 11, 25, 10), startedAt: 0, durationMs: 50 * 60_000 }),
    );
    const totals = dailyTotals(
      log({ type: 'skipped', at: at(2026, 11, 25, 15) }, { type: 'sittingEnded', at: at(2026, 11, 25, 16), startedAt: 0, durationMs: 20 * 60_000 }),
      older,
    );
    expect(totals['2026-11-25']).toMatchObject({ skipped: 2, longestSittingMs: 50 * 60_000 });
  });
});

describe('streaks', () => {
  // Wednesday 25 November 2026.
  const today = '2026-11-25';

  it('counts consecutive active days on which the goal was met', () => {
    expect(currentStreak(doneOn('2026-11-23', '2026-11-24', '2026-11-25'), today, WEEKDAYS)).toEqual({ days: 3, forgivenDays: [] });
  });

  it('does not break on today before the routine is done', () => {
    expect(currentStreak(doneOn('2026-11-23', '2026-11-24'), today, WEEKDAYS).days).toBe(2);
  });

  it('passes over days outside the schedule (the weekend)', () => {
    expect(currentStreak(doneOn('2026-11-19', '2026-11-20', '2026-11-23', '2026-11-24'), today, WEEKDAYS).days).toBe(4);
  });

  it('forgives one missed day in any 7, and says which', () => {
    expect(currentStreak(doneOn('2026-11-20', '2026-11-23', '2026-11-25'), today, WEEKDAYS)).toEqual({ days: 3, forgivenDays: ['2026-11-24'] });
  });

  it('does not forgive two missed days within 7', () => {
    expect(currentStreak(doneOn('2026-11-17', '2026-11-19', '2026-11-23', '2026-11-25'), today, WEEKDAYS)).toEqual({ days: 2, forgivenDays: ['2026-11-24'] });
  });

  it('forgives again once 7 days have passed', () => {
    const totals = doneOn(
      '2026-11-09',
      '2026-11-10',
      '2026-11-12',
      '2026-11-13',
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
    );
    expect(currentStreak(totals, today, WEEKDAYS)).toEqual({ days: 11, forgivenDays: ['2026-11-20', '2026-11-11'] });
  });

  it('needs the goal’s number of full routines, and only the full-routine preset counts', () => {
    const twoADay = { ...WEEKDAYS, goalRoutinesPerDay: 2 };
    const totals = dailyTotals(
      log(completed(at(2026, 11, 25, 9)), completed(at(2026, 11, 25, 17)), completed(at(2026, 11, 24, 9)), completed(at(2026, 11, 23, 9), 'desk')),
    );
    expect(currentStreak(totals, today, twoADay).days).toBe(1);
    expect(currentStreak(totals, today, WEEKDAYS).days).toBe(2);
  });

  it('counts across both DST changes by calendar days', () => {
    const allWeek = { ...WEEKDAYS, activeDays: [0, 1, 2, 3, 4, 5, 6] };
    expect(currentStreak(doneOn('2026-03-28', '2026-03-29', '2026-03-30'), '2026-03-30', allWeek).days).toBe(3);
    expect(currentStreak(doneOn('2026-10-24', '2026-10-25', '2026-10-26'), '2026-10-26', allWeek).days).toBe(3);
  });

  it('is zero with no history', () => {
    expect(currentStreak({}, today, WEEKDAYS)).toEqual({ days: 0, forgivenDays: [] });
  });
});

describe('summaries', () => {
  const events: RollCallEvent[] = log(
    completed(at(2026, 11, 25, 9)),
    { type: 'breakTaken', at: at(2026, 11, 25, 9), how: 'routine' },
    { type: 'breakTaken', at: at(2026, 11, 25, 11), how: 'natural' },
    { type: 'sittingEnded', at: at(2026, 11, 25, 11), startedAt: 0, durationMs: 52 * 60_000 },
    { type: 'comfortRated', at: at(2026, 11, 24, 9), feet: 6 },
    { type: 'comfortRated', at: at(2026, 11, 24, 10), feet: 8, back: 4 },
  );
  const totals = dailyTotals(events);

  it('sums up today against the goals', () => {
    expect(todaySummary(totals, '2026-11-25', 'full')).toEqual({ fullRoutines: 1, breaksTaken: 2, longestSittingMs: 52 * 60_000 });
  });

  it('averages each rated day’s comfort', () => {
    expect(comfortTrend(totals, lastDays('2026-11-25', 3))).toEqual([{ day: '2026-11-24', feet: 7, back: 4 }]);
  });

  it('totals everything recorded', () => {
    expect(allTimeTotals(totals)).toEqual({ breaksTaken: 2, routinesCompleted: 1, routineMinutes: 19, daysRecorded: 2 });
  });

  it('writes daily totals as CSV, oldest first', () => {
    expect(totalsToCsv(totals, 'full').split('\r\n')).toEqual([
      'date,breaks_due,breaks_taken,natural_breaks,skipped,snoozed,routines_completed,full_routines,routines_stopped,routine_minutes,longest_sitting_minutes',
      '2026-11-24,0,0,0,0,0,0,0,0,0,0',
      '2026-11-25,0,2,1,0,0,1,1,0,19,52',
      '',
    ]);
  });

  it('lists the last days oldest first, across a month end', () => {
    expect(lastDays('2026-12-01', 3)).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });
});
