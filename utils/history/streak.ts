import type { DailyTotals } from './totals';

/**
 * Streaks without walking the calendar. A streak only changes at a day that
 * met the goal, so the count jumps from one such day to the next and counts
 * the active days missed in between by arithmetic: a damaged day in year 0,
 * or 400 days of history, cost one step each, not one step per calendar day.
 *
 * The rule (as it has always been): consecutive active days that met the
 * routine goal, counting back from today; today counts once met and does not
 * break the streak before; inactive days are passed over; one missed active
 * day is forgiven between two met days, at most one in any 7 days; a miss at
 * the far end just ends it.
 *
 * At each daily fold the streak of the folded days is kept with the totals
 * (`StoredStreak`), so a job counts only the days since, and never reads or
 * checks every stored day to show it.
 */

export interface StreakOptions {
  activeDays: readonly number[];
  goalRoutinesPerDay: number;
  fullRoutinePresetId: string;
}

export interface Streak {
  days: number;
  /** Missed active days inside the streak that were let off: at most one in any 7 days. */
  forgivenDays: string[];
}

/** Days apart a forgiven miss must be from the next one. */
const FORGIVE_EVERY_DAYS = 7;
const DAY_MS = 86_400_000;

/** A day key as a count of days since 1970-01-01: calendar arithmetic, free of time zones and DST. */
export function dayNumber(day: string): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not read years 0–99 as 1900–1999.
  date.setUTCFullYear(y, m - 1, d);
  return Math.round(date.getTime() / DAY_MS);
}

