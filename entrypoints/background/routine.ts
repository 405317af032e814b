import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { applyRoutineCommand, stepEndsAt, tick, type RoutineState, type TimerEffect, type TimerResult } from '@/utils/routine/timer';
import { ROUTINE_REQUEST_SCHEMA } from '@/utils/protocol/command-schemas';
import type { CommandErrorKey, CommandReply } from '@/utils/protocol/commands';
import { findPreset, resolvePresets } from '@/utils/routine/presets';
import { readPresetCustomisations, readRoutineState, routineItem } from '@/utils/platform/storage';
import { appendToEventLog } from './event-log';
import { performStepCue } from './step-cue';
import { refreshViews } from './refresh-views';

/** The routine timer's shell: reads the state, runs the pure core, stores the result and carries out its effects. */

export const STEP_ALARM = 'routine-step';

const REJECTIONS: Record<NonNullable<TimerResult['rejected']>, CommandErrorKey> = {
  noSteps: 'error_no_steps',
  notRunning: 'error_not_running',
  alreadyRunning: 'error_already_running',
};

/** Hooks for the rest of the background (the sitting tracker) to hear of a routine starting and ending. */
export interface RoutineListeners {
  onRoutineEffect?(effect: Extract<TimerEffect, { type: 'routineStarted' | 'routineEnded' }>): Promise<void>;
}

async function commit(before: RoutineState, result: TimerResult, now: number, listeners: RoutineListeners) {
  if (result.state !== before) await routineItem.setValue(result.state);
  for (const effect of result.effects) {
    switch (effect.type) {
      case 'setStepAlarm':
        await browser.alarms.create(STEP_ALARM, { when: effect.when });
        break;
      case 'clearStepAlarm':
        await browser.alarms.clear(STEP_ALARM);
        break;
      case 'stepCue':
      case 'finishCue':
        await performStepCue(effect);
        break;
      case 'log':
        await appendToEventLog([effect.event]);
        break;
      case 'routineStarted':
      case 'routineEnded':
        await listeners.onRoutineEffect?.(effect);
        break;
    }
  }
  await refreshViews(now);
}

export async function handleRoutineRequest(raw: unknown, now: number, listeners: RoutineListeners = {}): Promise<CommandReply> {
  const parsed = v.safeParse(ROUTINE_REQUEST_SCHEMA, raw);
  if (!parsed.success) return { ok: false, error: 'error_bad_command' };
  const request = parsed.output;
  if (request.type === 'rateComfort') {
    // The comfort check after a routine: only the rating goes to the log, the timer is untouched.
    if (request.feet === undefined && request.back === undefined) return { ok: false, error: 'error_bad_command' };
    await appendToEventLog([{ type: 'comfortRated', at: now, feet: request.feet, back: request.back }]);
    await refreshViews(now);
    return { ok: true };
  }
  const { state } = await readRoutineState();
  let result: TimerResult;
  if (request.type === 'start') {
    const { customisations } = await readPresetCustomisations();
    const preset = findPreset(resolvePresets(customisations), request.presetId);
    if (!preset) return { ok: false, error: 'error_unknown_preset' };
    result = applyRoutineCommand(state, { type: 'start', presetId: preset.id, steps: preset.steps }, now);
  } else {
    result = applyRoutineCommand(state, request, now);
  }
  if (result.rejected) {
    // A refused command may still have caught the routine up to now; keep that progress.
    await commit(state, { state: result.state, effects: result.effects }, now, listeners);
    return { ok: false, error: REJECTIONS[result.rejected] };
  }
  await commit(state, result, now, listeners);
  return { ok: true };
}

export async function handleStepAlarm(now: number, listeners: RoutineListeners = {}): Promise<void> {
  const { state } = await readRoutineState();
  await commit(state, tick(state, now), now, listeners);
}

/**
 * Run at every worker start: catches the routine up to now and makes sure its
 * step-end alarm exists, since browsers drop alarms on restart and update.
 */
export async function restoreRoutine(now: number, listeners: RoutineListeners = {}): Promise<void> {
  const { state, invalid } = await readRoutineState();
  const result = tick(state, now);
  if (invalid) await routineItem.setValue(result.state);
  await commit(state, result, now, listeners);
  const endsAt = stepEndsAt(result.state);
  if (endsAt !== undefined && !(await browser.alarms.get(STEP_ALARM))) {
    await browser.alarms.create(STEP_ALARM, { when: endsAt });
  }
}
