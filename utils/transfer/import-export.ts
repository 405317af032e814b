import * as v from 'valibot';
import { EVENT_SCHEMA, type RollCallEvent } from '../history/events';
import { CUSTOMISATIONS_SCHEMA } from '../routine/presets-schema';
import { DAILY_TOTALS_SCHEMA } from '../history/schema';
import type { DailyTotals } from '../history/totals';
import { findPreset, resolvePresets, type PresetCustomisations } from '../routine/presets';
import { customisationsProblem, type RoutineProblem, type RoutineRef } from '../routine/check';

export type { RoutineRef } from '../routine/check';
import { isPlainObject, isUnsafeKey } from '../objects';
import { DEFAULT_SETTINGS, validateSettings, type FieldError, type Settings } from '../settings/settings';
import { MAX_TIMESTAMP } from '../schema-parts';
import { dayCanHold } from './calendar';
import { fitsSyncItem } from '../storage-limits';

/**
 * The user's data as one JSON file: settings, routine changes and history.
 * An import is checked whole before anything is written, so a bad file
 * changes nothing.
 */

export const EXPORT_FORMAT = 'roll-call-export';
export const EXPORT_VERSION = 1;
/** The largest file an import takes, in bytes, as the user chose it (see `checkImportSize`). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

/** Settings as imported: the known fields, checked, plus any field a newer version wrote, kept as it is. */
export type ImportedSettings = Settings & Record<string, unknown>;

export interface ExportBundle {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  settings: ImportedSettings;
  presets: PresetCustomisations;
  events: RollCallEvent[];
  /** Days older than the raw events kept. */
  dailyTotals: DailyTotals;
}

export function buildExport(settings: Settings, presets: PresetCustomisations, events: RollCallEvent[], dailyTotals: DailyTotals, now: number): ExportBundle {
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: new Date(now).toISOString(), settings, presets, events, dailyTotals };
}

export type ImportError =
  | { error: 'error_import_too_large'; bytes: number }
  | { error: 'error_import_not_json' }
  | { error: 'error_import_unsafe_key'; key: string }
  | { error: 'error_import_shape' }
  | { error: 'error_import_newer'; version: number }
  | { error: 'error_import_settings'; fields: FieldError[] }
  | { error: 'error_import_presets' }
  | { error: 'error_import_duplicate_routine'; routine: RoutineRef }
  | { error: 'error_import_duplicate_step'; routine: RoutineRef }
  | { error: 'error_import_no_steps_on'; routine: RoutineRef }
  | { error: 'error_import_missing_routine'; field: RoutineField; presetId: string }
  /** `index` is the first bad entry (from 0), `count` how many there are. */
  | { error: 'error_import_events'; index: number; count: number }
  | { error: 'error_import_event_time'; index: number; count: number }
  | { error: 'error_import_event_day'; index: number; count: number }
  | { error: 'error_import_totals' }
  | { error: 'error_import_totals_day'; day: string; count: number }
  /** The routines or settings would not fit one item of storage.sync (8 KB), where they go. */
  | { error: 'error_sync_item_too_large' };

export type ImportErrorKey = ImportError['error'];

export type RoutineField = 'breakPresetId' | 'fullRoutinePresetId';

export interface ImportSummary {
  events: number;
  customPresets: number;
  firstDay?: string;
  lastDay?: string;
}

export type ImportResult = { ok: true; bundle: ExportBundle; summary: ImportSummary } | ({ ok: false } & ImportError);

/** How far past `now` a time in a file may lie: another device's clock may run a little ahead, but not by days. */
export const IMPORT_FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

const ENVELOPE = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.optional(v.string()),
  settings: v.record(v.string(), v.unknown()),
  presets: v.unknown(),
  events: v.array(v.unknown()),
  dailyTotals: v.optional(v.unknown(), {}),
});

/** The first key anywhere in a value that could reach a prototype when copied. */
function findUnsafeKey(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  for (const key of Object.keys(value)) {
    const found = isUnsafeKey(key) ? key : findUnsafeKey((value as Record<string, unknown>)[key]);
    if (found) return found;
  }
  return undefined;
}

