import { localDayKey } from '../day';

/**
 * Active hours: the days of the week and the times of day when Roll Call
 * counts sitting. A window that ends at or before its start crosses midnight
 * (22:00–06:00) and belongs to the day it starts on. Every moment is built
 * from local calendar fields, so DST days and time-zone changes need no
 * special case: each wake simply recomputes from the current local time.
 */

export interface ActiveHours {
  /** 0 is Sunday. */
  activeDays: readonly number[];
  activeStart: string;
  activeEnd: string;
}

export interface TimeWindow {
  start: number;
  end: number;
}

/** A time of day as the settings store it, `HH:MM` on a 24-hour clock. */
export const CLOCK_TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

export function isClockTime(value: string): boolean {
  return CLOCK_TIME_PATTERN.test(value);
}

const DAY_SEARCH_LIMIT = 8;

function hoursAndMinutes(clock: string): [number, number] {
  const [h, m] = clock.split(':').map(Number);
  return [h ?? 0, m ?? 0];
}

export function crossesMidnight(hours: Pick<ActiveHours, 'activeStart' | 'activeEnd'>): boolean {
  return hours.activeEnd <= hours.activeStart;
}

/** The window that starts on the local day `dayOffset` days after the day of `at`, if that day is active. */
function windowStartingOn(hours: ActiveHours, at: number, dayOffset: number): TimeWindow | undefined {
  const base = new Date(at);
  const day = new Date(base.getFullYear(), base.getMonth(), base.getDate() + dayOffset);
  if (!hours.activeDays.includes(day.getDay())) return undefined;
  const [sh, sm] = hoursAndMinutes(hours.activeStart);
  const [eh, em] = hoursAndMinutes(hours.activeEnd);
  const start = new Date(day.getFullYear(), day.getMonth(), day.getDate(), sh, sm).getTime();
  const endDay = day.getDate() + (crossesMidnight(hours) ? 1 : 0);
  const end = new Date(day.getFullYear(), day.getMonth(), endDay, eh, em).getTime();
  return { start, end };
}

/** The active window that contains `at`, if any. */
export function activeWindowAt(hours: ActiveHours, at: number): TimeWindow | undefined {
  for (const offset of [0, -1]) {
    const window = windowStartingOn(hours, at, offset);
    if (window && window.start <= at && at < window.end) return window;
  }
  return undefined;
}

/** The first start of an active window after `after`; undefined when no day is active. */
export function nextActiveStart(hours: ActiveHours, after: number): number | undefined {
  for (let offset = 0; offset <= DAY_SEARCH_LIMIT; offset++) {
    const window = windowStartingOn(hours, after, offset);
    if (window && window.start > after) return window.start;
  }
  return undefined;
}

/** The start of the local day after the one `at` falls on. */
export function nextLocalMidnight(at: number): number {
  const d = new Date(at);
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + 1).getTime();
}

/**
 * Whether sitting counts at `at`: inside active hours, or on a day for which
 * the user chose “Remind me anyway today”.
 */
export function isCounting(hours: ActiveHours, at: number, remindAnywayDay?: string): boolean {
  return remindAnywayDay === localDayKey(at) || activeWindowAt(hours, at) !== undefined;
}
