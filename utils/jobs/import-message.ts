import * as v from 'valibot';
import { isPlainObject } from '../objects';
import { parseEventLog, type RollCallEvent } from '../history/events';
import { readDailyTotals } from '../history/schema';
import type { DailyTotals } from '../history/totals';
import { CUSTOMISATIONS_SCHEMA } from '../routine/presets-schema';
import { customisationsProblem } from '../routine/check';
import { resolvePresets, type PresetCustomisations } from '../routine/presets';
import { parseSettings } from '../settings/settings';
import type { ImportErrorKey } from '../transfer/import-export';

/**
 * An import as the worker takes it from a message. The settings page checked
 * the file whole before the user confirmed (utils/transfer/import-export.ts,
 * which only pages load, so the worker stays small); a message may still come
 * from anywhere, so each part goes through the parser of the stored key it
 * replaces, and a part that does not read whole refuses the import: nothing
 * of it is written.
 */

export interface ImportMessage {
  settings: Record<string, unknown>;
  presets: PresetCustomisations;
  events: RollCallEvent[];
  dailyTotals: DailyTotals;
}

export function readImportMessage(bundle: unknown): { ok: true; value: ImportMessage } | { ok: false; error: ImportErrorKey } {
  if (!isPlainObject(bundle) || !isPlainObject(bundle.settings)) return { ok: false, error: 'error_import_shape' };
  const settings = parseSettings(bundle.settings);
  if (settings.invalidFields.length > 0) return { ok: false, error: 'error_import_settings' };
  const presets = v.safeParse(CUSTOMISATIONS_SCHEMA, bundle.presets ?? { builtIn: {}, custom: [] });
  if (!presets.success || customisationsProblem(presets.output)) return { ok: false, error: 'error_import_presets' };
  const ids = new Set(resolvePresets(presets.output).map((preset) => preset.id));
  if (!ids.has(settings.settings.breakPresetId) || !ids.has(settings.settings.fullRoutinePresetId)) return { ok: false, error: 'error_import_missing_routine' };
  const events = parseEventLog(bundle.events ?? []);
  if (events.dropped > 0) return { ok: false, error: 'error_import_events' };
  const totals = readDailyTotals(bundle.dailyTotals ?? {});
  if (totals.dropped > 0) return { ok: false, error: 'error_import_totals' };
  return { ok: true, value: { settings: bundle.settings, presets: presets.output, events: events.events, dailyTotals: totals.days } };
}
