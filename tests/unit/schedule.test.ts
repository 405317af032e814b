import { describe, expect, it } from 'vitest';
import { activeWindowAt, isCounting, nextActiveStart, nextLocalMidnight } from '@/utils/sitting/schedule';

// Wednesday 25 November 2026, local time (Europe/Berlin in the tests).
const at = (day: number, h: number, m = 0, month = 10) => new Date(2026, month, day, h, m).getTime();

const OFFICE = { activeDays: [1, 2, 3, 4, 5], activeStart: '08:00', activeEnd: '18:00' };
const NIGHT = { activeDays: [1, 2, 3, 4, 5], activeStart: '22:00', activeEnd: '06:00' };

describe('activeWindowAt', () => {
  it.each([
    ['a weekday morning', OFFICE, at(25, 9), { start: at(25, 8), end: at(25, 18) }],
    ['the start minute', OFFICE, at(25, 8), { start: at(25, 8), end: at(25, 18) }],
    ['the end minute (excluded)', OFFICE, at(25, 18), undefined],
    ['a Saturday', OFFICE, at(28, 10), undefined],
    ['a night shift before midnight', NIGHT, at(25, 23), { start: at(25, 22), end: at(26, 6) }],
    ['a night shift after midnight', NIGHT, at(26, 3), { start: at(25, 22), end: at(26, 6) }],
    ['Saturday 03:00, after Friday night', NIGHT, at(28, 3), { start: at(27, 22), end: at(28, 6) }],
    ['Monday 03:00: Sunday night is not active', NIGHT, at(30, 3), undefined],
    ['a night-shift afternoon', NIGHT, at(25, 15), undefined],
  ])('%s', (_, hours, moment, expected) => {
    expect(activeWindowAt(hours, moment)).toEqual(expected);
  });

  it('is 9 hours long on the day clocks go forward, and 11 on the day they go back', () => {
    const allWeek = { activeDays: [0, 1, 2, 3, 4, 5, 6], activeStart: '00:30', activeEnd: '10:30' };
    const spring = activeWindowAt(allWeek, at(29, 5, 0, 2))!;
    const autumn = activeWindowAt(allWeek, at(25, 5, 0, 9))!;
    expect((spring.end - spring.start) / 3_600_000).toBe(9);
    expect((autumn.end - autumn.start) / 3_600_000).toBe(11);
  });
});

describe('nextActiveStart', () => {
  it.each([
    ['later today', OFFICE, at(25, 6), at(25, 8)],
    ['tomorrow, once today has begun', OFFICE, at(25, 9), at(26, 8)],
    ['Monday, from Friday evening', OFFICE, at(27, 19), at(30, 8)],
    ['tonight, for a night shift', NIGHT, at(25, 12), at(25, 22)],
  ])('%s', (_, hours, from, expected) => {
    expect(nextActiveStart(hours, from)).toBe(expected);
  });

  it('is undefined when no day is active', () => {
    expect(nextActiveStart({ ...OFFICE, activeDays: [] }, at(25, 9))).toBeUndefined();
  });

  it('lands on the right local hour after a DST change', () => {
    expect(new Date(nextActiveStart(OFFICE, at(24, 19, 0, 9))!).getHours()).toBe(8);
    expect(nextActiveStart(OFFICE, at(24, 19, 0, 9))).toBe(at(26, 8, 0, 9));
  });
});

describe('isCounting', () => {
  it('counts outside active hours on a day the user chose “remind me anyway”', () => {
    expect(isCounting(OFFICE, at(28, 10))).toBe(false);
    expect(isCounting(OFFICE, at(28, 10), '2026-11-28')).toBe(true);
    expect(isCounting(OFFICE, at(29, 10), '2026-11-28')).toBe(false);
  });

  it('finds the next local midnight, even on a 25-hour day', () => {
    expect(nextLocalMidnight(at(25, 1, 0, 9))).toBe(new Date(2026, 9, 26).getTime());
  });
});
