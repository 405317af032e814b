import type { NewEvent } from '../history/events';
import { localDayKey } from '../day';
import { activeWindowAt, isCounting, nextActiveStart, nextLocalMidnight } from './schedule';
import type { Settings } from '../settings/settings';

/**
 * The sitting tracker: a pure state machine. It is told what happened (the
 * worker woke, an alarm fired, the user went idle or came back, a button was
 * pressed) and the time, and answers with its new state and the effects the
 * background must carry out. Sitting time is always `now - sittingSince`, so a
 * late or missed alarm finds out where things stand and never replays.
 */

export interface Reminder {
  /** Unique per reminder, and part of its notification id, so a click on a stale one is recognised. */
  id: string;
  dueAt: number;
  /** When the reminder was last shown; undefined while held or snoozed. */
  shownAt?: number;
  /** Snoozes in a row for this stretch. */
  snoozes: number;
  snoozedUntil?: number;
  /** Set while a due reminder waits for a fullscreen window or a call to end. */
  heldSince?: number;
}

export interface SittingState {
  /** Start of the current sitting stretch; undefined while not counting (paused, outside hours, in a routine). */
  sittingSince?: number;
  /** The last moment the background knew the browser was running; a larger gap than the threshold is time away. */
  lastSeenAt: number;
  /** When the user went idle or locked the screen. */
  awaySince?: number;
  reminder?: Reminder;
  /** `until: null` pauses until the user resumes. */
  pause?: { until: number | null };
  /** Set while a routine runs: the tracker rests. */
  routineSince?: number;
  /** “Remind me anyway today”: the local day it was chosen for. */
  remindAnywayDay?: string;
}

/** What views show of the tracker: everything but the last-seen time, which changes every minute and only the tracker reads. */
export type SittingView = Omit<SittingState, 'lastSeenAt'>;

export type SittingSettings = Pick<
  Settings,
  'sittingIntervalMin' | 'breakThresholdMin' | 'snoozeMin' | 'activeDays' | 'activeStart' | 'activeEnd' | 'quietWhileBusy'
>;

export interface SittingContext {
  now: number;
  settings: SittingSettings;
  /** A fullscreen focused window, or an unmuted tab playing sound. Only asked for when a reminder is due. */
  busy: boolean;
}

export type SittingInput =
  | { type: 'wake' }
  /** A sitting alarm; the refresh also says what the idle API and the tabs report now, when the shell asked. */
  | { type: 'alarm'; seen?: { idleState: IdleState; audible: boolean } }
  | { type: 'idle'; idleState: IdleState; audible: boolean }
  | { type: 'snooze'; reminderId?: string }
  | { type: 'skip'; reminderId?: string }
  | { type: 'routineStarted' }
  | { type: 'routineEnded'; outcome: 'completed' | 'stopped' }
  | { type: 'pause'; until: number | null }
  | { type: 'resume' }
  | { type: 'remindAnyway' }
  | { type: 'settingsChanged' }
  /** A break taken on another device of the same synced profile, already checked by `sharedBreakEnd`. */
  | { type: 'sharedBreak'; at: number };

export type IdleState = 'active' | 'idle' | 'locked';

export type SittingEffect =
  | { type: 'log'; event: NewEvent }
  | { type: 'showReminder'; reminderId: string; sittingMs: number; snoozes: number; silent: boolean }
  | { type: 'clearReminder'; reminderId: string };

export interface SittingResult {
  state: SittingState;
  effects: SittingEffect[];
}

export type SittingMode = 'routine' | 'paused' | 'outside' | 'away' | 'tracking';

/**
 * The refresh alarm comes every minute, but a packed Chrome build may run it
 * up to 30 s late; a gap shorter than this is never taken for time away.
 */
