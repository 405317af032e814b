import type { NewEvent, Repair } from '../history/events';
import { TEST_REMINDER_ID, type ReplyErrorKey, type Reply, type RoutineRequest } from '../protocol/messages';
import { findPreset, type Preset } from '../routine/presets';
import { applyRoutineCommand, tick, type RoutineState, type TimerEffect, type TimerResult } from '../routine/timer';
import type { Settings } from '../settings/settings';
import { isCurrentReminder, trackSitting, type SittingEffect, type SittingInput, type SittingState } from '../sitting/rules';
import { sharedBreakEnd, type SharedBreak } from '../sitting/shared-break';
import { SHORTCUTS } from '../protocol/shortcuts';
import { rebaseRoutine, restMismatch, routineViolations, type AppState } from './invariants';

/**
 * One job of the background, as a pure function: whatever woke the worker
 * (a command, an alarm, an idle change, its own start) goes in with the
 * stored state and the time; out come the new state, the events to log, the
 * effects to carry out and the reply. The routine timer and the sitting clock
 * move together here, so a routine that starts or ends changes both in the
 * same result, and the shell writes them in one `storage.local.set`.
 */

export type RoutineCommandRequest = Exclude<RoutineRequest, { type: 'rateComfort' }>;

export type JobInput =
  /** The worker started: catch up after sleep, a closed browser or a crash. */
  | { type: 'start' }
  | { type: 'sitting'; input: SittingInput }
  | { type: 'routine'; request: RoutineCommandRequest }
  | { type: 'stepAlarm' }
  /** Start the break routine, from a reminder (with its id) or the popup. */
  | { type: 'startBreak'; reminderId?: string }
  | { type: 'rateComfort'; feet?: number; back?: number }
  /** A keyboard shortcut, by its manifest command name. */
  | { type: 'shortcut'; name: string }
  /** Another device's break record arrived through `storage.sync`, as stored (unchecked). */
  | { type: 'sharedBreak'; record: unknown }
  /** A reminder's notification closed without an answer (Firefox closes them by itself after about 20 s). */
  | { type: 'reminderClosed'; reminderId: string };

export interface JobContext {
  now: number;
  settings: Settings;
  presets: readonly Preset[];
  /** A fullscreen window or a call: asked for only when a reminder is about to show. */
  busy: boolean;
  /** This device's id, which it puts in the break records it shares. */
  deviceId: string;
}

export type JobEffect =
  | Exclude<SittingEffect, { type: 'log' }>
  | Extract<TimerEffect, { type: 'stepCue' | 'momentCue' | 'finishCue' }>
  /** An open view gives exact cues; opened when a break starts from a reminder. */
  | { type: 'openPopOut' }
  /** A routine ended here: the other devices of the synced profile restart their sitting clock too. */
  | { type: 'shareBreak'; record: SharedBreak }
  /** The reminder's choice window, unless one shows it already. */
  | { type: 'openReminderWindow'; reminderId: string };

export interface JobResult {
  state: AppState;
  events: NewEvent[];
  effects: JobEffect[];
  reply: Reply;
}

const REJECTIONS: Record<NonNullable<TimerResult['rejected']>, ReplyErrorKey> = {
  noSteps: 'error_no_steps',
  notRunning: 'error_not_running',
  alreadyRunning: 'error_already_running',
  undoExpired: 'error_undo_expired',
};

class Job {
  sitting: SittingState;
  routine: RoutineState;
  readonly events: NewEvent[] = [];
  readonly effects: JobEffect[] = [];
  reply: Reply = { ok: true };

  constructor(
    state: AppState,
    readonly ctx: JobContext,
  ) {
    this.sitting = state.sitting;
    this.routine = state.routine;
  }

  feedSitting(input: SittingInput, at = this.ctx.now) {
    const result = trackSitting(this.sitting, input, { now: at, settings: this.ctx.settings, busy: this.ctx.busy });
    this.sitting = result.state;
    for (const effect of result.effects) {
      if (effect.type === 'log') this.events.push(effect.event);
      else this.effects.push(effect);
    }
  }

  /** Takes the timer's result; a routine starting or ending is news for the sitting clock, at the moment it happened. */
  applyTimer(result: TimerResult) {
    this.routine = result.state;
    for (const effect of result.effects) {
      switch (effect.type) {
        case 'log':
          this.events.push(effect.event);
          break;
        case 'stepCue':
        case 'momentCue':
        case 'finishCue':
          this.effects.push(effect);
          break;
        case 'routineStarted':
          this.feedSitting({ type: 'routineStarted' }, effect.at);
          break;
        case 'routineEnded':
          this.feedSitting({ type: 'routineEnded', outcome: effect.outcome }, effect.at);
          // Stopped early counts too: the user stood up, and the sitting clock starts again here as well.
          if (this.ctx.settings.followBreaks) this.effects.push({ type: 'shareBreak', record: { at: effect.at, deviceId: this.ctx.deviceId } });
          break;
      }
    }
    if (result.rejected) this.reply = { ok: false, error: REJECTIONS[result.rejected] };
  }

  /** Logs a repair once per job, however many checks find the same fault. */
  repaired(invariant: Repair) {
    if (this.events.some((e) => e.type === 'repaired' && e.invariant === invariant)) return;
    this.events.push({ type: 'repaired', at: this.ctx.now, invariant });
  }

  refuse(error: ReplyErrorKey) {
    this.reply = { ok: false, error };
  }

