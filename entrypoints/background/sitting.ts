import * as v from 'valibot';
import { browser } from 'wxt/browser';
import {
  SITTING_ALARMS,
  pauseUntil,
  plannedAlarms,
  trackSitting,
  type AlarmPlan,
  type SittingInput,
} from '@/utils/sitting/rules';
import { SITTING_REQUEST_SCHEMA } from '@/utils/protocol/command-schemas';
import type { CommandReply } from '@/utils/protocol/commands';
import { readSettings, readSittingState, remindHereItem, sittingItem } from '@/utils/platform/storage';
import { isBusy } from '@/utils/platform/environment';
import { openPopOutWindow } from '@/utils/platform/routine-views';
import { appendToEventLog } from './event-log';
import { refreshViews } from './refresh-views';
import { clearReminder, showReminder } from './reminder';
import { handleRoutineRequest, type RoutineListeners } from './routine';

/** The sitting tracker's shell: reads the state, runs the pure core, stores the result and carries out its effects. */

/** Never the id of a real reminder, so its buttons find nothing to act on and only clear it. */
const TEST_REMINDER_ID = 'test';

export const SITTING_ALARM_NAMES: readonly string[] = Object.values(SITTING_ALARMS);

/** Makes the browser's alarms match the tracker's plan: creates what is missing or moved, clears the rest. */
async function reconcileAlarms(plan: AlarmPlan): Promise<void> {
  const existing = new Map((await browser.alarms.getAll()).map((a) => [a.name, a]));
  for (const name of Object.values(SITTING_ALARMS)) {
    const wanted = plan[name];
    const have = existing.get(name);
    if (!wanted) {
      if (have) await browser.alarms.clear(name);
    } else if ('when' in wanted) {
      if (have?.scheduledTime !== wanted.when) await browser.alarms.create(name, { when: wanted.when });
    } else if (have?.periodInMinutes !== wanted.periodInMinutes) {
      await browser.alarms.create(name, { periodInMinutes: wanted.periodInMinutes, delayInMinutes: wanted.periodInMinutes });
    }
  }
}

export async function handleSittingInput(input: SittingInput, now: number): Promise<void> {
  const [{ settings }, { state }] = await Promise.all([readSettings(), readSittingState(now)]);
  const ctx = { now, settings, busy: false };
  let result = trackSitting(state, input, ctx);
  // Only ask whether the user is busy when it matters: a reminder is about to show.
  if (settings.quietWhileBusy && result.effects.some((e) => e.type === 'showReminder') && (await isBusy())) {
    result = trackSitting(state, input, { ...ctx, busy: true });
  }
  await sittingItem.setValue(result.state);
  for (const effect of result.effects) {
    if (effect.type === 'log') await appendToEventLog([effect.event]);
    else if (effect.type === 'showReminder') {
      if (await remindHereItem.getValue()) await showReminder(effect, settings);
    } else await clearReminder(effect.reminderId);
  }
  await reconcileAlarms(plannedAlarms(result.state, ctx));
  await refreshViews(now);
}

/** The routine timer tells the tracker when a routine starts and ends. */
export const sittingListens: RoutineListeners = {
  async onRoutineEffect(effect) {
    await handleSittingInput(
      effect.type === 'routineStarted' ? { type: 'routineStarted' } : { type: 'routineEnded', outcome: effect.outcome },
      effect.at,
    );
  },
};

/** A button on a reminder that is no longer the current one only clears it; the refusal says so. */
async function refuseStaleReminder(reminderId: string | undefined, now: number): Promise<CommandReply | undefined> {
  if (reminderId === undefined) return undefined;
  const { state } = await readSittingState(now);
  if (state.reminder?.id === reminderId) return undefined;
  await clearReminder(reminderId);
  return { ok: false, error: 'error_stale_reminder' };
}

/** Starts the break routine from a reminder, unless the reminder is a stale one. */
async function startBreak(reminderId: string | undefined, now: number): Promise<CommandReply> {
  const refusal = await refuseStaleReminder(reminderId, now);
  if (refusal) return refusal;
  const { settings } = await readSettings();
  const reply = await handleRoutineRequest({ type: 'start', presetId: settings.breakPresetId }, now, sittingListens);
  // An open view gives exact cues, and the background cannot reliably open the toolbar popup.
  if (reply.ok && reminderId !== undefined && settings.openPopOutOnStart) await openPopOutWindow();
  return reply;
}

export async function handleSittingRequest(raw: unknown, now: number): Promise<CommandReply> {
  const parsed = v.safeParse(SITTING_REQUEST_SCHEMA, raw);
  if (!parsed.success) return { ok: false, error: 'error_bad_command' };
  const request = parsed.output;
  switch (request.type) {
    case 'startBreak':
      return startBreak(request.reminderId, now);
    case 'snooze':
    case 'skip': {
      const refusal = await refuseStaleReminder(request.reminderId, now);
      if (refusal) return refusal;
      await handleSittingInput(request, now);
      return { ok: true };
    }
    case 'pause': {
      const { settings } = await readSettings();
      await handleSittingInput({ type: 'pause', until: pauseUntil(request.choice, now, settings) }, now);
      return { ok: true };
    }
    case 'resume':
    case 'remindAnyway':
      await handleSittingInput(request, now);
      return { ok: true };
    case 'testReminder': {
      // Shown the way real reminders are, so the user learns whether they would see one.
      const { settings } = await readSettings();
      const sittingMs = settings.sittingIntervalMin * 60_000;
      await showReminder({ type: 'showReminder', reminderId: TEST_REMINDER_ID, sittingMs, snoozes: 0, silent: false }, settings);
      return { ok: true };
    }
  }
}
