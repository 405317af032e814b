import * as v from 'valibot';
import { EVENT_SCHEMA, type RollCallEvent } from '../history/events';
import { CUSTOMISATIONS_SCHEMA } from '../routine/presets-schema';
import { DAILY_TOTALS_SCHEMA } from '../history/schema';
import type { DailyTotals } from '../history/totals';
import { BUILT_IN_PRESET_IDS, enabledSteps, findPreset, resolvePresets, type Preset, type PresetCustomisations } from '../routine/presets';
import { DEFAULT_SETTINGS, isPlainObject, isUnsafeKey, validateSettings, type FieldError, type Settings } from '../settings/settings';
import { MAX_DATE_MS, dayCanHold } from '../day';

/**
 * The user's data as one JSON file: settings, routine changes and history.
 * An import is checked whole before anything is written, so a bad file
 * changes nothing.
 */

export const EXPORT_FORMAT = 'roll-call-export';
export const EXPORT_VERSION = 1;
/** The largest bundle an import takes: the UTF-8 bytes of its compact JSON. The page checks a file's size against it too, before reading. */
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

export function buildExport(
  settings: Settings,
  presets: PresetCustomisations,
  events: RollCallEvent[],
  dailyTotals: DailyTotals,
  now: number,
): ExportBundle {
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
  | { error: 'error_import_duplicate_step'; routine: RoutineRef; stepId: string }
  | { error: 'error_import_no_steps_on'; routine: RoutineRef }
  | { error: 'error_import_missing_routine'; field: RoutineField; presetId: string }
  /** `index` is the first bad entry (from 0), `count` how many there are. */
  | { error: 'error_import_events'; index: number; count: number }
  | { error: 'error_import_event_time'; index: number; count: number }
  | { error: 'error_import_event_day'; index: number; count: number }
  | { error: 'error_import_totals' }
  | { error: 'error_import_totals_day'; day: string; count: number };

export type ImportErrorKey = ImportError['error'];

/** A routine as an error names it: a built-in one by its id (its name comes from the locale), a custom one by its name too. */
export interface RoutineRef {
  id: string;
  name?: string;
  builtIn: boolean;
}

export type RoutineField = 'breakPresetId' | 'fullRoutinePresetId';

export interface ImportSummary {
  events: number;
  customPresets: number;
  firstDay?: string;
  lastDay?: string;
}

export type ImportResult = ({ ok: true; bundle: ExportBundle; summary: ImportSummary }) | ({ ok: false } & ImportError);

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

class UnsafeKeyError extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

/** UTF-8 bytes of a string; JSON.stringify never leaves a lone surrogate, so each surrogate is half of a 4-byte pair. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes += unit < 0x80 ? 1 : unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 2 : 3;
  }
  return bytes;
}

/**
 * The size of a bundle as the 5 MB limit counts it: the UTF-8 bytes of its
 * compact JSON. The same walk refuses an unsafe key at any depth, and a value
 * JSON cannot hold (a cycle, a BigInt) is not a bundle.
 */
function measure(data: unknown): { bytes: number } | ImportError {
  let json: string | undefined;
  try {
    json = JSON.stringify(data, (key, value: unknown) => {
      if (isUnsafeKey(key)) throw new UnsafeKeyError(key);
      return value;
    });
  } catch (error) {
    return error instanceof UnsafeKeyError ? { error: 'error_import_unsafe_key', key: error.key } : { error: 'error_import_shape' };
  }
  if (json === undefined) return { error: 'error_import_shape' };
  return { bytes: utf8Length(json) };
}

function routineRef(preset: Preset): RoutineRef {
  return { id: preset.id, name: preset.name, builtIn: preset.builtIn };
}

function firstDuplicate(ids: readonly string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

/** What the routine editor would never let the user save, checked on the routines as they will run. */
function checkRoutines(customisations: PresetCustomisations, settings: Settings): ImportError | undefined {
  const seen = new Set<string>();
  for (const preset of customisations.custom) {
    if (seen.has(preset.id)) return { error: 'error_import_duplicate_routine', routine: { id: preset.id, name: preset.name, builtIn: false } };
    seen.add(preset.id);
  }
  for (const id of BUILT_IN_PRESET_IDS) {
    const steps = customisations.builtIn[id]?.steps;
    const duplicate = steps && firstDuplicate(steps.map((s) => s.id));
    if (duplicate !== undefined) {
      return { error: 'error_import_duplicate_step', routine: { id, name: customisations.builtIn[id]?.name, builtIn: true }, stepId: duplicate };
    }
  }
  for (const preset of customisations.custom) {
    const duplicate = firstDuplicate(preset.steps.map((s) => s.id));
    if (duplicate !== undefined) return { error: 'error_import_duplicate_step', routine: { id: preset.id, name: preset.name, builtIn: false }, stepId: duplicate };
  }
  const presets = resolvePresets(customisations);
  const empty = presets.find((p) => enabledSteps(p).length === 0);
  if (empty) return { error: 'error_import_no_steps_on', routine: routineRef(empty) };
  for (const field of ['breakPresetId', 'fullRoutinePresetId'] as const) {
    if (!findPreset(presets, settings[field])) return { error: 'error_import_missing_routine', field, presetId: settings[field] };
  }
  return undefined;
}

/** A moment a file may hold: a valid `Date`, from 1970 to a day past `latest`. */
function isPlausibleTime(at: number, latest: number): boolean {
  return at >= 0 && at <= latest;
}

/** A length of time that, added to any valid moment, keeps within the `Date` range. */
function isPlausibleDuration(ms: number): boolean {
  return ms >= 0 && ms <= MAX_DATE_MS;
}

function eventTimesOk(event: RollCallEvent, latest: number): boolean {
  if (!isPlausibleTime(event.at, latest)) return false;
  switch (event.type) {
    case 'sittingEnded':
      return isPlausibleTime(event.startedAt, latest) && isPlausibleDuration(event.durationMs);
    case 'breakDue':
      return isPlausibleDuration(event.sittingMs);
    case 'routineCompleted':
    case 'routineStopped':
      return isPlausibleDuration(event.durationMs);
    default:
      return true;
  }
}

/** The fields of an event that hold a moment or a length of time. */
const TIME_FIELDS: ReadonlySet<unknown> = new Set(['at', 'startedAt', 'durationMs', 'sittingMs']);

/** A number that is there but cannot be a time (negative, not finite) is a bad time, not an unreadable entry. */
function isTimeIssue(issue: v.BaseIssue<unknown>): boolean {
  return issue.path?.length === 1 && TIME_FIELDS.has(issue.path[0]!.key) && typeof issue.input === 'number';
}

type EventsCheck = { ok: true; events: RollCallEvent[] } | ImportError;

/** Reads every entry, so the error can say how many are bad, not only the first. */
function checkEvents(raw: readonly unknown[], latest: number): EventsCheck {
  const events: RollCallEvent[] = [];
  const bad = { events: [] as number[], time: [] as number[], day: [] as number[] };
  for (const [index, entry] of raw.entries()) {
    const parsed = v.safeParse(EVENT_SCHEMA, entry);
    if (!parsed.success) (parsed.issues.every(isTimeIssue) ? bad.time : bad.events).push(index);
    else if (!eventTimesOk(parsed.output, latest)) bad.time.push(index);
    else if (!dayCanHold(parsed.output.day, parsed.output.at)) bad.day.push(index);
    else events.push(parsed.output);
  }
  if (bad.events.length > 0) return { error: 'error_import_events', index: bad.events[0]!, count: bad.events.length };
  if (bad.time.length > 0) return { error: 'error_import_event_time', index: bad.time[0]!, count: bad.time.length };
  if (bad.day.length > 0) return { error: 'error_import_event_day', index: bad.day[0]!, count: bad.day.length };
  return { ok: true, events };
}

type TotalsCheck = { ok: true; totals: DailyTotals } | ImportError;

function checkTotals(raw: unknown, latest: number): TotalsCheck {
  const parsed = v.safeParse(DAILY_TOTALS_SCHEMA, raw);
  if (!parsed.success) return { error: 'error_import_totals' };
  const totals = parsed.output;
  if (Object.values(totals).some((day) => !isPlausibleDuration(day.routineMs) || !isPlausibleDuration(day.longestSittingMs))) {
    return { error: 'error_import_totals' };
  }
  // A day some moment from 1970 to `latest` was, somewhere on Earth; a day in year 0 is damage, not history.
  const badDays = Object.keys(totals).filter((day) => !dayCanHold(day, 0, latest)).sort();
  if (badDays.length > 0) return { error: 'error_import_totals_day', day: badDays[0]!, count: badDays.length };
  return { ok: true, totals };
}

/**
 * The one complete check of an import, for a file the options page read and
 * for a bundle that arrives as a message alike: size, unsafe keys, shape,
 * every setting, the routines as the editor would allow them, and every
 * history entry's times and day. Pass `now` (the caller's clock); times more
 * than a day past it are refused. Without it, times are only held to the
 * `Date` range.
 *
 * Settings fields this version does not know were written by a newer one and
 * are kept as they are, like `parseSettings` keeps them in storage.
 */
export function validateImport(data: unknown, now?: number): ImportResult {
  const measured = measure(data);
  if ('error' in measured) return { ok: false, ...measured };
  if (measured.bytes > MAX_IMPORT_BYTES) return { ok: false, error: 'error_import_too_large', bytes: measured.bytes };

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
  const presets = parsedPresets.output as PresetCustomisations;
  const routineError = checkRoutines(presets, settings);
  if (routineError) return { ok: false, ...routineError };

  const latest = now === undefined ? MAX_DATE_MS : Math.min(now + IMPORT_FUTURE_SLACK_MS, MAX_DATE_MS);
  const events = checkEvents(rawEvents, latest);
  if (!('ok' in events)) return { ok: false, ...events };
  const totals = checkTotals(rawTotals, latest);
  if (!('ok' in totals)) return { ok: false, ...totals };

  const bundle = buildExport(settings, presets, events.events, totals.totals, 0);
  const days = [...Object.keys(totals.totals), ...events.events.map((e) => e.day)].sort();
  return {
    ok: true,
    bundle: { ...bundle, exportedAt: envelope.output.exportedAt ?? bundle.exportedAt },
    summary: { events: events.events.length, customPresets: presets.custom.length, firstDay: days[0], lastDay: days.at(-1) },
  };
}

/**
 * Reads an import file's text, then checks it whole with `validateImport`.
 * The page refuses a file over `MAX_IMPORT_BYTES` before reading it at all.
 */
export function parseImport(text: string, now: number): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, error: 'error_import_not_json' };
  }
  return validateImport(data, now);
}