export const MIN_GAP_FOR_AWAY_MS = 3 * 60_000;
/** A due reminder waits at most this long for a call or a fullscreen video to end, then comes silently. */
export const MAX_HOLD_MS = 15 * 60_000;
/** From this many snoozes in a row, the reminder also says how often it was snoozed. */
export const SNOOZES_BEFORE_COUNT_SHOWN = 3;

const minutes = (n: number) => n * 60_000;

/** How long the user can pause reminders for, in the order the menu offers them. */
export const PAUSE_CHOICES = ['m30', 'h1', 'h2', 'tomorrow', 'untilResumed'] as const;
export type PauseChoice = (typeof PAUSE_CHOICES)[number];

export function initialSittingState(now: number): SittingState {
  return { lastSeenAt: now };
}

export function sittingMode(state: SittingView, ctx: Pick<SittingContext, 'now' | 'settings'>): SittingMode {
  if (state.routineSince !== undefined) return 'routine';
  if (state.pause) return 'paused';
  if (!isCounting(ctx.settings, ctx.now, state.remindAnywayDay)) return 'outside';
  if (state.awaySince !== undefined) return 'away';
  return 'tracking';
}

/** Sitting time so far, never negative, even after the clock jumped backwards. */
export function sittingMs(state: SittingView, now: number): number {
  if (state.sittingSince === undefined) return 0;
  const until = state.awaySince ?? now;
  return Math.max(0, until - state.sittingSince);
}

/** When the next reminder is due, for the badge and the popup; undefined when none is pending. */
export function nextBreakAt(state: SittingView, settings: SittingSettings): number | undefined {
  if (state.sittingSince === undefined || state.routineSince !== undefined || state.pause) return undefined;
  if (state.reminder) return state.reminder.snoozedUntil ?? state.reminder.dueAt;
  return state.sittingSince + minutes(settings.sittingIntervalMin);
}

/** One transition of the sitting state under way: the state so far and the effects it has asked for. */
class Transition {
  effects: SittingEffect[] = [];
  constructor(
    public state: SittingState,
    readonly ctx: SittingContext,
  ) {}

  log(event: NewEvent) {
    this.effects.push({ type: 'log', event });
  }

  set(patch: Partial<SittingState>) {
    this.state = { ...this.state, ...patch };
  }

  /** Ends the current stretch at `at`, logging its length, and drops any reminder. */
  endStretch(at: number) {
    const { sittingSince } = this.state;
    if (sittingSince !== undefined && at > sittingSince) {
      this.log({ type: 'sittingEnded', at, startedAt: sittingSince, durationMs: at - sittingSince });
    }
    this.dropReminder();
    this.set({ sittingSince: undefined, awaySince: undefined });
  }

  dropReminder() {
    const { reminder } = this.state;
    if (reminder?.shownAt !== undefined) this.effects.push({ type: 'clearReminder', reminderId: reminder.id });
    this.set({ reminder: undefined });
  }

  /** Time away long enough to count: the stretch ended when the user left, and a new one starts on return. */
  naturalBreak(leftAt: number) {
    const hadStretch = this.state.sittingSince !== undefined;
    this.endStretch(leftAt);
    if (hadStretch) this.log({ type: 'breakTaken', at: this.ctx.now, how: 'natural' });
  }

  startStretch() {
    this.set({ sittingSince: this.ctx.now, awaySince: undefined, reminder: undefined });
  }
}

/**
 * Brings the state up to `now` before any input is applied: follows a clock
 * set back, ends what the user chose for a time that is over, ends the stretch
 * when counting stopped, notices time away since the last look, and delivers
 * a reminder that has come due.
 */
function catchUp(change: Transition) {
  followClockBack(change);
  endExpiredChoices(change);
  const mode = sittingMode(change.state, change.ctx);
  if (mode === 'paused' || mode === 'outside') endStretchWhenCountingStopped(change);
  else if (mode !== 'routine') noticeGapAway(change);
  change.set({ lastSeenAt: change.ctx.now });
  if (mode !== 'tracking') return;
  if (change.state.sittingSince === undefined) change.startStretch();
  deliverDueReminder(change);
}

