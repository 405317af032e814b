import { describe, expect, it } from 'vitest';
import type { NewEvent } from '@/utils/history/events';
import { appendToLog, bucketKey, datedEvents, emptyTotals, historyTotals, migrateWholeLog, needsRollOver, rollOver } from '@/utils/history/log';
import { RAW_EVENT_DAYS, dailyTotals } from '@/utils/history/totals';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
const now = at(2026, 11, 25, 9);
const skipped = (time: number): NewEvent => ({ type: 'skipped', at: time });

describe('the event log in day buckets', () => {
  it('appends to the buckets of the events’ own days only, leaving the totals alone for days not yet folded', () => {
    const events = datedEvents([skipped(at(2026, 11, 25, 8)), skipped(at(2026, 11, 25, 9))]);
    const existing = { [bucketKey('2026-11-25')]: datedEvents([skipped(at(2026, 11, 25, 7))]) };
    const append = appendToLog(existing, events, emptyTotals('2026-11-25'));
    expect(Object.keys(append.buckets)).toEqual(['events:2026-11-25']);
    expect(append.buckets['events:2026-11-25']).toHaveLength(3);
    expect(append.totals).toBeUndefined();
  });

  it('adds an event for a day already folded (an end noticed late) to the totals as well', () => {
    const totals = { through: '2026-11-25', days: dailyTotals(datedEvents([skipped(at(2026, 11, 24, 8))])), dropped: 0 };
    const append = appendToLog({}, datedEvents([skipped(at(2026, 11, 24, 23))]), totals);
    expect(append.totals?.days['2026-11-24']?.skipped).toBe(2);
  });

  it('writes the same small amount on day 1 and day 400: one bucket, however long the history', () => {
    const event = datedEvents([skipped(now)]);
    const day1 = appendToLog({}, event, emptyTotals('2026-11-25'));
    const long = {
      through: '2026-11-25',
      days: Object.fromEntries(
        Array.from({ length: 400 }, (_, i) => [
          `2025-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
          dailyTotals(event)['2026-11-25']!,
        ]),
      ),
      dropped: 0,
    };
    const day400 = appendToLog({}, event, long);
    expect(JSON.stringify(day400)).toBe(JSON.stringify(day1));
  });

  it(`folds the days before today, keeps ${RAW_EVENT_DAYS} days of raw buckets and loses nothing`, () => {
    const events = datedEvents([skipped(at(2026, 10, 20)), skipped(at(2026, 10, 26)), skipped(at(2026, 11, 24)), skipped(at(2026, 11, 25, 8))]);
    const { buckets } = appendToLog({}, events, emptyTotals('0000-00-00'));
    const start = { through: '2026-10-20', days: {}, dropped: 0 };
    expect(needsRollOver(start, now)).toBe(true);
    const rolled = rollOver(start, buckets, 2, now);
    expect(rolled.totals.through).toBe('2026-11-25');
    expect(rolled.totals.dropped).toBe(2);
    expect(rolled.removeBuckets).toEqual(['events:2026-10-20']);
    const kept = Object.fromEntries(Object.entries(buckets).filter(([key]) => !rolled.removeBuckets.includes(key)));
    expect(historyTotals(rolled.totals, kept)).toEqual(dailyTotals(events));
    expect(needsRollOver(rolled.totals, now)).toBe(false);
  });

  it('drops daily totals older than 400 days', () => {
    const start = { through: '2026-11-25', days: dailyTotals(datedEvents([skipped(at(2025, 10, 1)), skipped(at(2025, 10, 30))])), dropped: 0 };
    expect(Object.keys(rollOver(start, {}, 0, at(2026, 11, 26)).totals.days)).toEqual(['2025-10-30']);
  });

  it('never counts a day twice when the clock goes back past the last fold', () => {
    const events = datedEvents([skipped(at(2026, 11, 24))]);
    const { buckets } = appendToLog({}, events, emptyTotals('0000-00-00'));
    const once = rollOver({ through: '2026-11-24', days: {}, dropped: 0 }, buckets, 0, now).totals;
    const again = rollOver(once, buckets, 0, at(2026, 11, 23));
    expect(again.totals).toEqual(once);
    expect(historyTotals(again.totals, buckets)['2026-11-24']?.skipped).toBe(1);
  });

  it('moves an older version’s single log into buckets and totals with the same daily totals', () => {
    const events = datedEvents([skipped(at(2026, 9, 1)), skipped(at(2026, 11, 20)), skipped(at(2026, 11, 25, 8))]);
    const compacted = dailyTotals(datedEvents([skipped(at(2026, 6, 1))]));
    const migrated = migrateWholeLog(events, compacted, now);
    const kept = Object.fromEntries(Object.entries(migrated.buckets).filter(([key]) => !migrated.removeBuckets.includes(key)));
    expect(Object.keys(kept).sort()).toEqual(['events:2026-11-20', 'events:2026-11-25']);
    expect(historyTotals(migrated.totals, kept)).toEqual(dailyTotals(events, compacted));
  });
});

describe('the daily fold on a very large day', () => {
  const yesterday = '2026-11-24';
  const bigDay = (count: number) =>
    Array.from({ length: count }, (_, i) => ({ type: 'breakTaken' as const, how: 'natural' as const, at: at(2026, 11, 24, 8) + i, day: yesterday }));

  it.each([65_000, 300_000])('folds a day of %i raw events without running out of stack, counting every one', (count) => {
    const rolled = rollOver({ through: yesterday, days: {}, dropped: 0 }, { [bucketKey(yesterday)]: bigDay(count) }, 0, now);
    expect(rolled.totals.days[yesterday]?.breaksTaken).toBe(count);
    expect(rolled.totals.days[yesterday]?.naturalBreaks).toBe(count);
    expect(rolled.totals.through).toBe('2026-11-25');
  });

  it('moves an older version’s log of 300,000 events in one day, too', () => {
    const migrated = migrateWholeLog(bigDay(300_000), {}, now);
    expect(migrated.totals.days[yesterday]?.breaksTaken).toBe(300_000);
  });
});
