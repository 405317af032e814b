import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { ROUTINE_REQUEST_SCHEMA, SETTINGS_REQUEST_SCHEMA, SITTING_REQUEST_SCHEMA } from '@/utils/protocol/command-schemas';
import type { CommandErrorKey, CommandReply } from '@/utils/protocol/commands';
import type { JobInput } from '@/utils/jobs/run';
import { pauseUntil } from '@/utils/sitting/rules';
import { CUSTOMISATIONS_SCHEMA } from '@/utils/routine/presets-schema';
import { applySettingsPatch, parseSettings, settingsToStore, SETTINGS_FIELDS, validateSettings } from '@/utils/settings/settings';
import { lockedSettings } from '@/utils/settings/policy';
import { fitsSyncItem, storageErrorKey } from '@/utils/platform/quota';
import { presetsCommandError } from '@/utils/routine/check';
import { readStoredSettings, writeStoredSettings } from '@/utils/platform/worker-storage';
import type { CommandSender } from '@/utils/platform/command-listener';
import { runBackgroundJob } from './job';
import { readPolicy } from './policy';
import { showTestReminder } from './reminder';

/**
 * Each command from a page, checked and turned into one job. The handlers
 * never call each other: every state change goes through `runBackgroundJob`.
 */

const badCommand: CommandReply = { ok: false, error: 'error_bad_command' };

export async function handleRoutineRequest(raw: unknown, now: number, sender: CommandSender = {}): Promise<CommandReply> {
  const parsed = v.safeParse(ROUTINE_REQUEST_SCHEMA, raw);
  if (!parsed.success) return badCommand;
  const request = parsed.output;
  const input: JobInput = request.type === 'rateComfort' ? { ...request } : { type: 'routine', request };
  return (await runBackgroundJob(input, now, sender)).reply;
}

export async function handleSittingRequest(raw: unknown, now: number, sender: CommandSender = {}): Promise<CommandReply> {
  const parsed = v.safeParse(SITTING_REQUEST_SCHEMA, raw);
  if (!parsed.success) return badCommand;
  const request = parsed.output;
  switch (request.type) {
    case 'startBreak':
      return (await runBackgroundJob({ type: 'startBreak', reminderId: request.reminderId }, now, sender)).reply;
    case 'pause': {
      const { settings } = parseSettings(await readStoredSettings());
      return handleSittingInput({ type: 'pause', until: pauseUntil(request.choice, now, settings) }, now, sender);
    }
    case 'snooze':
    case 'skip':
    case 'resume':
    case 'remindAnyway':
      return handleSittingInput(request, now, sender);
    case 'testReminder':
      await showTestReminder(parseSettings(await readStoredSettings()).settings);
      return { ok: true };
  }
}

export async function handleSittingInput(input: Extract<JobInput, { type: 'sitting' }>['input'], now: number, sender: CommandSender = {}): Promise<CommandReply> {
  return (await runBackgroundJob({ type: 'sitting', input }, now, sender)).reply;
}

export async function handleStepAlarm(now: number): Promise<void> {
  await runBackgroundJob({ type: 'stepAlarm' }, now);
}

/** The job of a worker start: catches the routine and the sitting clock up, heals, and re-creates every alarm. */
export async function recoverState(now: number): Promise<void> {
  await runBackgroundJob({ type: 'start' }, now);
}

/** A failed write to `storage.sync`, named by its cause. */
export function syncWriteError(error: unknown, written?: Readonly<Record<string, unknown>>): CommandErrorKey {
  return storageErrorKey(error, 'sync', written);
}

/**
 * Settings, routines and "remind on this browser": checked here with the
 * stored values, written here only. Settings go to `storage.sync`; the
 * background hears its own write through the storage watch, as it hears
 * another device's, and reacts in one job.
 */
export async function handleSettingsRequest(raw: unknown): Promise<CommandReply> {
  const parsed = v.safeParse(SETTINGS_REQUEST_SCHEMA, raw);
  if (!parsed.success) return badCommand;
  const request = parsed.output;
  try {
    switch (request.type) {
      case 'patch': {
        const keys = Object.keys(request.patch);
        if (keys.length === 0 || !keys.every((k) => (SETTINGS_FIELDS as readonly string[]).includes(k))) return badCommand;
        const policy = await readPolicy();
        if (keys.some((k) => (policy.locked as string[]).includes(k))) return { ok: false, error: 'error_locked' };
        const stored = parseSettings(await readStoredSettings());
        // A locked goal does not follow a changed interval.
        const next = { ...applySettingsPatch(stored.settings, request.patch), ...lockedSettings(policy) };
        if (validateSettings(next).length > 0) return { ok: false, error: 'error_not_saved' };
        await writeStoredSettings(settingsToStore(stored, next));
        return { ok: true };
      }
      case 'presets': {
        const customisations = v.safeParse(CUSTOMISATIONS_SCHEMA, request.customisations);
        if (!customisations.success) return badCommand;
        const routinesError = presetsCommandError(customisations.output);
        if (routinesError) return { ok: false, error: routinesError };
        if (!fitsSyncItem('presets', customisations.output)) return { ok: false, error: 'error_sync_item_too_large' };
        await browser.storage.sync.set({ presets: customisations.output });
        return { ok: true };
      }
      case 'remindHere':
        if ((await readPolicy()).locked.includes('remindHere')) return { ok: false, error: 'error_locked' };
        await browser.storage.local.set({ remindHere: request.value });
        // The badge and the popup say at once whether this browser reminds.
        return await handleSittingInput({ type: 'settingsChanged' }, Date.now());
    }
  } catch (error) {
    return { ok: false, error: syncWriteError(error) };
  }
}