/**
 * No unsafe key at any depth. A value JSON cannot hold (a cycle, a BigInt,
 * nesting too deep) is not a bundle. The size is not measured here: the 5 MB
 * limit counts the bytes of the file the user chose (`parseImport`), once,
 * and never a bundle serialised again (one rebuilt with every default
 * setting filled in is larger than the file it came from).
 */
function checkValue(data: unknown): ImportError | undefined {
  try {
    // `stringify` gives undefined for a value JSON cannot hold at all (undefined, a function), though its type says string.
    if ((JSON.stringify(data) as string | undefined) === undefined) return { error: 'error_import_shape' };
    const key = findUnsafeKey(data);
    return key ? { error: 'error_import_unsafe_key', key } : undefined;
  } catch {
    return { error: 'error_import_shape' };
  }
}

const ROUTINE_IMPORT_ERRORS = {
  duplicateRoutine: 'error_import_duplicate_routine',
  duplicateStep: 'error_import_duplicate_step',
  noStepsOn: 'error_import_no_steps_on',
} as const satisfies Record<RoutineProblem['problem'], ImportErrorKey>;

/** What the routine editor would never let the user save (the check every door shares), and the routines the settings name. */
function checkRoutines(c: PresetCustomisations, settings: Settings): ImportError | undefined {
  const problem = customisationsProblem(c);
  if (problem) return { error: ROUTINE_IMPORT_ERRORS[problem.problem], routine: problem.routine };
  const presets = resolvePresets(c);
  for (const field of ['breakPresetId', 'fullRoutinePresetId'] as const) {
    if (!findPreset(presets, settings[field])) return { error: 'error_import_missing_routine', field, presetId: settings[field] };
  }
  return undefined;
}

const TIME_FIELDS = ['at', 'startedAt', 'durationMs', 'sittingMs'];

/** Moments up to `latest`, lengths of time within the `Date` range; the schema already holds them finite and ≥ 0. */
function timesOk(event: RollCallEvent, latest: number): boolean {
  const { at, startedAt = 0, durationMs = 0, sittingMs = 0 } = event as { at: number; startedAt?: number; durationMs?: number; sittingMs?: number };
  return at <= latest && startedAt <= latest && durationMs <= MAX_TIMESTAMP && sittingMs <= MAX_TIMESTAMP;
}

/** A number that is there but cannot be a time (negative, NaN, infinite) is a bad time, not an unreadable entry. */
function isTimeIssue(issue: v.BaseIssue<unknown>): boolean {
  return issue.path?.length === 1 && TIME_FIELDS.includes(issue.path[0].key as string) && typeof issue.input === 'number';
}

/** Reads every entry, so the error can say how many are bad, not only the first. */
function checkEvents(raw: readonly unknown[], latest: number): RollCallEvent[] | ImportError {
  const events: RollCallEvent[] = [];
  const unreadable: number[] = [];
  const badTimes: number[] = [];
  const badDays: number[] = [];
  for (const [index, entry] of raw.entries()) {
    const parsed = v.safeParse(EVENT_SCHEMA, entry);
    if (!parsed.success) (parsed.issues.every(isTimeIssue) ? badTimes : unreadable).push(index);
    else if (!timesOk(parsed.output, latest)) badTimes.push(index);
    else if (!dayCanHold(parsed.output.day, parsed.output.at)) badDays.push(index);
    else events.push(parsed.output);
  }
  // Reported is the first of these kinds that has any bad entry.
  const faults = [
    ['error_import_events', unreadable],
    ['error_import_event_time', badTimes],
    ['error_import_event_day', badDays],
  ] as const;
  for (const [error, list] of faults) {
    const [index] = list;
    if (index !== undefined) return { error, index, count: list.length };
  }
  return events;
}