  startRoutine(presetId: string) {
    const preset = findPreset(this.ctx.presets, presetId);
    if (!preset) {
      this.refuse('error_unknown_preset');
      return;
    }
    this.applyTimer(
      applyRoutineCommand(this.routine, { type: 'start', presetId: preset.id, steps: preset.steps, leadInSec: this.ctx.settings.leadInSec }, this.ctx.now),
    );
  }

  /** Repairs what the invariants forbid, logging each repair. */
  heal() {
    for (const violation of routineViolations({ sitting: this.sitting, routine: this.routine }, this.ctx.now)) {
      this.routine = violation.routine;
      this.repaired(violation.repair);
    }
    const mismatch = restMismatch({ sitting: this.sitting, routine: this.routine });
    if (mismatch === 'restingWithoutRoutine') this.feedSitting({ type: 'routineEnded', outcome: 'stopped' });
    if (mismatch === 'routineWithoutRest') this.feedSitting({ type: 'routineStarted' });
    if (mismatch) this.repaired(mismatch);
  }
}

/**
 * A button on a reminder that has passed only takes it off the screen, and says so.
 * The test reminder is never stored, so never passes: it too goes off the screen, and
 * the answer goes on as usual. Start starts the break routine; Snooze and Skip find no
 * reminder of its id, so the real sitting clock stays as it was.
 */
function refuseStale(job: Job, reminderId: string | undefined): boolean {
  if (isCurrentReminder(job.sitting, reminderId)) return false;
  if (reminderId !== undefined) job.effects.push({ type: 'clearReminder', reminderId });
  if (reminderId === TEST_REMINDER_ID) return false;
  job.refuse('error_stale_reminder');
  return true;
}

function applyInput(job: Job, input: JobInput) {
  const { now, settings } = job.ctx;
  switch (input.type) {
    case 'start': {
      job.feedSitting({ type: 'wake' });
      return;
    }
    case 'sitting': {
      const { input: sittingInput } = input;
      if ((sittingInput.type === 'snooze' || sittingInput.type === 'skip') && refuseStale(job, sittingInput.reminderId)) return;
      job.feedSitting(sittingInput);
      return;
    }
    case 'stepAlarm':
      // The catch-up before the input did all there is to do.
      return;
    case 'routine':
      if (input.request.type === 'start') {
        job.startRoutine(input.request.presetId);
        return;
      }
      {
        job.applyTimer(applyRoutineCommand(job.routine, input.request, now));
        return;
      }
    case 'startBreak':
      if (!refuseStale(job, input.reminderId)) startBreak(job, input.reminderId !== undefined);
      return;
    case 'shortcut':
      applyShortcut(job, input.name);
      return;
    case 'sharedBreak': {
      const at = settings.followBreaks ? sharedBreakEnd(input.record, { deviceId: job.ctx.deviceId, sittingSince: job.sitting.sittingSince, now }) : undefined;
      if (at !== undefined) job.feedSitting({ type: 'sharedBreak', at });
      return;
    }
    case 'reminderClosed': {
      // Still the reminder shown (not answered, snoozed or stale): the small window takes the notification's place.
      const { reminder } = job.sitting;
      if (reminder?.id === input.reminderId && reminder.shownAt !== undefined && reminder.snoozedUntil === undefined) {
        job.effects.push({ type: 'openReminderWindow', reminderId: input.reminderId });
      }
      return;
    }
    case 'rateComfort':
      if (input.feet === undefined && input.back === undefined) {
        job.refuse('error_bad_command');
        return;
      }
      job.events.push({ type: 'comfortRated', at: now, feet: input.feet, back: input.back });
      return;
  }
}

/** Starts the break routine; started with no view open (from a reminder or a shortcut), the timer window opens if the user wants it. */
function startBreak(job: Job, noViewOpen: boolean) {
  job.startRoutine(job.ctx.settings.breakPresetId);
  if (job.reply.ok && noViewOpen && job.ctx.settings.openPopOutOnStart) job.effects.push({ type: 'openPopOut' });
}

/** What a keyboard shortcut does depends on the state it finds, as a button's would; the shell only names it. */
function applyShortcut(job: Job, name: string) {
  switch (name) {
    case SHORTCUTS.takeBreak:
      startBreak(job, true);
      return;
    case SHORTCUTS.pauseResume:
      job.applyTimer(applyRoutineCommand(job.routine, { type: job.routine.status === 'paused' ? 'resume' : 'pause' }, job.ctx.now));
      return;
    case SHORTCUTS.snooze:
      job.feedSitting({ type: 'snooze' });
      return;
    case SHORTCUTS.openPlayer:
      job.effects.push({ type: 'openPopOut' });
      return;
    default:
      job.refuse('error_unknown_command');
  }
}

export function runJob(before: AppState, input: JobInput, ctx: JobContext): JobResult {
  const job = new Job({ sitting: before.sitting, routine: rebaseRoutine(before.routine, before.sitting.lastSeenAt, ctx.now) }, ctx);
  if (job.routine !== before.routine) job.repaired('clockWentBack');
  job.heal();
  // Whatever the input, the routine is first brought up to now: a late alarm or a long sleep finds out where it is.
  job.applyTimer(tick(job.routine, ctx.now));
  // And so is the sitting clock, which also notes the time of this job: the next one measures a clock set back by it.
  if (input.type !== 'sitting' && input.type !== 'start') job.feedSitting({ type: 'alarm' });
  applyInput(job, input);
  job.heal();
  return { state: { sitting: job.sitting, routine: job.routine }, events: job.events, effects: job.effects, reply: job.reply };
}
