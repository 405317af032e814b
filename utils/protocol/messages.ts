/**
 * The typed messages between pages and the background. Pages never write the state the background
 * owns: they send a request and watch storage for the result. The messaging
 * channels that carry these types live in platform/messaging.ts.
 */

import type { SpokenLine } from '../platform/sound/voice';

/** The requests, as plain types; their runtime checks live in message-schemas.ts, which only the background loads. */

export type RoutineRequest =
  | { type: 'start'; presetId: string }
  | { type: 'pause' | 'resume' | 'skip' | 'back' | 'restartStep' | 'stop' | 'undoStop' | 'dismiss' }
  | { type: 'rateComfort'; feet?: number; back?: number };

import type { PauseChoice } from '../sitting/rules';
import type { Settings } from '../settings/settings';
import type { PresetCustomisations } from '../routine/presets';
import type { ImportErrorKey } from '../transfer/import-export';
export type { PauseChoice };

export type SittingRequest =
  | { type: 'startBreak' | 'snooze' | 'skip'; reminderId?: string }
  | { type: 'pause'; choice: PauseChoice }
  | { type: 'resume' | 'remindAnyway' | 'testReminder' };

/** The id of the test reminder from the options page: never a real reminder's (those start with "r"), and never stored. */
export const TEST_REMINDER_ID = 'test';

export type DataRequest = { type: 'import'; bundle: unknown } | { type: 'reset' };

/** Changes to what the user set; the background checks them whole and is their only writer. */
export type SettingsRequest =
  { type: 'patch'; patch: Partial<Settings> } | { type: 'presets'; customisations: PresetCustomisations } | { type: 'remindHere'; value: boolean };

/** Why a request was refused, as a locale key the page can show. */
export type ReplyErrorKey =
  | 'error_bad_command'
  | 'error_unknown_preset'
  | 'error_no_steps'
  /** Routines sent to be stored would have one with no step on. */
  | 'error_no_steps_on'
  | 'error_not_running'
  | 'error_already_running'
  | 'error_undo_expired'
  | 'error_stale_reminder'
  | 'error_import_invalid'
  | 'error_storage_quota'
  | 'error_sync_rate'
  | 'error_sync_item_too_large'
  | 'error_sync_full'
  | 'error_not_saved'
  | 'error_save_failed'
  /** The setting is locked by the organisation's policy. */
  | 'error_locked'
  | 'error_unknown_command'
  | ImportErrorKey;

export type Reply = { ok: true } | { ok: false; error: ReplyErrorKey };

export interface ProtocolMap {
  routine(request: RoutineRequest): Reply;
  sitting(request: SittingRequest): Reply;
  data(request: DataRequest): Reply;
  settings(request: SettingsRequest): Reply;
  /** Asks the background to rebuild the popup's snapshot, when a view finds it missing or from another version. */
  refresh(): Reply;
}

/** What the background asks the offscreen document (Chrome) to play. */
export interface CueRequest {
  chime: boolean;
  volume: number;
  /** What to say aloud, as data, when spoken cues are on: worded where it is spoken (utils/platform/sound/voice-text.ts). */
  spoken?: SpokenLine;
  lang: string;
}

export interface CueProtocolMap {
  playCue(request: CueRequest): void;
}