function checkTotals(raw: unknown, latest: number): { totals: DailyTotals } | ImportError {
  const parsed = v.safeParse(DAILY_TOTALS_SCHEMA, raw);
  if (!parsed.success || Object.values(parsed.output).some((day) => Math.max(day.routineMs, day.longestSittingMs) > MAX_TIMESTAMP)) {
    return { error: 'error_import_totals' };
  }
  // A day some moment from 1970 to `latest` was, somewhere on Earth; a day in year 0 is damage, not history.
  const badDays = Object.keys(parsed.output)
    .filter((day) => !dayCanHold(day, 0, latest))
    .sort();
  const [firstBadDay] = badDays;
  return firstBadDay !== undefined ? { error: 'error_import_totals_day', day: firstBadDay, count: badDays.length } : { totals: parsed.output };
}

/**
 * The one complete check of an import, for a file the options page read and
 * for a bundle that arrives as a message alike: unsafe keys, shape,
 * every setting, the routines as the editor would allow them, and every
 * history entry's times and day. Pass `now` (the caller's clock); times more
 * than a day past it are refused. Without it, times are only held to the
 * `Date` range.
 *
 * Settings fields this version does not know were written by a newer one and
 * are kept as they are, like `parseSettings` keeps them in storage.
 */
export function validateImport(data: unknown, now?: number): ImportResult {
  const valueError = checkValue(data);
  if (valueError) return { ok: false, ...valueError };

  const envelope = v.safeParse(ENVELOPE, data);
  if (!envelope.success) {
    const version = isPlainObject(data) && data.format === EXPORT_FORMAT ? data.version : undefined;
    if (typeof version === 'number' && version > EXPORT_VERSION) return { ok: false, error: 'error_import_newer', version };
    return { ok: false, error: 'error_import_shape' };
  }
  const { version, settings: rawSettings, presets: rawPresets, events: rawEvents, dailyTotals: rawTotals } = envelope.output;
  if (version > EXPORT_VERSION) return { ok: false, error: 'error_import_newer', version };

  const settings = { ...DEFAULT_SETTINGS, ...rawSettings } as ImportedSettings;
  const fields = validateSettings(settings);
  if (fields.length > 0) return { ok: false, error: 'error_import_settings', fields };

  const parsedPresets = v.safeParse(CUSTOMISATIONS_SCHEMA, rawPresets);
  if (!parsedPresets.success) return { ok: false, error: 'error_import_presets' };
  const presets = parsedPresets.output;
  const routineError = checkRoutines(presets, settings);
  if (routineError) return { ok: false, ...routineError };
  // Said when the file is read, not after the user confirmed: sync would refuse these items whole.
  if (!fitsSyncItem('presets', presets) || !fitsSyncItem('settings', settings)) return { ok: false, error: 'error_sync_item_too_large' };

  const latest = Math.min((now ?? MAX_TIMESTAMP) + IMPORT_FUTURE_SLACK_MS, MAX_TIMESTAMP);
  const events = checkEvents(rawEvents, latest);
  if (!Array.isArray(events)) return { ok: false, ...events };
  const checkedTotals = checkTotals(rawTotals, latest);
  if (!('totals' in checkedTotals)) return { ok: false, ...checkedTotals };
  const { totals } = checkedTotals;

  const bundle = buildExport(settings, presets, events, totals, 0);
  const days = [...Object.keys(totals), ...events.map((e) => e.day)].sort();
  return {
    ok: true,
    bundle: { ...bundle, exportedAt: envelope.output.exportedAt ?? bundle.exportedAt },
    summary: { events: events.length, customPresets: presets.custom.length, firstDay: days[0], lastDay: days.at(-1) },
  };
}

/** The import's one size check: the bytes of the file as the user chose it, against `MAX_IMPORT_BYTES`. */
export function checkImportSize(bytes: number): ImportError | undefined {
  return bytes > MAX_IMPORT_BYTES ? { error: 'error_import_too_large', bytes } : undefined;
}

/**
 * Reads an import file's text, then checks it whole with `validateImport`.
 * `bytes` is the file's size (the page has it from the file; by default the
 * text's UTF-8 bytes). The page refuses a file over the limit before reading
 * it at all, with the same check.
 */
export function parseImport(text: string, now: number, bytes = new TextEncoder().encode(text).length): ImportResult {
  const tooLarge = checkImportSize(bytes);
  if (tooLarge) return { ok: false, ...tooLarge };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'error_import_not_json' };
  }
  return validateImport(data, now);
}
