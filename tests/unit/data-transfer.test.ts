import { describe, expect, it } from 'vitest';
import {
  EXPORT_VERSION,
  IMPORT_FUTURE_SLACK_MS,
  MAX_IMPORT_BYTES,
  checkImportSize,
  buildExport,
  parseImport,
  validateImport,
  type ExportBundle,
} from '@/utils/transfer/import-export';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { BUILT_IN_PRESETS, EMPTY_CUSTOMISATIONS, type CustomPreset, type PresetCustomisations, type Step } from '@/utils/routine/presets';
import type { RollCallEvent } from '@/utils/history/events';
import { emptyDay } from '@/utils/history/totals';
import { MAX_TIMESTAMP } from '@/utils/schema-parts';

const NOW = Date.UTC(2027, 0, 20, 12);
const AT = Date.UTC(2027, 0, 15, 12);

const events: RollCallEvent[] = [
  { type: 'skipped', at: AT, day: '2027-01-15' },
  { type: 'routineCompleted', at: AT + 100_000, day: '2027-01-15', presetId: 'desk', durationMs: 300_000, stepsDone: 5, stepsTotal: 5 },
];
const bundle = buildExport({ ...DEFAULT_SETTINGS, sittingIntervalMin: 30 }, EMPTY_CUSTOMISATIONS, events, {}, 0);
const text = (value: unknown) => JSON.stringify(value);
const parse = (value: string) => parseImport(value, NOW);

const deskSteps = BUILT_IN_PRESETS.find((p) => p.id === 'desk')!.steps;
const stepSettings = (steps: readonly Step[], enabled = true) => steps.map(({ id, durationSec }) => ({ id, durationSec, enabled }));
const custom = (id: string, steps: Step[], name = 'Mine'): CustomPreset => ({ id, name, steps });

/** The bundle with one part replaced. */
const withPresets = (presets: PresetCustomisations) => ({ ...bundle, presets });
const withSettings = (settings: Record<string, unknown>) => ({ ...bundle, settings: { ...bundle.settings, ...settings } });
const withEvents = (...list: unknown[]) => ({ ...bundle, events: list });
const withTotals = (dailyTotals: Record<string, unknown>) => ({ ...bundle, dailyTotals });
const skippedAt = (at: number, day = '2027-01-15') => ({ type: 'skipped', at, day });

/** A bundle whose compact JSON is exactly `bytes` long, padded in its free-form export time. */
function bundleOfSize(bytes: number): ExportBundle {
  const base = text({ ...bundle, exportedAt: '' });
  return { ...bundle, exportedAt: 'x'.repeat(bytes - base.length) };
}

/** An object with an own key named like a prototype hook, as JSON.parse or a structured clone makes one. */
const ownKey = (key: string, value: unknown) => Object.defineProperty({}, key, { value, enumerable: true });

function cyclic(): unknown {
  const looped: Record<string, unknown> = { ...bundle };
  looped.self = looped;
  return looped;
}