/** The clock jumped backwards: no fake break, and no stretch from the future. */
function followClockBack(change: Transition) {
  const { now } = change.ctx;
  const { lastSeenAt, sittingSince } = change.state;
  if (now >= lastSeenAt) return;
  change.set({ lastSeenAt: now, sittingSince: sittingSince === undefined ? undefined : Math.min(sittingSince, now) });
}

/** A pause whose time is up ends, and “Remind me anyway today” ends with its day. */
function endExpiredChoices(change: Transition) {
  const { now } = change.ctx;
  const { pause, remindAnywayDay } = change.state;
  if (pause && pause.until !== null && now >= pause.until) change.set({ pause: undefined });
  if (remindAnywayDay !== undefined && remindAnywayDay !== localDayKey(now)) change.set({ remindAnywayDay: undefined });
}

/** Active hours ended (or a pause set elsewhere began) since the last look: the stretch ended with them. */
function endStretchWhenCountingStopped(change: Transition) {
  const { lastSeenAt, sittingSince } = change.state;
  if (sittingSince === undefined) return;
  const windowEnd = activeWindowAt(change.ctx.settings, lastSeenAt)?.end ?? lastSeenAt;
  change.endStretch(Math.min(change.ctx.now, windowEnd));
}

/** The browser was closed or the machine slept: the gap since we last saw it is time away. */
function noticeGapAway(change: Transition) {
  const { lastSeenAt, sittingSince, awaySince } = change.state;
  const awayGap = Math.max(minutes(change.ctx.settings.breakThresholdMin), MIN_GAP_FOR_AWAY_MS);
  if (sittingSince !== undefined && awaySince === undefined && change.ctx.now - lastSeenAt >= awayGap) change.naturalBreak(lastSeenAt);
}

function deliverDueReminder(change: Transition) {
  const { now, settings, busy } = change.ctx;
  const { sittingSince } = change.state;
  if (sittingSince === undefined) return;
  const dueAt = sittingSince + minutes(settings.sittingIntervalMin);
  let reminder = change.state.reminder;
  if (!reminder) {
    if (now < dueAt) return;
    reminder = { id: `r${dueAt.toString(36)}`, dueAt, snoozes: 0 };
    change.log({ type: 'breakDue', at: now, sittingMs: now - sittingSince });
  } else if (reminder.shownAt !== undefined) {
    // A reminder nobody answered comes back once a snooze length has passed: it may have been missed,
    // closed by the system (Firefox closes its notifications after about 20 s), or lost to a crash
    // between storing it and showing it. Reminding never stops silently.
    if (now < reminder.shownAt + minutes(settings.snoozeMin)) return;
    change.effects.push({ type: 'clearReminder', reminderId: reminder.id });
    reminder = { ...reminder, shownAt: undefined };
  } else if (reminder.snoozedUntil !== undefined) {
    if (now < reminder.snoozedUntil) return;
    // Each snooze brings a new reminder, with its own id, so clicks on the old one do nothing.
    reminder = { ...reminder, id: `r${reminder.snoozedUntil.toString(36)}`, snoozedUntil: undefined };
  }

  const heldSince = reminder.heldSince ?? now;
  const heldTooLong = now - heldSince >= MAX_HOLD_MS;
  if (settings.quietWhileBusy && busy && !heldTooLong) {
    change.set({ reminder: { ...reminder, heldSince } });
    return;
  }
  change.set({ reminder: { ...reminder, heldSince: undefined, shownAt: now } });
  change.effects.push({
    type: 'showReminder',
    reminderId: reminder.id,
    sittingMs: now - sittingSince,
    snoozes: reminder.snoozes,
    silent: heldTooLong && reminder.heldSince !== undefined,
  });
}

/** Whether a button press refers to the reminder under way, not a stale one from earlier. */
export function isCurrentReminder(state: SittingState, reminderId: string | undefined): boolean {
  return reminderId === undefined || state.reminder?.id === reminderId;
}

