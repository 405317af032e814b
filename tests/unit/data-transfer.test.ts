import { describe, expect, it } from 'vitest';
import { EXPORT_VERSION, MAX_IMPORT_BYTES, buildExport, parseImport } from '@/utils/transfer/import-export';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { EMPTY_CUSTOMISATIONS } from '@/utils/routine/presets';
import type { RollCallEvent } from '@/utils/history/events';

const events: RollCallEvent[] = [
  { type: 'skipped', at: 1_800_000_000_000, day: '2027-01-15' },
  { type: 'routineCompleted', at: 1_800_000_100_000, day: '2027-01-15', presetId: 'desk', durationMs: 300_000, stepsDone: 5, stepsTotal: 5 },
];
const bundle = buildExport({ ...DEFAULT_SETTINGS, sittingIntervalMin: 30 }, EMPTY_CUSTOMISATIONS, events, {}, 0);
const text = (value: unknown) => JSON.stringify(value);
const parse = (value: string) => parseImport(value, new TextEncoder().encode(value).length);

describe('import', () => {
  it('reads back what export wrote, with a summary of what it holds', () => {
    const result = parse(text(bundle));
    expect(result).toMatchObject({ ok: true, summary: { events: 2, customPresets: 0, firstDay: '2027-01-15', lastDay: '2027-01-15' } });
    if (result.ok) expect(result.bundle.settings.sittingIntervalMin).toBe(30);
  });

  it.each([
    ['not JSON', '{"format": "roll-call-export", ', 'error_import_not_json'],
    ['JSON of the wrong shape', text({ hello: 'world' }), 'error_import_shape'],
    ['a list', text([1, 2, 3]), 'error_import_shape'],
    ['a file missing its history', text({ ...bundle, events: undefined }), 'error_import_shape'],
    ['a __proto__ key', text(bundle).replace('"settings":{', '"settings":{"__proto__":{"polluted":true},'), 'error_import_unsafe_key'],
    ['a constructor key', text(bundle).replace('"presets":{', '"presets":{"constructor":1,'), 'error_import_unsafe_key'],
    ['an interval out of range', text({ ...bundle, settings: { ...bundle.settings, sittingIntervalMin: 999 } }), 'error_import_settings'],
    ['a bad routine change', text({ ...bundle, presets: { builtIn: {}, custom: [{ id: 'nope' }] } }), 'error_import_presets'],
    ['a damaged history entry', text({ ...bundle, events: [...events, { type: 'skipped', at: -4 }] }), 'error_import_events'],
  ])('rejects %s', (_, input, error) => {
    expect(parse(input)).toMatchObject({ ok: false, error });
  });

  it('names the bad settings fields and the first bad history entry', () => {
    expect(parse(text({ ...bundle, settings: { ...bundle.settings, snoozeMin: 0 } }))).toEqual({
      ok: false,
      error: 'error_import_settings',
      fields: [{ field: 'snoozeMin', message: 'error_range' }],
    });
    expect(parse(text({ ...bundle, events: [events[0], 'junk'] }))).toEqual({ ok: false, error: 'error_import_events', index: 1 });
  });

  it('rejects a file from a newer version', () => {
    expect(parse(text({ ...bundle, version: EXPORT_VERSION + 1, settings: 'new shape' }))).toEqual({
      ok: false,
      error: 'error_import_newer',
      version: EXPORT_VERSION + 1,
    });
  });

  it('rejects a file over 5 MB before reading it', () => {
    expect(parseImport(text(bundle), MAX_IMPORT_BYTES + 1)).toEqual({ ok: false, error: 'error_import_too_large' });
  });

  it('drops fields it does not know from the settings', () => {
    const result = parse(text({ ...bundle, settings: { ...bundle.settings, extra: 1 } }));
    expect(result.ok && 'extra' in result.bundle.settings).toBe(false);
  });
});
