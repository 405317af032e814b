import * as v from 'valibot';
import type { DataRequest, RoutineRequest, SettingsRequest, SittingRequest } from './messages';
import { PAUSE_CHOICES } from '../sitting/rules';

/**
 * Runtime checks for commands from other pages: anything that arrives is
 * untrusted until it passes these. Background only, so pages do not carry
 * valibot for the sake of sending a message.
 */

const comfortRating = v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(10));

export const ROUTINE_REQUEST_SCHEMA = v.variant('type', [
  v.object({ type: v.literal('start'), presetId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
  v.object({ type: v.picklist(['pause', 'resume', 'skip', 'back', 'restartStep', 'stop', 'undoStop', 'dismiss']) }),
  v.object({ type: v.literal('rateComfort'), feet: v.optional(comfortRating), back: v.optional(comfortRating) }),
]);

const reminderId = v.optional(v.pipe(v.string(), v.maxLength(20)));

export const SITTING_REQUEST_SCHEMA = v.variant('type', [
  v.object({ type: v.literal('startBreak'), reminderId }),
  v.object({ type: v.literal('snooze'), reminderId }),
  v.object({ type: v.literal('skip'), reminderId }),
  v.object({ type: v.literal('pause'), choice: v.picklist(PAUSE_CHOICES) }),
  v.object({ type: v.literal('resume') }),
  v.object({ type: v.literal('remindAnyway') }),
  v.object({ type: v.literal('testReminder') }),
]);

export const DATA_REQUEST_SCHEMA = v.variant('type', [v.object({ type: v.literal('import'), bundle: v.unknown() }), v.object({ type: v.literal('reset') })]);

/**
 * Only the envelope is checked here: each field of a patch, and the routines,
 * are checked by their own rules in the background, with the stored values.
 */
export const SETTINGS_REQUEST_SCHEMA = v.variant('type', [
  v.object({ type: v.literal('patch'), patch: v.record(v.string(), v.unknown()) }),
  v.object({ type: v.literal('presets'), customisations: v.unknown() }),
  v.object({ type: v.literal('remindHere'), value: v.boolean() }),
]);

// The schemas and the plain types in messages.ts must describe the same messages; a drift fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type SchemasMatchTypes = [
  Assert<Same<v.InferOutput<typeof ROUTINE_REQUEST_SCHEMA>, RoutineRequest>>,
  Assert<Same<v.InferOutput<typeof SITTING_REQUEST_SCHEMA>, SittingRequest>>,
  Assert<Same<v.InferOutput<typeof DATA_REQUEST_SCHEMA>, DataRequest>>,
  Assert<Same<v.InferOutput<typeof SETTINGS_REQUEST_SCHEMA>['type'], SettingsRequest['type']>>,
];