function applyInput(change: Transition, input: SittingInput) {
  const { now } = change.ctx;
  switch (input.type) {
    case 'wake':
    case 'settingsChanged':
      return;
    case 'alarm':
      if (input.seen) noticeQuietIdle(change, input.seen);
      return;
    case 'idle': {
      const { routineSince, sittingSince } = change.state;
      if (routineSince !== undefined || sittingSince === undefined) return;
      if (input.idleState === 'active') userReturned(change);
      else userLeft(change, sittingSince, input);
      return;
    }
    case 'snooze':
      snooze(change, input.reminderId);
      return;
    case 'skip':
      skipBreak(change, input.reminderId);
      return;
    case 'routineStarted':
      // Starting a routine means standing up: the stretch ends now, and the tracker rests.
      change.endStretch(now);
      change.set({ routineSince: now });
      return;
    case 'routineEnded':
      if (input.outcome === 'completed') change.log({ type: 'breakTaken', at: now, how: 'routine' });
      change.set({ routineSince: undefined });
      if (sittingMode(change.state, change.ctx) === 'tracking') change.startStretch();
      return;
    case 'pause':
      change.endStretch(now);
      change.set({ pause: { until: input.until } });
      return;
    case 'resume':
      change.set({ pause: undefined });
      if (sittingMode(change.state, change.ctx) === 'tracking' && change.state.sittingSince === undefined) change.startStretch();
      return;
    case 'sharedBreak':
      // The user stood up elsewhere: this stretch ended then, whatever this device saw meanwhile.
      if (change.state.sittingSince === undefined) return;
      change.naturalBreak(Math.min(input.at, change.state.awaySince ?? input.at));
      change.startStretch();
      return;
    case 'remindAnyway':
      change.set({ remindAnywayDay: localDayKey(now) });
      if (change.state.sittingSince === undefined && sittingMode(change.state, change.ctx) === 'tracking') change.startStretch();
      return;
  }
}

/**
 * Chrome reports `idle` once; if a tab was playing sound then, it was not time away, and no second
 * report comes when the sound stops. So each refresh looks again: idle with no sound means away,
 * counted from this look, the first moment known to be both quiet and without input.
 */
function noticeQuietIdle(change: Transition, seen: { idleState: IdleState; audible: boolean }) {
  const { routineSince, sittingSince, awaySince } = change.state;
  if (seen.idleState === 'active' || seen.audible) return;
  if (routineSince !== undefined || sittingSince === undefined || awaySince !== undefined) return;
  change.set({ awaySince: Math.max(change.ctx.now, sittingSince) });
}

/** Back at the computer: an absence of at least the threshold was a break; a shorter one was still sitting. */
function userReturned(change: Transition) {
  const { awaySince } = change.state;
  if (awaySince === undefined) return;
  if (change.ctx.now - awaySince >= minutes(change.ctx.settings.breakThresholdMin)) {
    change.naturalBreak(awaySince);
    change.startStretch();
  } else {
    change.set({ awaySince: undefined });
  }
  deliverDueReminder(change);
}

/** Idle or locked during the stretch that began at `sittingSince`: the user left, unless sound says they are still there. */
function userLeft(change: Transition, sittingSince: number, { idleState, audible }: { idleState: IdleState; audible: boolean }) {
  // Someone on a call or watching a talk is still sitting, even without touching the keyboard.
  if (idleState === 'idle' && audible) return;
  const { now, settings } = change.ctx;
  // The idle state is reported a threshold after the last input; the user left then.
  const leftAt = Math.max(idleState === 'idle' ? now - minutes(settings.breakThresholdMin) : now, sittingSince);
  // A refresh may have noticed the absence first, later than it began; the report knows better.
  const { awaySince } = change.state;
  if (awaySince === undefined || leftAt < awaySince) change.set({ awaySince: leftAt });
}

