import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recoverState } from '@/tests/background-jobs';
import { bucketKey, rollOver, TOTALS_KEY, type StoredTotals } from '@/utils/history/log';
import { jobHistoryView, readJobHistory } from '@/utils/history/job-history';
import { parseStoredTotals } from '@/utils/history/schema';
import { currentStreak, foldedStreak, streakAfterFold, type StreakOptions } from '@/utils/history/streak';
import { dayKeyNoon, localDayKey } from '@/utils/day';
import { emptyDay, shiftDay, weekdayOf, type DailyTotals, type DayTotals } from '@/utils/history/totals';
import { parseEventLog, type RollCallEvent } from '@/utils/history/events';

const EVERY_DAY: StreakOptions = { activeDays: [0, 1, 2, 3, 4, 5, 6], goalRoutinesPerDay: 1, fullRoutinePresetId: 'full' };
const WEEKDAYS: StreakOptions = { ...EVERY_DAY, activeDays: [1, 2, 3, 4, 5] };
const met = (): DayTotals => ({ ...emptyDay(), routinesCompleted: 1, completedByPreset: { full: 1 } });
const historyOf = (days: string[]): DailyTotals => Object.fromEntries(days.map((day) => [day, met()]));
const daysBack = (today: string, offsets: number[]) => offsets.map((n) => shiftDay(today, -n));

/** The rule as it was written first: a walk back over every calendar day. The reference the counting must match. */
function walkingStreak(totals: DailyTotals, today: string, options: StreakOptions) {
  const earliest = Object.keys(totals).sort()[0];
  let days = 0;
  const forgivenDays: string[] = [];
  let pending: string | undefined;
  let lastForgivenIndex = Number.NEGATIVE_INFINITY;
  for (let index = 0; earliest !== undefined; index++) {
    const day = shiftDay(today, -index);
    if (day < earliest) break;
    if (!options.activeDays.includes(weekdayOf(day))) continue;
    const fulls = totals[day]?.completedByPreset[options.fullRoutinePresetId] ?? 0;
    if (fulls >= Math.max(1, options.goalRoutinesPerDay)) {
      days++;
      if (pending !== undefined) forgivenDays.push(pending);
      pending = undefined;
      continue;
    }
    if (index === 0) continue;
    if (pending !== undefined || index - lastForgivenIndex < 7) break;
    pending = day;
    lastForgivenIndex = index;
  }
  return { days, forgivenDays };
}

