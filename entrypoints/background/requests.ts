import * as v from 'valibot';
import { DATA_REQUEST_SCHEMA, ROUTINE_REQUEST_SCHEMA, SETTINGS_REQUEST_SCHEMA, SITTING_REQUEST_SCHEMA } from '@/utils/protocol/message-schemas';
import type { Reply } from '@/utils/protocol/messages';
import type { RequestSender } from '@/utils/platform/messaging/request-listener';
import { runBackgroundJob, type BackgroundInput } from './job';

/**
 * Each request from a page, checked and turned into the input of one job.
 * Nothing here reads or writes storage, and no request handler calls another:
 * the job decides, and the job writes. Most requests are job inputs as they
 * stand; a few name a core input differently.
 */

function handler<S extends v.GenericSchema>(schema: S, toInput: (request: v.InferOutput<S>) => BackgroundInput) {
  return async (raw: unknown, now = Date.now(), sender: RequestSender = {}): Promise<Reply> => {
    const parsed = v.safeParse(schema, raw);
    return parsed.success ? (await runBackgroundJob(toInput(parsed.output), now, sender)).reply : { ok: false, error: 'error_bad_command' };
  };
}

export const handleRoutineRequest = handler(ROUTINE_REQUEST_SCHEMA, (request) => (request.type === 'rateComfort' ? request : { type: 'routine', request }));

export const handleSittingRequest = handler(SITTING_REQUEST_SCHEMA, (request) =>
  request.type === 'startBreak' || request.type === 'pause' || request.type === 'testReminder' ? request : { type: 'sitting', input: request },
);

/** Settings, routines and "remind on this browser": each field is checked by its own rule in the job, with the stored values. */
export const handleSettingsRequest = handler(SETTINGS_REQUEST_SCHEMA, (request) => request);

/** Import and reset replace the history and the settings together, in one job. */
export const handleDataRequest = handler(DATA_REQUEST_SCHEMA, (request) => request);