/** Skip lets the break go by: it is logged as skipped, and the sitting clock starts again. */
function skipBreak(change: Transition, reminderId: string | undefined) {
  if (change.state.sittingSince === undefined || !isCurrentReminder(change.state, reminderId)) return;
  const { now } = change.ctx;
  change.log({ type: 'skipped', at: now });
  change.endStretch(now);
  change.startStretch();
}

/** Snooze takes the reminder under way off the screen and brings it back a snooze length from now. */
function snooze(change: Transition, reminderId: string | undefined) {
  const { reminder } = change.state;
  if (!reminder || !isCurrentReminder(change.state, reminderId)) return;
  const { now, settings } = change.ctx;
  const snoozes = reminder.snoozes + 1;
  change.log({ type: 'snoozed', at: now, count: snoozes });
  if (reminder.shownAt !== undefined) change.effects.push({ type: 'clearReminder', reminderId: reminder.id });
  change.set({
    reminder: { ...reminder, snoozes, shownAt: undefined, heldSince: undefined, snoozedUntil: now + minutes(settings.snoozeMin) },
  });
}

export function trackSitting(state: SittingState, input: SittingInput, ctx: SittingContext): SittingResult {
  const change = new Transition(state, ctx);
  catchUp(change);
  applyInput(change, input);
  return { state: change.state, effects: change.effects };
}

/** When a pause chosen at `now` ends; null means until the user resumes. */
export function pauseUntil(choice: PauseChoice, now: number, settings: SittingSettings): number | null {
  switch (choice) {
    case 'm30':
      return now + minutes(30);
    case 'h1':
      return now + minutes(60);
    case 'h2':
      return now + minutes(120);
    case 'tomorrow':
      return nextActiveStart(settings, nextLocalMidnight(now) - 1) ?? null;
    case 'untilResumed':
      return null;
  }
}

export const SITTING_ALARMS = {
  /** The moment a reminder comes due, or a snooze ends. */
  break: 'sitting-break',
  /** Once a minute while tracking: keeps the badge and the last-seen time fresh. */
  refresh: 'sitting-refresh',
  /** The end of a pause, or the next start of active hours. */
  resume: 'sitting-resume',
} as const;

export type SittingAlarmName = (typeof SITTING_ALARMS)[keyof typeof SITTING_ALARMS];

export type AlarmPlan = Partial<Record<SittingAlarmName, { when: number } | { periodInMinutes: number }>>;

/**
 * The alarms the tracker needs now, and no others: while tracking, the break
 * and a 1-minute refresh; while paused or outside active hours, only the
 * resume; during a routine, none (the routine's step alarm is its own).
 */
export function plannedAlarms(state: SittingState, ctx: Pick<SittingContext, 'now' | 'settings'>): AlarmPlan {
  switch (sittingMode(state, ctx)) {
    case 'routine':
      return {};
    case 'paused':
      return state.pause?.until != null ? { [SITTING_ALARMS.resume]: { when: state.pause.until } } : {};
    case 'outside': {
      const next = nextActiveStart(ctx.settings, ctx.now);
      return next === undefined ? {} : { [SITTING_ALARMS.resume]: { when: next } };
    }
    case 'away':
      return { [SITTING_ALARMS.refresh]: { periodInMinutes: 1 } };
    case 'tracking': {
      const plan: AlarmPlan = { [SITTING_ALARMS.refresh]: { periodInMinutes: 1 } };
      const reminder = state.reminder;
      if (reminder?.heldSince !== undefined) return plan;
      if (reminder?.shownAt !== undefined) {
        plan[SITTING_ALARMS.break] = { when: reminder.shownAt + minutes(ctx.settings.snoozeMin) };
        return plan;
      }
      const breakAt = nextBreakAt(state, ctx.settings);
      if (breakAt !== undefined) plan[SITTING_ALARMS.break] = { when: breakAt };
      return plan;
    }
  }
}