/** A small seeded generator, so a failure can be replayed. */
function random(seed: number) {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

describe('the streak, counted without walking every calendar day', () => {
  it('gives what the day-by-day walk gives, on 600 random histories, whole and spliced across a fold', () => {
    const next = random(7);
    for (let round = 0; round < 600; round++) {
      const today = shiftDay('2026-12-07', -Math.floor(next() * 30));
      const density = 0.5 + next() * 0.5;
      const days = Array.from({ length: 80 }, (_, i) => i)
        .filter(() => next() < density)
        .map((n) => shiftDay(today, -n));
      const totals = historyOf(days);
      const options = next() < 0.5 ? EVERY_DAY : WEEKDAYS;
      const expected = walkingStreak(totals, today, options);
      expect(currentStreak(totals, today, options), `round ${round}`).toEqual(expected);
      // The same history folded up to a random day, its streak kept, then the days since added.
      const through = shiftDay(today, -Math.floor(next() * 20));
      const folded = Object.fromEntries(Object.entries(totals).filter(([day]) => day < through));
      const recent = Object.fromEntries(Object.entries(totals).filter(([day]) => day >= through));
      expect(streakAfterFold(foldedStreak(folded, through, options), recent, today, options), `round ${round}, through ${through}`).toEqual(expected);
    }
  });

  it('keeps a streak across a fold: yesterday’s run and today’s routine', () => {
    const today = '2026-12-07';
    const folded = historyOf(daysBack(today, [1, 2, 3, 4, 5]));
    const stored = foldedStreak(folded, today, EVERY_DAY);
    expect(stored).toMatchObject({ through: today, latestMet: '2026-12-06', length: 5, forgiven: [] });
    expect(streakAfterFold(stored, {}, today, EVERY_DAY)).toEqual({ days: 5, forgivenDays: [] });
    // A goal met today adds to it.
    expect(streakAfterFold(stored, historyOf([today]), today, EVERY_DAY)).toEqual({ days: 6, forgivenDays: [] });
  });

  it('forgives one missed day between met days, not two in a row, and not two within 7 days', () => {
    const today = '2026-12-07';
    const oneGap = historyOf(daysBack(today, [0, 1, 3, 4]));
    expect(currentStreak(oneGap, today, EVERY_DAY)).toEqual({ days: 4, forgivenDays: ['2026-12-05'] });
    const stored = foldedStreak(Object.fromEntries(Object.entries(oneGap).filter(([d]) => d < today)), today, EVERY_DAY);
    expect(streakAfterFold(stored, historyOf([today]), today, EVERY_DAY)).toEqual({ days: 4, forgivenDays: ['2026-12-05'] });
    expect(currentStreak(historyOf(daysBack(today, [0, 1, 4, 5])), today, EVERY_DAY).days).toBe(2);
    // A second miss 5 days after the first ends the streak there.
    const close = historyOf(daysBack(today, [0, 2, 3, 4, 5, 6, 8, 9]));
    expect(currentStreak(close, today, EVERY_DAY)).toEqual({ days: 6, forgivenDays: ['2026-12-06'] });
    // The same, with the older miss inside the stored run and the newer one since the fold.
    const storedClose = foldedStreak(Object.fromEntries(Object.entries(close).filter(([d]) => d < '2026-12-05')), '2026-12-05', EVERY_DAY);
    const since = Object.fromEntries(Object.entries(close).filter(([d]) => d >= '2026-12-05'));
    expect(streakAfterFold(storedClose, since, today, EVERY_DAY)).toEqual({ days: 6, forgivenDays: ['2026-12-06'] });
  });

  it('passes over days off: a weekday streak is not broken by the weekend', () => {
    const monday = '2026-12-07';
    expect(weekdayOf(monday)).toBe(1);
    const totals = historyOf(['2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', monday]);
    expect(currentStreak(totals, monday, WEEKDAYS)).toEqual({ days: 5, forgivenDays: [] });
  });

  it.each([
    ['every day active', EVERY_DAY, 2],
    // No active day: the walk used to pass over every calendar day back to year 0 (2.5–4 s a job).
    ['no day active', { ...EVERY_DAY, activeDays: [] }, 0],
    ['weekdays only', WEEKDAYS, 2],
  ])('reads a stored year-0 day no more than once, %s: the count jumps, it does not walk 2,000 years', (_, options, days) => {
    const today = '2026-12-08';
    const totals = { '0000-01-01': met(), [today]: met(), [shiftDay(today, -1)]: met() };
    let reads = 0;
    const watched = new Proxy(totals, { get: (target, key: string) => (reads++, target[key]) });
    const started = performance.now();
    expect(currentStreak(watched, today, options)).toEqual({ days, forgivenDays: [] });
    expect(reads).toBeLessThanOrEqual(Object.keys(totals).length);
    expect(performance.now() - started).toBeLessThan(50);
  });
});

describe('damage in the stored totals costs only itself', () => {
  const today = '2026-12-07';
  const old = Object.fromEntries(Array.from({ length: 370 }, (_, i) => [shiftDay(today, -31 - i), met()]));

  it('drops a day before 2000, counting it, and keeps every other day', () => {
    const parsed = parseStoredTotals({ through: today, days: { ...old, '0000-01-01': met(), '1999-12-31': met() }, dropped: 2 })!;
    expect(Object.keys(parsed.days)).toHaveLength(370);
    expect(parsed.days['0000-01-01']).toBeUndefined();
    expect(parsed.dropped).toBe(4);
    expect(parseEventLog([{ type: 'skipped', at: 0, day: '0000-01-01' }])).toEqual({ events: [], dropped: 1 });
  });

  it('with a year-0 day stored, a job’s history costs well under 50 ms', () => {
    const stored = { through: today, days: { ...old, '0000-01-01': met() }, dropped: 0 };
    const started = performance.now();
    const view = jobHistoryView(readJobHistory(stored), [], today, EVERY_DAY);
    expect(performance.now() - started).toBeLessThan(50);
    expect(view.store?.dropped).toBe(1);
    expect(view.streak.days).toBe(0);
  });

  it.each([
    ['not a day', 'soon'],
    ['a number', 20261207],
    ['year 0', '0000-01-01'],
    ['missing', undefined],
  ])('keeps every folded day when `through` is %s, and works it out from them', (_, through) => {
    const parsed = parseStoredTotals({ through, days: old, dropped: 0 })!;
    expect(Object.keys(parsed.days)).toHaveLength(370);
    // The day after the last folded day: later days are folded from their buckets, none twice.
    expect(parsed.through).toBe(shiftDay(today, -30));
    expect(parsed.dropped).toBe(1);
  });

  it('with no folded day and a damaged `through`, every bucket is still to fold', () => {
    expect(parseStoredTotals({ through: null, days: {}, dropped: 0 })).toEqual({ through: '2000-01-01', days: {}, dropped: 1 });
  });

  it('the daily upkeep keeps the folded days, folds the raw days once, and the history says one entry was unreadable', async () => {
    const now = dayKeyNoon(today).getTime();
    const yesterday = shiftDay(today, -1);
    const event: RollCallEvent = {
      type: 'routineCompleted',
      at: dayKeyNoon(yesterday).getTime(),
      day: yesterday,
      presetId: 'full',
      durationMs: 60_000,
      stepsDone: 7,
      stepsTotal: 7,
    };
    const lastFolded = shiftDay(today, -31);
    const days = { ...old, [shiftDay(today, -2)]: met() };
    await fakeBrowser.storage.local.set({
      [TOTALS_KEY]: { through: 'damaged', days, dropped: 0 },
      [bucketKey(yesterday)]: [event],
      [bucketKey(shiftDay(today, -2))]: [],
    });
    // The start job does the daily upkeep.
    await recoverState(now);
    const stored = parseStoredTotals((await fakeBrowser.storage.local.get(TOTALS_KEY))[TOTALS_KEY])!;
    expect(stored.through).toBe(today);
    expect(stored.days[lastFolded]).toEqual(met());
    expect(Object.keys(stored.days)).toHaveLength(372);
    expect(stored.days[yesterday]?.routinesCompleted).toBe(1);
    expect(stored.days[shiftDay(today, -2)]).toEqual(met());
    expect(stored.dropped).toBe(1);
  });
});

describe('the streak kept with the totals', () => {
  const today = '2026-12-07';
  const now = dayKeyNoon(today).getTime();
  const folded: DailyTotals = historyOf(Array.from({ length: 370 }, (_, i) => shiftDay(today, -1 - i)));
  const routineToday: RollCallEvent = { type: 'routineCompleted', at: now, day: today, presetId: 'full', durationMs: 60_000, stepsDone: 7, stepsTotal: 7 };

  it('is counted once from older stored totals, then stored, and after that no day is read', () => {
    const older = { through: today, days: folded, dropped: 0 };
    const first = jobHistoryView(readJobHistory(older), [routineToday], today, EVERY_DAY);
    expect(first.streak.days).toBe(371);
    expect(first.store?.streak).toMatchObject({ through: today, length: 370, latestMet: shiftDay(today, -1) });
    // The stored value, as a job reads it next: the days are never touched.
    const stored = JSON.parse(JSON.stringify(first.store)) as StoredTotals;
    const watchedDays = new Proxy(stored.days, {
      get: () => {
        throw new Error('a day was read');
      },
      ownKeys: () => {
        throw new Error('the days were listed');
      },
    });
    const next = jobHistoryView(readJobHistory({ ...stored, days: watchedDays }), [routineToday], today, EVERY_DAY);
    expect(next.store).toBeUndefined();
    expect(next.streak).toEqual(first.streak);
  });

  it('is counted again for another goal, and after the next fold', () => {
    const stored = { through: today, days: folded, dropped: 0, streak: foldedStreak(folded, today, EVERY_DAY) };
    const twice = jobHistoryView(readJobHistory(stored), [], today, { ...EVERY_DAY, goalRoutinesPerDay: 2 });
    expect(twice.streak.days).toBe(0);
    expect(twice.store?.streak?.rule).not.toBe(stored.streak.rule);
    const tomorrow = shiftDay(today, 1);
    const rolled = rollOver(stored, { [bucketKey(today)]: [routineToday] }, 0, dayKeyNoon(tomorrow).getTime());
    expect(rolled.totals.streak).toBeUndefined();
    const afterFold = jobHistoryView(readJobHistory(rolled.totals), [], tomorrow, EVERY_DAY);
    expect(afterFold.streak.days).toBe(371);
    expect(afterFold.store?.streak?.through).toBe(tomorrow);
  });

  it('with a clock set back before the last fold, counts from every day and stores nothing', () => {
    const stored = { through: today, days: folded, dropped: 0, streak: foldedStreak(folded, today, EVERY_DAY) };
    const back = shiftDay(today, -3);
    const view = jobHistoryView(readJobHistory(stored), [], back, EVERY_DAY);
    expect(view.store).toBeUndefined();
    expect(view.streak).toEqual(walkingStreak(folded, back, EVERY_DAY));
    expect(localDayKey(now)).toBe(today);
  });

  it('a gap since the fold ends the stored run', () => {
    const through = shiftDay(today, -2);
    const stored = { through, days: Object.fromEntries(Object.entries(folded).filter(([day]) => day < through)), dropped: 0 };
    const counted = jobHistoryView(readJobHistory(stored), [], today, EVERY_DAY).store!;
    // Two days since the fold with no routine: yesterday and the day before are missed.
    const view = jobHistoryView(readJobHistory(counted), [], today, EVERY_DAY);
    expect(view.streak.days).toBe(0);
  });
});
