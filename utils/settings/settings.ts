import * as v from 'valibot';
import { CLOCK_TIME_PATTERN } from '../sitting/schedule';
import { isPlainObject, isUnsafeKey } from '../objects';
import { MAX_LEAD_IN_SEC } from '../routine/timer';

/**
 * The user's settings: one flat object in `storage.sync`.
 *
 * Two devices on different versions share this object through the browser's
 * sync, so the schema only ever gains fields: a field a newer version added is
 * kept as it is (see `parseSettings`), and a field an older version lacks gets
 * its default.
 */

export const SETTINGS_VERSION = 2;

/** Whole-minute and whole-number fields, with their ranges; the options page shows the same bounds. */
export const NUMBER_RANGES = {
  sittingIntervalMin: { min: 10, max: 180 },
  breakThresholdMin: { min: 1, max: 60 },
  snoozeMin: { min: 1, max: 60 },
  goalRoutinesPerDay: { min: 0, max: 5 },
  goalBreaksPerDay: { min: 0, max: 20 },
  goalLongestSittingMin: { min: 10, max: 480 },
  volume: { min: 0, max: 100 },
  leadInSec: { min: 0, max: MAX_LEAD_IN_SEC },
} as const;

export type NumberField = keyof typeof NUMBER_RANGES;

/** Message keys from `_locales`, so a page can show each error in the user's language. */
export type ErrorKey =
  'error_not_a_number' | 'error_whole_number' | 'error_range' | 'error_time' | 'error_same_time' | 'error_days' | 'error_choice' | 'error_required';

function wholeNumber(field: NumberField) {
  const { min, max } = NUMBER_RANGES[field];
  return v.pipe(
    v.number('error_not_a_number' satisfies ErrorKey),
    v.finite('error_not_a_number' satisfies ErrorKey),
    v.integer('error_whole_number' satisfies ErrorKey),
    v.minValue(min, 'error_range' satisfies ErrorKey),
    v.maxValue(max, 'error_range' satisfies ErrorKey),
  );
}

const clockTime = v.pipe(v.string('error_time'), v.regex(CLOCK_TIME_PATTERN, 'error_time'));

const weekdays = v.pipe(
  v.array(v.pipe(v.number('error_days'), v.integer('error_days'), v.minValue(0, 'error_days'), v.maxValue(6, 'error_days')), 'error_days'),
  v.check((days) => new Set(days).size === days.length, 'error_days'),
);

const presetId = v.pipe(v.string('error_required'), v.minLength(1, 'error_required'), v.maxLength(64, 'error_required'));

export const REMIND_WITH = ['notification', 'notificationAndChime', 'window'] as const;
export type RemindWith = (typeof REMIND_WITH)[number];

/** One schema per field, so that one bad field never costs the user the others. */
export const FIELD_SCHEMAS = {
  sittingIntervalMin: wholeNumber('sittingIntervalMin'),
  breakThresholdMin: wholeNumber('breakThresholdMin'),
  snoozeMin: wholeNumber('snoozeMin'),
  /** 0 is Sunday, as `Date.getDay()` counts. */
  activeDays: weekdays,
  activeStart: clockTime,
  activeEnd: clockTime,
  goalRoutinesPerDay: wholeNumber('goalRoutinesPerDay'),
  goalBreaksPerDay: wholeNumber('goalBreaksPerDay'),
  goalLongestSittingMin: wholeNumber('goalLongestSittingMin'),
  breakPresetId: presetId,
  fullRoutinePresetId: presetId,
  remindWith: v.picklist(REMIND_WITH, 'error_choice'),
  quietWhileBusy: v.boolean('error_choice'),
  chime: v.boolean('error_choice'),
  volume: wholeNumber('volume'),
  spokenCues: v.boolean('error_choice'),
  openPopOutOnStart: v.boolean('error_choice'),
  /** The "get ready" before a step that needs a new position; 0 turns it off. */
  leadInSec: wholeNumber('leadInSec'),
  /** Keeps the display on while a routine runs, where the browser can (Chrome's `power` API). */
  keepAwake: v.boolean('error_choice'),
  comfortCheck: v.boolean('error_choice'),
  /** A routine ended on another device of the same synced profile restarts the sitting clock here too. */
  followBreaks: v.boolean('error_choice'),
} satisfies Record<string, v.GenericSchema>;

