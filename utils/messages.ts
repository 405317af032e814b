import * as v from 'valibot';
import { defineExtensionMessaging } from '@webext-core/messaging';

/**
 * The typed command protocol. Pages never write the state the background
 * owns: they send a command here and watch storage for the result.
 */

const comfortRating = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));

export const ROUTINE_REQUEST_SCHEMA = v.variant('type', [
  v.object({ type: v.literal('start'), presetId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
  v.object({ type: v.literal('pause') }),
  v.object({ type: v.literal('resume') }),
  v.object({ type: v.literal('skip') }),
  v.object({ type: v.literal('back') }),
  v.object({ type: v.literal('restartStep') }),
  v.object({ type: v.literal('stop') }),
  v.object({ type: v.literal('dismiss') }),
  v.object({ type: v.literal('rateComfort'), feet: v.optional(comfortRating), back: v.optional(comfortRating) }),
]);

export type RoutineRequest = v.InferOutput<typeof ROUTINE_REQUEST_SCHEMA>;

const reminderId = v.optional(v.pipe(v.string(), v.maxLength(20)));

export const SITTING_REQUEST_SCHEMA = v.variant('type', [
  v.object({ type: v.literal('startBreak'), reminderId }),
  v.object({ type: v.literal('snooze'), reminderId }),
  v.object({ type: v.literal('skip'), reminderId }),
  v.object({ type: v.literal('pause'), choice: v.picklist(['m30', 'h1', 'h2', 'tomorrow', 'untilResumed']) }),
  v.object({ type: v.literal('resume') }),
  v.object({ type: v.literal('remindAnyway') }),
  v.object({ type: v.literal('testReminder') }),
]);

export const DATA_REQUEST_SCHEMA = v.variant('type', [
  v.object({ type: v.literal('import'), bundle: v.unknown() }),
  v.object({ type: v.literal('reset') }),
]);

export type DataRequest = v.InferOutput<typeof DATA_REQUEST_SCHEMA>;

export type SittingRequest = v.InferOutput<typeof SITTING_REQUEST_SCHEMA>;

/** Why a command was refused, as a locale key the page can show. */
export type CommandErrorKey =
  | 'error_bad_command'
  | 'error_unknown_preset'
  | 'error_no_steps'
  | 'error_not_running'
  | 'error_already_running'
  | 'error_stale_reminder'
  | 'error_import_invalid'
  | 'error_storage_quota';

export type CommandReply = { ok: true } | { ok: false; error: CommandErrorKey };

export interface ProtocolMap {
  routine(request: RoutineRequest): CommandReply;
  sitting(request: SittingRequest): CommandReply;
  data(request: DataRequest): CommandReply;
}

export const messaging = defineExtensionMessaging<ProtocolMap>();

type CommandType = keyof ProtocolMap;

/** Sends a command; a background that cannot be reached is reported like any refusal, never thrown. */
export async function sendCommand<K extends CommandType>(type: K, request: Parameters<ProtocolMap[K]>[0]): Promise<CommandReply> {
  try {
    return await messaging.sendMessage(type, request as never);
  } catch {
    return { ok: false, error: 'error_bad_command' };
  }
}

/** What the background asks the offscreen document (Chrome) to play. */
export interface CueRequest {
  chime: boolean;
  volume: number;
  /** Text to say aloud, when spoken cues are on. */
  speech?: string;
  lang: string;
}

export interface CueProtocolMap {
  playCue(request: CueRequest): void;
}

export const cueMessaging = defineExtensionMessaging<CueProtocolMap>();