export function dayOfNumber(n: number): string {
  const date = new Date(n * DAY_MS);
  const pad = (x: number, width = 2) => String(x).padStart(width, '0');
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** 0 for Sunday, as `Date.getDay()` counts; 1970-01-01 was a Thursday. */
function weekdayOfNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

function activeWeekdays(options: StreakOptions): boolean[] {
  return Array.from({ length: 7 }, (_, weekday) => options.activeDays.includes(weekday));
}

/**
 * The active days strictly between two days, latest first, listing at most
 * two: one is forgiven, two end the streak, so more are never needed. Met
 * days are active days, so a gap always has an active weekday to find within
 * two weeks.
 */
function missedBetween(later: number, earlier: number, active: readonly boolean[]): number[] {
  const missed: number[] = [];
  for (let n = later - 1; n > earlier && missed.length < 2; n--) if (active[weekdayOfNumber(n)]) missed.push(n);
  return missed;
}

/** A day meets the routine goal with at least the goal's number of full routines (and at least one). */
function metGoal(totals: DailyTotals, day: string, options: StreakOptions): boolean {
  return (totals[day]?.completedByPreset[options.fullRoutinePresetId] ?? 0) >= Math.max(1, options.goalRoutinesPerDay);
}

/** The active days that met the goal, as day numbers, latest first; only days within [from, to]. */
function metDays(totals: DailyTotals, options: StreakOptions, from: string, to: string): number[] {
  const active = activeWeekdays(options);
  const met: number[] = [];
  for (const day of Object.keys(totals)) {
    if (day < from || day > to || !metGoal(totals, day, options)) continue;
    const n = dayNumber(day);
    if (active[weekdayOfNumber(n)]) met.push(n);
  }
  return met.sort((a, b) => b - a);
}

interface Walk {
  /** Met days counted. */
  length: number;
  forgiven: number[];
  /** Met days counted before the first forgiven miss. */
  beforeFirstForgiven: number;
  /** The last met day counted, or where the walk began. */
  previous: number;
  /** The latest forgiven miss so far (Infinity: none yet). */
  lastForgiven: number;
  ended: boolean;
}

/** Walks back over met days from `previous` (exclusive): each gap of missed active days either passes, is forgiven, or ends the streak. */
function walk(met: readonly number[], start: Pick<Walk, 'previous' | 'lastForgiven'>, active: readonly boolean[]): Walk {
  const state: Walk = { length: 0, forgiven: [], beforeFirstForgiven: 0, ...start, ended: false };
  for (const day of met) {
    if (!crossGap(state, day, active)) {
      state.ended = true;
      break;
    }
    state.length++;
    state.previous = day;
  }
  return state;
}

/** Whether the walk may go on from `state.previous` to the met day `day`, forgiving one miss between when the rule allows. */
function crossGap(state: Walk, day: number, active: readonly boolean[]): boolean {
  const [miss, secondMiss] = missedBetween(state.previous, day, active);
  if (miss === undefined) return true;
  if (secondMiss !== undefined || state.lastForgiven - miss < FORGIVE_EVERY_DAYS) return false;
  if (state.forgiven.length === 0) state.beforeFirstForgiven = state.length;
  state.forgiven.push(miss);
  state.lastForgiven = miss;
  return true;
}

/** Where a walk from today begins: a met today is counted (the gap to it is empty); an unmet today is no miss. */
function fromToday(met: readonly number[], today: number): Pick<Walk, 'previous' | 'lastForgiven'> {
  return { previous: met[0] === today ? today + 1 : today, lastForgiven: Number.POSITIVE_INFINITY };
}

/** The current streak, from every day's totals. */
export function currentStreak(totals: DailyTotals, today: string, options: StreakOptions): Streak {
  const met = metDays(totals, options, '', today);
  const result = walk(met, fromToday(met, dayNumber(today)), activeWeekdays(options));
  return { days: result.length, forgivenDays: result.forgiven.map(dayOfNumber) };
}

/** The streak of the folded days (before `through`), kept with the totals at each fold. */
export interface StoredStreak {
  /** The totals' `through` it was counted for. */
  through: string;
  /** The settings it was counted for (`streakRule`): other settings count another streak. */
  rule: string;
  /** The latest folded day that met the goal; absent when none did. */
  latestMet?: string;
  /** Met days in the run back from `latestMet`. */
  length: number;
  /** Misses forgiven inside that run, latest first. */
  forgiven: string[];
  /** Met days in the run before its first forgiven miss: where it ends if that miss is too close to a later one. */
  beforeFirstForgiven: number;
}

/** The settings a streak depends on, as one comparable string. */
export function streakRule(options: StreakOptions): string {
  return JSON.stringify([[...new Set(options.activeDays)].sort(), Math.max(1, options.goalRoutinesPerDay), options.fullRoutinePresetId]);
}

/** Counts the run of the folded days once, for storing with the totals. */
export function foldedStreak(days: DailyTotals, through: string, options: StreakOptions): StoredStreak {
  const met = metDays(days, options, '', dayOfNumber(dayNumber(through) - 1));
  const rule = streakRule(options);
  const [latest] = met;
  if (latest === undefined) return { through, rule, length: 0, forgiven: [], beforeFirstForgiven: 0 };
  const run = walk(met, { previous: latest + 1, lastForgiven: Number.POSITIVE_INFINITY }, activeWeekdays(options));
  const beforeFirstForgiven = run.forgiven.length === 0 ? run.length : run.beforeFirstForgiven;
  return { through, rule, latestMet: dayOfNumber(latest), length: run.length, forgiven: run.forgiven.map(dayOfNumber), beforeFirstForgiven };
}

/** Whether a stored streak holds for these totals and settings, on this day (a clock set back before `through` counts afresh). */
export function storedStreakHolds(stored: StoredStreak | undefined, through: string, today: string, options: StreakOptions): stored is StoredStreak {
  return stored !== undefined && stored.through === through && stored.rule === streakRule(options) && today >= through;
}

/**
 * The current streak from the stored run of the folded days plus the days
 * since (`recent`: the totals of days from `through` to today). Gives what
 * `currentStreak` gives on every day's totals.
 */
export function streakAfterFold(stored: StoredStreak, recent: DailyTotals, today: string, options: StreakOptions): Streak {
  const active = activeWeekdays(options);
  const met = metDays(recent, options, stored.through, today);
  const state = walk(met, fromToday(met, dayNumber(today)), active);
  const forgiven = state.forgiven.map(dayOfNumber);
  if (state.ended || stored.latestMet === undefined || !crossGap(state, dayNumber(stored.latestMet), active)) {
    return { days: state.length, forgivenDays: forgiven };
  }
  const bridged = state.forgiven.length > forgiven.length ? [dayOfNumber(state.lastForgiven)] : [];
  const [firstOfRun] = stored.forgiven;
  // The run's own first forgiven miss may now lie within 7 days of a later one: the streak ends there.
  if (firstOfRun !== undefined && state.lastForgiven - dayNumber(firstOfRun) < FORGIVE_EVERY_DAYS) {
    return { days: state.length + stored.beforeFirstForgiven, forgivenDays: [...forgiven, ...bridged] };
  }
  return { days: state.length + stored.length, forgivenDays: [...forgiven, ...bridged, ...stored.forgiven] };
}
