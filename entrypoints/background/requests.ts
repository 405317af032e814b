import * as v from 'valibot';
import { DATA_REQUEST_SCHEMA, ROUTINE_REQUEST_SCHEMA, SETTINGS_REQUEST_SCHEMA, SITTING_REQUEST_SCHEMA } from '@/utils/protocol/message-schemas';
import type { CommandReply } from '@/utils/protocol/messages';
import type { CommandSender } from '@/utils/platform/command-listener';
import { runBackgroundJob, type BackgroundInput } from './job';

/**
 * Each request from a page, checked and turned into the input of one job.
 * Nothing here reads or writes storage, and no request handler calls another:
 * the job decides, and the job writes.
 */

const badRequest: CommandReply = { ok: false, error: 'error_bad_command' };

async function run(input: BackgroundInput | undefined, now: number, sender: CommandSender = {}): Promise<CommandReply> {
  return input ? (await runBackgroundJob(input, now, sender)).reply : badRequest;
}

export function handleRoutineRequest(raw: unknown, now: number, sender: CommandSender = {}): Promise<CommandReply> {
  const parsed = v.safeParse(ROUTINE_REQUEST_SCHEMA, raw);
  if (!parsed.success) return run(undefined, now);
  const request = parsed.output;
  return run(request.type === 'rateComfort' ? { ...request } : { type: 'routine', request }, now, sender);
}

export function handleSittingRequest(raw: unknown, now: number, sender: CommandSender = {}): Promise<CommandReply> {
  const parsed = v.safeParse(SITTING_REQUEST_SCHEMA, raw);
  if (!parsed.success) return run(undefined, now);
  const request = parsed.output;
  switch (request.type) {
    case 'startBreak':
      return run({ type: 'startBreak', reminderId: request.reminderId }, now, sender);
    case 'pause':
      return run({ type: 'pause', choice: request.choice }, now, sender);
    case 'testReminder':
      return run({ type: 'testReminder' }, now, sender);
    case 'snooze':
    case 'skip':
    case 'resume':
    case 'remindAnyway':
      return run({ type: 'sitting', input: request }, now, sender);
  }
}

/** Settings, routines and "remind on this browser": each field is checked by its own rule in the job, with the stored values. */
export function handleSettingsRequest(raw: unknown, now = Date.now()): Promise<CommandReply> {
  const parsed = v.safeParse(SETTINGS_REQUEST_SCHEMA, raw);
  if (!parsed.success) return run(undefined, now);
  const request = parsed.output;
  switch (request.type) {
    case 'patch':
      return run({ type: 'settingsPatch', patch: request.patch }, now);
    case 'presets':
      return run({ type: 'presets', customisations: request.customisations }, now);
    case 'remindHere':
      return run({ type: 'remindHere', value: request.value }, now);
  }
}

/** Import and reset replace the history and the settings together, in one job. */
export function handleDataRequest(raw: unknown, now: number): Promise<CommandReply> {
  const parsed = v.safeParse(DATA_REQUEST_SCHEMA, raw);
  if (!parsed.success) return run(undefined, now);
  return run(parsed.output.type === 'import' ? { type: 'import', bundle: parsed.output.bundle } : { type: 'reset' }, now);
}
