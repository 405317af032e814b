import type { RollCallEvent } from './events';
import { dayKeyNoon, localDayKey } from '../day';
import type { StreakOptions } from './streak';

/**
 * History: daily totals read from the event log, streaks, and compaction.
 * A day is the local calendar day an event happened on, fixed in the event
 * itself, so totals never move when the clocks change or the user travels.
 */

export interface DayTotals {
  breaksDue: number;
  breaksTaken: number;
  naturalBreaks: number;
  skipped: number;
  snoozed: number;
  routinesCompleted: number;
  routinesStopped: number;
  /** Completed routines by preset id, so the “full routine” can be chosen after the fact. */
  completedByPreset: Record<string, number>;
  routineMs: number;
  longestSittingMs: number;
  comfortFeet: number[];
  comfortBack: number[];
}

export type DailyTotals = Record<string, DayTotals>;

/** Raw events are kept this long; older ones live on only as daily totals. */
export const RAW_EVENT_DAYS = 30;
/** Daily totals are kept this long. */
export const TOTALS_DAYS = 400;

export function emptyDay(): DayTotals {
  return {
    breaksDue: 0,
    breaksTaken: 0,
    naturalBreaks: 0,
    skipped: 0,
    snoozed: 0,
    routinesCompleted: 0,
    routinesStopped: 0,
    completedByPreset: {},
    routineMs: 0,
    longestSittingMs: 0,
    comfortFeet: [],
    comfortBack: [],
  };
}

function addEvent(day: DayTotals, event: RollCallEvent): void {
  switch (event.type) {
    case 'breakDue':
      day.breaksDue++;
      return;
    case 'breakTaken':
      day.breaksTaken++;
      if (event.how === 'natural') day.naturalBreaks++;
      return;
    case 'skipped':
      day.skipped++;
      return;
    case 'snoozed':
      day.snoozed++;
      return;
    case 'routineCompleted':
      day.routinesCompleted++;
      day.completedByPreset[event.presetId] = (day.completedByPreset[event.presetId] ?? 0) + 1;
      day.routineMs += event.durationMs;
      return;
    case 'routineStopped':
      day.routinesStopped++;
      day.routineMs += event.durationMs;
      return;
    case 'sittingEnded':
      day.longestSittingMs = Math.max(day.longestSittingMs, event.durationMs);
      return;
    case 'comfortRated':
      if (event.feet !== undefined) day.comfortFeet.push(event.feet);
      if (event.back !== undefined) day.comfortBack.push(event.back);
      return;
    case 'repaired':
      return;
  }
}

/** Every day's totals: the compacted past plus the raw events still kept. */
export function dailyTotals(events: readonly RollCallEvent[], compacted: DailyTotals = {}): DailyTotals {
  const all: DailyTotals = { ...compacted };
  // A compacted day is copied before the first event adds to it, so the caller's totals are never changed.
  const copied = new Set<string>();
  for (const event of events) {
    let day = all[event.day];
    if (!day || !copied.has(event.day)) {
      copied.add(event.day);
      day = all[event.day] = day ? structuredClone(day) : emptyDay();
    }
    addEvent(day, event);
  }
  return all;
}

export function fullRoutinesOn(day: DayTotals | undefined, fullRoutinePresetId: string): number {
  return day?.completedByPreset[fullRoutinePresetId] ?? 0;
}

/** The local calendar day `offset` days from `day` (a `YYYY-MM-DD` key); DST-safe, by calendar fields. */
export function shiftDay(day: string, offset: number): string {
  return localDayKey(dayKeyNoon(day, offset).getTime());
}

/** The weekday of a day key, 0 for Sunday as `Date.getDay()` counts. */
export function weekdayOf(day: string): number {
  return dayKeyNoon(day).getDay();
}

export { currentStreak, type Streak, type StreakOptions } from './streak';

/** A day meets the routine goal with at least the goal's number of full routines (and at least one). */
export function goalMet(day: DayTotals | undefined, options: StreakOptions): boolean {
  return fullRoutinesOn(day, options.fullRoutinePresetId) >= Math.max(1, options.goalRoutinesPerDay);
}

export interface TodaySummary {
  fullRoutines: number;
  breaksTaken: number;
  longestSittingMs: number;
}

export function todaySummary(totals: DailyTotals, today: string, fullRoutinePresetId: string): TodaySummary {
  const day = totals[today];
  return {
    fullRoutines: fullRoutinesOn(day, fullRoutinePresetId),
    breaksTaken: day?.breaksTaken ?? 0,
    longestSittingMs: day?.longestSittingMs ?? 0,
  };
}

/**
 * The first day of the history: the earliest day anything was recorded (or
 * imported), else today. Days before it are not missed days, since Roll Call
 * was not there yet; the stored history itself says when it began, so no
 * separate install date is kept (and an import or a reset moves it along).
 */
export function historyStart(totals: DailyTotals, today: string): string {
  let start = today;
  for (const day of Object.keys(totals)) if (day < start) start = day;
  return start;
}

/** The `count` days ending with `today`, oldest first. */
export function lastDays(today: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftDay(today, i - count + 1));
}

const average = (values: number[]) => (values.length === 0 ? undefined : values.reduce((a, b) => a + b, 0) / values.length);

export interface ComfortPoint {
  day: string;
  feet?: number;
  back?: number;
}

/** Each rated day's average comfort, oldest first, for the trend. */
export function comfortTrend(totals: DailyTotals, days: readonly string[]): ComfortPoint[] {
  return days.flatMap((day) => {
    const t = totals[day];
    if (!t || (t.comfortFeet.length === 0 && t.comfortBack.length === 0)) return [];
    return [{ day, feet: average(t.comfortFeet), back: average(t.comfortBack) }];
  });
}

export interface AllTimeTotals {
  breaksTaken: number;
  routinesCompleted: number;
  routineMinutes: number;
  daysRecorded: number;
}

export function allTimeTotals(totals: DailyTotals): AllTimeTotals {
  let breaksTaken = 0;
  let routinesCompleted = 0;
  let routineMs = 0;
  for (const day of Object.values(totals)) {
    breaksTaken += day.breaksTaken;
    routinesCompleted += day.routinesCompleted;
    routineMs += day.routineMs;
  }
  return { breaksTaken, routinesCompleted, routineMinutes: Math.round(routineMs / 60_000), daysRecorded: Object.keys(totals).length };
}

/** Daily totals as CSV, one row a day, oldest first, for spreadsheets. */
export function totalsToCsv(totals: DailyTotals, fullRoutinePresetId: string): string {
  const header =
    'date,breaks_due,breaks_taken,natural_breaks,skipped,snoozed,routines_completed,full_routines,routines_stopped,routine_minutes,longest_sitting_minutes';
  const rows = Object.keys(totals)
    .sort()
    .map((day) => {
      const t = totals[day] ?? emptyDay();
      return [
        day,
        t.breaksDue,
        t.breaksTaken,
        t.naturalBreaks,
        t.skipped,
        t.snoozed,
        t.routinesCompleted,
        fullRoutinesOn(t, fullRoutinePresetId),
        t.routinesStopped,
        Math.round(t.routineMs / 60_000),
        Math.round(t.longestSittingMs / 60_000),
      ].join(',');
    });
  return [header, ...rows].join('\r\n') + '\r\n';
}
