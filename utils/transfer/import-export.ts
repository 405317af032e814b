import * as v from 'valibot';
import { EVENT_SCHEMA, type RollCallEvent } from '../history/events';
import { CUSTOMISATIONS_SCHEMA } from '../routine/presets-schema';
import { DAILY_TOTALS_SCHEMA } from '../history/schema';
import type { DailyTotals } from '../history/totals';
import type { PresetCustomisations } from '../routine/presets';
import { isPlainObject, isUnsafeKey } from '../objects';
import { DEFAULT_SETTINGS, validateSettings, type FieldError, type Settings, SETTINGS_FIELDS } from '../settings/settings';

/**
 * The user's data as one JSON file: settings, routine changes and history.
 * An import is checked whole before anything is written, so a bad file
 * changes nothing.
 */

export const EXPORT_FORMAT = 'roll-call-export';
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export interface ExportBundle {
  format: typeof EXPORT_FORMAT;
  version: number;
  exportedAt: string;
  settings: Settings;
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
  | { error: 'error_import_too_large' }
  | { error: 'error_import_not_json' }
  | { error: 'error_import_unsafe_key' }
  | { error: 'error_import_shape' }
  | { error: 'error_import_newer'; version: number }
  | { error: 'error_import_settings'; fields: FieldError[] }
  | { error: 'error_import_presets' }
  | { error: 'error_import_events'; index: number }
  | { error: 'error_import_totals' };

export interface ImportSummary {
  events: number;
  customPresets: number;
  firstDay?: string;
  lastDay?: string;
}

export type ImportResult = ({ ok: true; bundle: ExportBundle; summary: ImportSummary }) | ({ ok: false } & ImportError);

class UnsafeKeyError extends Error {}

const ENVELOPE = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.pipe(v.number(), v.integer(), v.minValue(1)),
  exportedAt: v.optional(v.string()),
  settings: v.record(v.string(), v.unknown()),
  presets: v.unknown(),
  events: v.array(v.unknown()),
  dailyTotals: v.optional(v.unknown(), {}),
});

/** Checks a parsed value; shared by the options page (before asking) and the background (before writing). */
export function validateImport(data: unknown): ImportResult {
  const envelope = v.safeParse(ENVELOPE, data);
  if (!envelope.success) {
    const version = isPlainObject(data) && data.format === EXPORT_FORMAT ? data.version : undefined;
    if (typeof version === 'number' && version > EXPORT_VERSION) return { ok: false, error: 'error_import_newer', version };
    return { ok: false, error: 'error_import_shape' };
  }
  const { version, settings: rawSettings, presets: rawPresets, events: rawEvents, dailyTotals: rawTotals } = envelope.output;
  if (version > EXPORT_VERSION) return { ok: false, error: 'error_import_newer', version };

  const candidate = { ...DEFAULT_SETTINGS, ...rawSettings };
  const fields = validateSettings(candidate);
  if (fields.length > 0) return { ok: false, error: 'error_import_settings', fields };
  const settings = Object.fromEntries(SETTINGS_FIELDS.map((f) => [f, candidate[f]])) as Settings;

  const presets = v.safeParse(CUSTOMISATIONS_SCHEMA, rawPresets);
  if (!presets.success) return { ok: false, error: 'error_import_presets' };

  const events: RollCallEvent[] = [];
  for (const [index, raw] of rawEvents.entries()) {
    const event = v.safeParse(EVENT_SCHEMA, raw);
    if (!event.success) return { ok: false, error: 'error_import_events', index };
    events.push(event.output);
  }

  const totals = v.safeParse(DAILY_TOTALS_SCHEMA, rawTotals);
  if (!totals.success) return { ok: false, error: 'error_import_totals' };

  const bundle = buildExport(settings, presets.output, events, totals.output, 0);
  const days = [...Object.keys(totals.output), ...events.map((e) => e.day)].sort();
  return {
    ok: true,
    bundle: { ...bundle, exportedAt: envelope.output.exportedAt ?? bundle.exportedAt },
    summary: { events: events.length, customPresets: bundle.presets.custom.length, firstDay: days[0], lastDay: days.at(-1) },
  };
}

/** Reads an import file's text: size, JSON, unsafe keys, then the whole shape and every value. */
export function parseImport(text: string, byteLength: number): ImportResult {
  if (byteLength > MAX_IMPORT_BYTES) return { ok: false, error: 'error_import_too_large' };
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value: unknown) => {
      if (isUnsafeKey(key)) throw new UnsafeKeyError(key);
      return value;
    });
  } catch (error) {
    return { ok: false, error: error instanceof UnsafeKeyError ? 'error_import_unsafe_key' : 'error_import_not_json' };
  }
  return validateImport(data);
}