function nested(depth: number): unknown {
  let value: unknown = [];
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

describe('import', () => {
  it('reads back what export wrote, with a summary of what it holds', () => {
    const result = parse(text(bundle));
    expect(result).toMatchObject({ ok: true, summary: { events: 2, customPresets: 0, firstDay: '2027-01-15', lastDay: '2027-01-15' } });
    if (result.ok) expect(result.bundle.settings.sittingIntervalMin).toBe(30);
  });

  it('round-trips a full export: changed and custom routines, history and daily totals, pretty-printed as the page writes it', () => {
    const presets: PresetCustomisations = {
      builtIn: { desk: { name: 'Quick one', steps: stepSettings(deskSteps).map((s, i) => ({ ...s, enabled: i !== 2 })) } },
      custom: [
        custom(
          'custom-a1',
          deskSteps.map((s) => ({ ...s })),
        ),
        custom('custom-b2', [{ ...deskSteps[0]!, enabled: true }], 'Other'),
      ],
    };
    const settings = { ...DEFAULT_SETTINGS, breakPresetId: 'custom-a1', fullRoutinePresetId: 'desk' };
    const totals = { '2026-12-01': { ...emptyDay(), breaksDue: 3, routineMs: 60_000, comfortFeet: [7] } };
    const full = buildExport(settings, presets, events, totals, NOW);
    const result = parse(JSON.stringify(full, null, 2));
    expect(result).toEqual({
      ok: true,
      bundle: full,
      summary: { events: 2, customPresets: 2, firstDay: '2026-12-01', lastDay: '2027-01-15' },
    });
  });

  it.each([
    // Reading the file
    ['not JSON', () => parse('{"format": "roll-call-export", '), 'error_import_not_json'],
    ['JSON of the wrong shape', () => parse(text({ hello: 'world' })), 'error_import_shape'],
    ['a list', () => parse(text([1, 2, 3])), 'error_import_shape'],
    ['a file missing its history', () => parse(text({ ...bundle, events: undefined })), 'error_import_shape'],
    ['a cycle (a structured clone can hold one)', () => validateImport(cyclic(), NOW), 'error_import_shape'],
    ['nesting too deep to walk', () => validateImport(withSettings({ deep: nested(200_000) }), NOW), 'error_import_shape'],
    ['a file from a newer version', () => parse(text({ ...bundle, version: EXPORT_VERSION + 1 })), 'error_import_newer'],
    // Size
    ['a file over 5 MB', () => parse(text(bundleOfSize(MAX_IMPORT_BYTES + 1))), 'error_import_too_large'],
    ['a file over 5 MB in UTF-8 though under 5 M characters', () => parse(text(withSettings({ pad: 'é'.repeat(2_700_000) }))), 'error_import_too_large'],
    // Prototype keys, at any depth, in a file or a message
    [
      'a __proto__ key in the settings',
      () => parse(text(bundle).replace('"settings":{', '"settings":{"__proto__":{"polluted":true},')),
      'error_import_unsafe_key',
    ],
    ['a constructor key in the routines', () => parse(text(bundle).replace('"presets":{', '"presets":{"constructor":1,')), 'error_import_unsafe_key'],
    ['a prototype key deep in a history entry', () => parse(text(withEvents({ ...events[0], prototype: { x: 1 } }))), 'error_import_unsafe_key'],
    [
      'an own __proto__ key in a message',
      () => validateImport({ ...bundle, settings: Object.assign(ownKey('__proto__', { polluted: true }), bundle.settings) }, NOW),
      'error_import_unsafe_key',
    ],
    // Settings
    ['an interval out of range', () => parse(text(withSettings({ sittingIntervalMin: 999 }))), 'error_import_settings'],
    ['a known field of the wrong type next to unknown ones', () => parse(text(withSettings({ chime: 'yes', fromTheFuture: 1 }))), 'error_import_settings'],
    // Routines
    ['a routine change that cannot be read', () => parse(text(withPresets({ builtIn: {}, custom: [{ id: 'nope' }] } as never))), 'error_import_presets'],
    [
      'a built-in routine with every step off',
      () => parse(text(withPresets({ builtIn: { desk: { steps: stepSettings(deskSteps, false) } }, custom: [] }))),
      'error_import_no_steps_on',
    ],
    ['a built-in routine with no steps at all', () => parse(text(withPresets({ builtIn: { back: { steps: [] } }, custom: [] }))), 'error_import_no_steps_on'],
    [
      'a built-in routine whose only steps are unknown',
      () => parse(text(withPresets({ builtIn: { full: { steps: [{ id: 'jump', durationSec: 60, enabled: true }] } }, custom: [] }))),
      'error_import_no_steps_on',
    ],
    [
      'a custom routine with every step off',
      () =>
        parse(
          text(
            withPresets({
              builtIn: {},
              custom: [
                custom(
                  'custom-a',
                  deskSteps.map((s) => ({ ...s, enabled: false })),
                ),
              ],
            }),
          ),
        ),
      'error_import_no_steps_on',
    ],
    [
      'two custom routines with one id',
      () => parse(text(withPresets({ builtIn: {}, custom: [custom('custom-a', [...deskSteps]), custom('custom-a', [...deskSteps], 'Twin')] }))),
      'error_import_duplicate_routine',
    ],
    [
      'a 10-hour Desk break made of one step repeated',
      () =>
        parse(
          text(
            withPresets({ builtIn: { desk: { steps: Array.from({ length: 40 }, () => ({ id: 'roll-left', durationSec: 900, enabled: true })) } }, custom: [] }),
          ),
        ),
      'error_import_duplicate_step',
    ],
    [
      'a custom routine with one step id twice',
      () => parse(text(withPresets({ builtIn: {}, custom: [custom('custom-a', [deskSteps[0]!, deskSteps[0]!])] }))),
      'error_import_duplicate_step',
    ],
    ['a break routine that is not there', () => parse(text(withSettings({ breakPresetId: 'custom-gone' }))), 'error_import_missing_routine'],
    ['a daily routine that is not there', () => parse(text(withSettings({ fullRoutinePresetId: 'custom-gone' }))), 'error_import_missing_routine'],
    // History entries: shape
    ['a history entry that cannot be read', () => parse(text(withEvents(events[0], { type: 'skipped' }))), 'error_import_events'],
    ['a history entry of an unknown type', () => parse(text(withEvents({ type: 'teleported', at: AT, day: '2027-01-15' }))), 'error_import_events'],
    // History entries: times
    ['a negative time', () => parse(text(withEvents(skippedAt(-4, '1970-01-01')))), 'error_import_event_time'],
    ['a time that is not a number at all (NaN, sent as a message)', () => validateImport(withEvents(skippedAt(Number.NaN)), NOW), 'error_import_event_time'],
    ['an infinite time (sent as a message)', () => validateImport(withEvents(skippedAt(Number.POSITIVE_INFINITY)), NOW), 'error_import_event_time'],
    ['a time past the Date range', () => parse(text(withEvents(skippedAt(MAX_TIMESTAMP + 1)))), 'error_import_event_time'],
    [
      'a time more than a day in the future',
      () => parse(text(withEvents(skippedAt(NOW + IMPORT_FUTURE_SLACK_MS + 1, '2027-01-21')))),
      'error_import_event_time',
    ],
    [
      'a sitting stretch that started past the Date range',
      () => parse(text(withEvents({ type: 'sittingEnded', at: AT, day: '2027-01-15', startedAt: 1e300, durationMs: 0 }))),
      'error_import_event_time',
    ],
    ['a routine that lasted longer than the Date range', () => parse(text(withEvents({ ...events[1], durationMs: 1e300 }))), 'error_import_event_time'],
    // History entries: days
    ['day 0000-00-00', () => parse(text(withEvents(skippedAt(AT, '0000-00-00')))), 'error_import_event_day'],
    ['day 9999-99-99', () => parse(text(withEvents(skippedAt(AT, '9999-99-99')))), 'error_import_event_day'],
    ['day 2026-02-30', () => parse(text(withEvents(skippedAt(Date.UTC(2026, 1, 28, 12), '2026-02-30')))), 'error_import_event_day'],
    ['a day two days off its time', () => parse(text(withEvents(skippedAt(AT, '2027-01-17')))), 'error_import_event_day'],
    // Daily totals
    ['daily totals that cannot be read', () => parse(text(withTotals({ '2026-12-01': { breaksDue: 'many' } }))), 'error_import_totals'],
    [
      'daily totals with a time past the Date range',
      () => parse(text(withTotals({ '2026-12-01': { ...emptyDay(), longestSittingMs: 1e300 } }))),
      'error_import_totals',
    ],
    ['daily totals for 2026-02-30', () => parse(text(withTotals({ '2026-02-30': emptyDay() }))), 'error_import_totals_day'],
    ['daily totals for year 1', () => parse(text(withTotals({ '0001-01-01': emptyDay() }))), 'error_import_totals_day'],
    ['daily totals for a day in the future', () => parse(text(withTotals({ '2999-01-01': emptyDay() }))), 'error_import_totals_day'],
  ])('refuses %s', (_, run, error) => {
    expect(run()).toMatchObject({ ok: false, error });
  });

  it('names what is wrong: the routine, the setting, and how many entries from which one', () => {
    expect(parse(text(withPresets({ builtIn: { desk: { steps: stepSettings(deskSteps, false) } }, custom: [] })))).toEqual({
      ok: false,
      error: 'error_import_no_steps_on',
      routine: { id: 'desk', name: undefined },
    });
    expect(parse(text(withPresets({ builtIn: {}, custom: [custom('custom-a', [deskSteps[1]!, deskSteps[1]!], 'Twice')] })))).toEqual({
      ok: false,
      error: 'error_import_duplicate_step',
      routine: { id: 'custom-a', name: 'Twice' },
    });
    expect(parse(text(withSettings({ fullRoutinePresetId: 'custom-gone' })))).toEqual({
      ok: false,
      error: 'error_import_missing_routine',
      field: 'fullRoutinePresetId',
      presetId: 'custom-gone',
    });
    expect(parse(text(withSettings({ snoozeMin: 0 })))).toEqual({
      ok: false,
      error: 'error_import_settings',
      fields: [{ field: 'snoozeMin', message: 'error_range' }],
    });
    expect(parse(text(withEvents(events[0], 'junk', events[1], 7)))).toEqual({ ok: false, error: 'error_import_events', index: 1, count: 2 });
    const offDays = withEvents(events[0], skippedAt(AT, '2027-02-30'), skippedAt(AT, '2027-01-13'), skippedAt(AT, '2027-01-12'));
    expect(parse(text(offDays))).toEqual({ ok: false, error: 'error_import_event_day', index: 1, count: 3 });
    expect(parse(text(withTotals({ '2999-01-01': emptyDay(), '2026-02-29': emptyDay() })))).toEqual({
      ok: false,
      error: 'error_import_totals_day',
      day: '2026-02-29',
      count: 2,
    });
    expect(parse(text(bundleOfSize(MAX_IMPORT_BYTES + 1)))).toEqual({ ok: false, error: 'error_import_too_large', bytes: MAX_IMPORT_BYTES + 1 });
    expect(parse(text(bundle).replace('"presets":{', '"presets":{"constructor":1,'))).toEqual({
      ok: false,
      error: 'error_import_unsafe_key',
      key: 'constructor',
    });
    expect(parse(text({ ...bundle, version: EXPORT_VERSION + 1, settings: 'new shape' }))).toEqual({
      ok: false,
      error: 'error_import_newer',
      version: EXPORT_VERSION + 1,
    });
  });

  it('takes a bundle of exactly 5 MB', () => {
    expect(parse(text(bundleOfSize(MAX_IMPORT_BYTES))).ok).toBe(true);
  });

  describe('one size limit, on the file the user chose', () => {
    /**
     * A file of exactly `bytes`: compact JSON with only some of the settings (as an older version
     * wrote them), then trailing whitespace, less than the default settings it will be given.
     */
    function exportFile(bytes: number): string {
      const few = { ...bundle, settings: { sittingIntervalMin: 30 } };
      const withEvents = (count: number) => JSON.stringify({ ...few, events: Array.from({ length: count }, () => events[0]) });
      const perEvent = withEvents(2).length - withEvents(1).length;
      const json = withEvents(Math.floor((bytes - 200 - withEvents(0).length) / perEvent));
      return json + ' '.repeat(bytes - new TextEncoder().encode(json).length);
    }

    it('summarises a file of exactly 5 MB as valid, and the bundle the page sends on confirm is taken too', () => {
      const file = exportFile(MAX_IMPORT_BYTES);
      expect(new TextEncoder().encode(file).length).toBe(MAX_IMPORT_BYTES);
      const read = parseImport(file, NOW, MAX_IMPORT_BYTES);
      expect(read.ok).toBe(true);
      if (!read.ok) return;
      // The confirmed bundle carries every default setting: more bytes than the file when serialised again.
      expect(new TextEncoder().encode(JSON.stringify(read.bundle)).length).toBeGreaterThan(MAX_IMPORT_BYTES);
      expect(validateImport(read.bundle, NOW).ok).toBe(true);
      expect(validateImport(structuredClone(read.bundle), NOW).ok).toBe(true);
    });

    it('refuses a file of 5 MB and 1 byte by its own size', () => {
      const file = exportFile(MAX_IMPORT_BYTES + 1);
      expect(parseImport(file, NOW, MAX_IMPORT_BYTES + 1)).toEqual({ ok: false, error: 'error_import_too_large', bytes: MAX_IMPORT_BYTES + 1 });
      expect(parseImport(file, NOW)).toEqual({ ok: false, error: 'error_import_too_large', bytes: MAX_IMPORT_BYTES + 1 });
      expect(checkImportSize(MAX_IMPORT_BYTES)).toBeUndefined();
      expect(checkImportSize(MAX_IMPORT_BYTES + 1)).toEqual({ error: 'error_import_too_large', bytes: MAX_IMPORT_BYTES + 1 });
    });
  });

  it('refuses routines sync could not hold (one item over 8 KB) when the file is read', () => {
    const steps = Array.from({ length: 500 }, (_, i): Step => ({ ...deskSteps[0]!, id: `step-${i}` }));
    expect(parse(text(withPresets({ ...EMPTY_CUSTOMISATIONS, custom: [custom('custom-long', steps)] })))).toEqual({
      ok: false,
      error: 'error_sync_item_too_large',
    });
  });

  it.each([
    ['a day ahead of UTC, as in New Zealand', skippedAt(AT, '2027-01-16')],
    ['a day behind UTC, as in Hawaii', skippedAt(Date.UTC(2027, 0, 15, 8), '2027-01-14')],
    ['a leap day', skippedAt(Date.UTC(2024, 1, 29, 12), '2024-02-29')],
    ['a time less than a day ahead of now (another device’s clock)', skippedAt(NOW + IMPORT_FUTURE_SLACK_MS - 1, '2027-01-21')],
    ['a sitting stretch that ends after a clock was set back', { type: 'sittingEnded', at: AT, day: '2027-01-15', startedAt: AT + 60_000, durationMs: 0 }],
  ])('takes %s', (_, event) => {
    expect(parse(text(withEvents(event)))).toMatchObject({ ok: true });
  });

  it('keeps settings fields written by a newer version, and still checks the known ones', () => {
    const result = parse(text(withSettings({ extra: 1, nested: { theme: 'dark' } })));
    expect(result.ok && result.bundle.settings).toMatchObject({ extra: 1, nested: { theme: 'dark' }, sittingIntervalMin: 30 });
    expect(parse(text(withSettings({ extra: 1, volume: 101 })))).toMatchObject({ ok: false, error: 'error_import_settings' });
  });

  it('gives settings missing from an older file their defaults', () => {
    const result = parse(text({ ...bundle, settings: { sittingIntervalMin: 40 } }));
    expect(result.ok && result.bundle.settings).toEqual({ ...DEFAULT_SETTINGS, sittingIntervalMin: 40 });
  });
});
