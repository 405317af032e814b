import type { NewEvent, Repair } from '../history/events';
import { TEST_REMINDER_ID, type CommandErrorKey, type CommandReply, type RoutineRequest } from '../protocol/commands';
import { findPreset, type Preset } from '../routine/presets';
import { applyRoutineCommand, tick, type TimerEffect, type TimerResult } from '../routine/timer';
import type { Settings } from '../settings/settings';
import { isCurrentReminder, trackSitting, type SittingEffect, type SittingInput } from '../sitting/rules';
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
  | { type: 'sharedBreak'; record: unknown };

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
  | { type: 'shareBreak'; record: SharedBreak };

export interface JobResult {
  state: AppState;
  events: NewEvent[];
  effects: JobEffect[];
  reply: CommandReply;
}

const REJECTIONS: Record<NonNullable<TimerResult['rejected']>, CommandErrorKey> = {
  noSteps: 'error_no_steps',
  notRunning: 'error_not_running',
  alreadyRunning: 'error_already_running',
  undoExpired: 'error_undo_expired',
};

/**
 * One job's run. Its steps share the state as it changes, so they are local
 * functions of one call rather than methods: nothing outlives the call.
 */
export function runJob(before: AppState, input: JobInput, ctx: JobContext): JobResult {
  const { now, settings } = ctx;
  let sitting = before.sitting;
  let routine = rebaseRoutine(before.routine, before.sitting.lastSeenAt, now);
  const events: NewEvent[] = [];
  const effects: JobEffect[] = [];
  let reply: CommandReply = { ok: true };

  const refuse = (error: CommandErrorKey) => {
    reply = { ok: false, error };
  };

  function feedSitting(sittingInput: SittingInput, at = now) {
    const result = trackSitting(sitting, sittingInput, { now: at, settings, busy: ctx.busy });
    sitting = result.state;
    for (const effect of result.effects) {
      if (effect.type === 'log') events.push(effect.event);
      else effects.push(effect);
    }
  }

  /** Takes the timer's result; a routine starting or ending is news for the sitting clock, at the moment it happened. */
  function applyTimer(result: TimerResult) {
    routine = result.state;
    for (const effect of result.effects) {
      switch (effect.type) {
        case 'log':
          events.push(effect.event);
          break;
        case 'stepCue':
        case 'momentCue':
        case 'finishCue':
          effects.push(effect);
          break;
        case 'routineStarted':
          feedSitting({ type: 'routineStarted' }, effect.at);
          break;
        case 'routineEnded':
          feedSitting({ type: 'routineEnded', outcome: effect.outcome }, effect.at);
          // Stopped early counts too: the user stood up, and the sitting clock starts again here as well.
          if (settings.followBreaks) effects.push({ type: 'shareBreak', record: { at: effect.at, deviceId: ctx.deviceId } });
          break;
      }
    }
    if (result.rejected) refuse(REJECTIONS[result.rejected]);
  }

  /** Logs a repair once per job, however many checks find the same fault. */
  function repaired(invariant: Repair) {
    if (!events.some((e) => e.type === 'repaired' && e.invariant === invariant)) events.push({ type: 'repaired', at: now, invariant });
  }

  function startRoutine(presetId: string) {
    const preset = findPreset(ctx.presets, presetId);
    if (!preset) refuse('error_unknown_preset');
    else applyTimer(applyRoutineCommand(routine, { type: 'start', presetId: preset.id, steps: preset.steps, leadInSec: settings.leadInSec }, now));
  }

  /** Repairs what the invariants forbid, logging each repair. */
  function heal() {
    for (const violation of routineViolations({ sitting, routine }, now)) {
      routine = violation.routine;
      repaired(violation.repair);
    }
    const mismatch = restMismatch({ sitting, routine });
    if (mismatch === 'restingWithoutRoutine') feedSitting({ type: 'routineEnded', outcome: 'stopped' });
    if (mismatch === 'routineWithoutRest') feedSitting({ type: 'routineStarted' });
    if (mismatch) repaired(mismatch);
  }

  /**
   * A button on a reminder that has passed only takes it off the screen, and says so.
   * The test reminder is never stored, so never passes: it too goes off the screen, and
   * the answer goes on as usual. Start starts the break routine; Snooze and Skip find no
   * reminder of its id, so the real sitting clock stays as it was.
   */
  function refuseStale(reminderId: string | undefined): boolean {
    if (isCurrentReminder(sitting, reminderId)) return false;
    if (reminderId !== undefined) effects.push({ type: 'clearReminder', reminderId });
    if (reminderId === TEST_REMINDER_ID) return false;
    refuse('error_stale_reminder');
    return true;
  }

  /** Starts the break routine; started with no view open (from a reminder or a shortcut), the timer window opens if the user wants it. */
  function startBreak(noViewOpen: boolean) {
    startRoutine(settings.breakPresetId);
    if (reply.ok && noViewOpen && settings.openPopOutOnStart) effects.push({ type: 'openPopOut' });
  }

  /** What a keyboard shortcut does depends on the state it finds, as a button's would; the shell only names it. */
  function applyShortcut(name: string) {
    switch (name) {
      case SHORTCUTS.takeBreak:
        startBreak(true);
        return;
      case SHORTCUTS.pauseResume:
        applyTimer(applyRoutineCommand(routine, { type: routine.status === 'paused' ? 'resume' : 'pause' }, now));
        return;
      case SHORTCUTS.snooze:
        feedSitting({ type: 'snooze' });
        return;
      case SHORTCUTS.openPlayer:
        effects.push({ type: 'openPopOut' });
        return;
      default:
        refuse('error_unknown_command');
    }
  }

  function applyInput() {
    switch (input.type) {
      case 'start':
        feedSitting({ type: 'wake' });
        return;
      case 'sitting': {
        const { input: sittingInput } = input;
        if ((sittingInput.type === 'snooze' || sittingInput.type === 'skip') && refuseStale(sittingInput.reminderId)) return;
        feedSitting(sittingInput);
        return;
      }
      case 'stepAlarm':
        // The catch-up before the input did all there is to do.
        return;
      case 'routine':
        if (input.request.type === 'start') startRoutine(input.request.presetId);
        else applyTimer(applyRoutineCommand(routine, input.request, now));
        return;
      case 'startBreak':
        if (!refuseStale(input.reminderId)) startBreak(input.reminderId !== undefined);
        return;
      case 'shortcut':
        applyShortcut(input.name);
        return;
      case 'sharedBreak': {
        const at = settings.followBreaks ? sharedBreakEnd(input.record, { deviceId: ctx.deviceId, sittingSince: sitting.sittingSince, now }) : undefined;
        if (at !== undefined) feedSitting({ type: 'sharedBreak', at });
        return;
      }
      case 'rateComfort':
        if (input.feet === undefined && input.back === undefined) refuse('error_bad_command');
        else events.push({ type: 'comfortRated', at: now, feet: input.feet, back: input.back });
        return;
    }
  }

  if (routine !== before.routine) repaired('clockWentBack');
  heal();
  // Whatever the input, the routine is first brought up to now: a late alarm or a long sleep finds out where it is.
  applyTimer(tick(routine, now));
  // And so is the sitting clock, which also notes the time of this job: the next one measures a clock set back by it.
  if (input.type !== 'sitting' && input.type !== 'start') feedSitting({ type: 'alarm' });
  applyInput();
  heal();
  return { state: { sitting, routine }, events, effects, reply };
}
