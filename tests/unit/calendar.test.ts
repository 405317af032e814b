import { describe, expect, it } from 'vitest';
import { dayCanHold } from '@/utils/transfer/calendar';
import { MAX_TIMESTAMP } from '@/utils/schema-parts';

const HOUR = 3_600_000;
const NOON_15 = Date.UTC(2027, 0, 15, 12);

/** Noon UTC on a day's date, rolled over when the day does not exist; years 0–99 kept as they are. */
function noonUtc(day: string): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  return new Date(0).setUTCFullYear(y, m - 1, d) + 12 * HOUR;
}

describe('calendar days', () => {
  it.each([
    ['2027-01-15', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['0000-01-01', true],
    ['2023-02-29', false],
    ['1900-02-29', false],
    ['2026-02-30', false],
    ['2026-04-31', false],
    ['0000-00-00', false],
    ['9999-99-99', false],
    ['2026-13-01', false],
    ['2026-1-5', false],
    ['', false],
  ])('%s is a calendar day that can hold its own noon: %s', (day, expected) => {
    expect(dayCanHold(day, noonUtc(day))).toBe(expected);
  });

  it('the Date range ends at MAX_TIMESTAMP', () => {
    expect(Number.isNaN(new Date(MAX_TIMESTAMP).getTime())).toBe(false);
    expect(Number.isNaN(new Date(MAX_TIMESTAMP + 1).getTime())).toBe(true);
  });
});

describe('a day and a time that can belong together somewhere on Earth (UTC−12 to UTC+14)', () => {
  it.each([
    ['the UTC day', '2027-01-15', NOON_15, true],
    ['the next day, east of UTC+12', '2027-01-16', NOON_15, true],
    ['the day before, only when UTC−12 reaches it', '2027-01-14', NOON_15 - 1, true],
    ['the day before, once UTC−12 has left it', '2027-01-14', NOON_15, false],
    ['the next day, once UTC+14 reaches it', '2027-01-16', Date.UTC(2027, 0, 15, 10), true],
    ['the next day, before UTC+14 reaches it', '2027-01-16', Date.UTC(2027, 0, 15, 10) - 1, false],
    ['two days off', '2027-01-17', NOON_15, false],
    ['a day that does not exist', '2027-02-30', Date.UTC(2027, 1, 28, 12), false],
  ])('%s', (_, day, at, expected) => {
    expect(dayCanHold(day, at)).toBe(expected);
  });

  it('checks a day against a span of time: from 1970 to now', () => {
    const now = Date.UTC(2027, 0, 20, 12);
    expect(dayCanHold('1969-12-31', 0, now)).toBe(true);
    expect(dayCanHold('1969-12-30', 0, now)).toBe(false);
    expect(dayCanHold('2027-01-21', 0, now)).toBe(true);
    expect(dayCanHold('2027-01-22', 0, now + 10 * HOUR)).toBe(false);
  });
});