export type SettingsField = keyof typeof FIELD_SCHEMAS;
export type Settings = { [K in SettingsField]: v.InferOutput<(typeof FIELD_SCHEMAS)[K]> };

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  sittingIntervalMin: 45,
  breakThresholdMin: 5,
  snoozeMin: 10,
  activeDays: [1, 2, 3, 4, 5],
  activeStart: '08:00',
  activeEnd: '18:00',
  goalRoutinesPerDay: 1,
  goalBreaksPerDay: 6,
  goalLongestSittingMin: 45,
  breakPresetId: 'desk',
  fullRoutinePresetId: 'full',
  remindWith: 'notificationAndChime',
  quietWhileBusy: true,
  chime: true,
  volume: 70,
  spokenCues: false,
  openPopOutOnStart: true,
  leadInSec: 5,
  keepAwake: true,
  comfortCheck: true,
  followBreaks: true,
});

export const SETTINGS_FIELDS = Object.keys(FIELD_SCHEMAS) as SettingsField[];

export interface FieldError {
  field: SettingsField;
  message: ErrorKey;
}

/** The first problem with one field's value, or undefined when it is valid. */
export function fieldError(field: SettingsField, value: unknown): FieldError | undefined {
  const result = v.safeParse(FIELD_SCHEMAS[field], value);
  return result.success ? undefined : { field, message: result.issues[0].message as ErrorKey };
}

/** Checks a whole settings object; returns one message per bad field, empty when all is well. */
export function validateSettings(candidate: Record<string, unknown>): FieldError[] {
  const errors = SETTINGS_FIELDS.flatMap((field) => fieldError(field, candidate[field]) ?? []);
  const timesValid = !errors.some((e) => e.field === 'activeStart' || e.field === 'activeEnd');
  if (timesValid && candidate.activeStart === candidate.activeEnd) {
    errors.push({ field: 'activeEnd', message: 'error_same_time' });
  }
  return errors;
}

export interface ParsedSettings {
  settings: Settings;
  /** Fields whose stored value could not be read and fell back to the default. */
  invalidFields: SettingsField[];
  /** Fields this version does not know, written by a newer version on another device. Kept on write. */
  unknownFields: Record<string, unknown>;
}

/**
 * Reads whatever is stored, never throws: missing fields get their defaults,
 * and a bad field falls back to its default while the rest are kept.
 */
export function parseSettings(stored: unknown): ParsedSettings {
  const raw: Record<string, unknown> = isPlainObject(stored) ? stored : {};
  const settings = { ...DEFAULT_SETTINGS } as Record<string, unknown>;
  const invalidFields: SettingsField[] = stored == null || isPlainObject(stored) ? [] : [...SETTINGS_FIELDS];
  for (const field of SETTINGS_FIELDS) {
    if (raw[field] === undefined) continue;
    if (fieldError(field, raw[field])) invalidFields.push(field);
    else settings[field] = raw[field];
  }
  if (settings.activeStart === settings.activeEnd) {
    settings.activeStart = DEFAULT_SETTINGS.activeStart;
    settings.activeEnd = DEFAULT_SETTINGS.activeEnd;
    invalidFields.push('activeEnd');
  }
  const unknownFields = Object.fromEntries(Object.entries(raw).filter(([key]) => !(SETTINGS_FIELDS as string[]).includes(key) && !isUnsafeKey(key)));
  return { settings: settings as Settings, invalidFields, unknownFields };
}

/** The value to store: the settings plus any fields a newer version wrote, so that nothing of theirs is lost. */
export function settingsToStore(parsed: Pick<ParsedSettings, 'unknownFields'>, settings: Settings): Record<string, unknown> {
  return { ...parsed.unknownFields, ...settings };
}

/**
 * Chained migrations of the stored object, keyed by the version they produce.
 * Each one only adds fields, so an older device reading the result still works.
 */
export const SETTINGS_MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 1 had no goal for the longest stretch; the natural goal is the user's own interval.
  2: (old) =>
    old.goalLongestSittingMin === undefined && typeof old.sittingIntervalMin === 'number'
      ? { ...old, goalLongestSittingMin: goalForInterval(old.sittingIntervalMin) }
      : old,
};

/** The longest-stretch goal the user gets for a sitting interval: the interval itself, within the goal's range. */
export function goalForInterval(sittingIntervalMin: number): number {
  const { min, max } = NUMBER_RANGES.goalLongestSittingMin;
  return Math.min(max, Math.max(min, sittingIntervalMin));
}

/**
 * The settings after a change. The longest-stretch goal follows the interval
 * until the user sets it apart, so a changed interval moves a goal that still
 * equals the old one.
 */
export function applySettingsPatch(current: Settings, patch: Partial<Settings>): Settings {
  const next: Settings = { ...current, ...patch };
  const goalFollowsInterval = current.goalLongestSittingMin === current.sittingIntervalMin;
  if (patch.sittingIntervalMin !== undefined && patch.goalLongestSittingMin === undefined && goalFollowsInterval) {
    next.goalLongestSittingMin = goalForInterval(patch.sittingIntervalMin);
  }
  return next;
}
