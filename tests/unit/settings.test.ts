import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, SETTINGS_MIGRATIONS, parseSettings, settingsToStore, validateSettings, type SettingsField } from '@/utils/settings/settings';

describe('validateSettings', () => {
  it('accepts the defaults', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS })).toEqual([]);
  });

  it('has the defaults the product promises', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      sittingIntervalMin: 45,
      breakThresholdMin: 5,
      snoozeMin: 10,
      activeDays: [1, 2, 3, 4, 5],
      activeStart: '08:00',
      activeEnd: '18:00',
      goalRoutinesPerDay: 1,
      goalBreaksPerDay: 6,
      breakPresetId: 'desk',
      chime: true,
    });
  });

  it.each<[SettingsField, unknown, string]>([
    ['sittingIntervalMin', 9, 'error_range'],
    ['sittingIntervalMin', 181, 'error_range'],
    ['sittingIntervalMin', 0, 'error_range'],
    ['sittingIntervalMin', -5, 'error_range'],
    ['sittingIntervalMin', 30.5, 'error_whole_number'],
    ['sittingIntervalMin', 'abc', 'error_not_a_number'],
    ['sittingIntervalMin', Number.NaN, 'error_not_a_number'],
    ['breakThresholdMin', 0, 'error_range'],
    ['breakThresholdMin', 61, 'error_range'],
    ['snoozeMin', 0, 'error_range'],
    ['snoozeMin', 61, 'error_range'],
    ['goalRoutinesPerDay', 6, 'error_range'],
    ['goalBreaksPerDay', 21, 'error_range'],
    ['goalBreaksPerDay', -1, 'error_range'],
    ['activeDays', [1, 1], 'error_days'],
    ['activeDays', [7], 'error_days'],
    ['activeDays', 'weekdays', 'error_days'],
    ['activeStart', '8:00', 'error_time'],
    ['activeStart', '24:00', 'error_time'],
    ['activeEnd', '12:60', 'error_time'],
    ['breakPresetId', '', 'error_required'],
    ['remindWith', 'pigeon', 'error_choice'],
    ['quietWhileBusy', 'yes', 'error_choice'],
    ['volume', 101, 'error_range'],
  ])('rejects %s = %j with %s', (field, value, message) => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, [field]: value })).toEqual([{ field, message }]);
  });

  it('rejects an end time equal to the start', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, activeStart: '09:00', activeEnd: '09:00' })).toEqual([{ field: 'activeEnd', message: 'error_same_time' }]);
  });

  it('accepts active hours across midnight and no active days', () => {
    expect(validateSettings({ ...DEFAULT_SETTINGS, activeStart: '22:00', activeEnd: '06:00', activeDays: [] })).toEqual([]);
  });

  it('reports every bad field at once', () => {
    const errors = validateSettings({ ...DEFAULT_SETTINGS, snoozeMin: 0, sittingIntervalMin: 'x' });
    expect(errors.map((e) => e.field).sort()).toEqual(['sittingIntervalMin', 'snoozeMin']);
  });
});

describe('parseSettings', () => {
  it('gives the defaults when nothing is stored', () => {
    expect(parseSettings(undefined)).toEqual({ settings: DEFAULT_SETTINGS, invalidFields: [], unknownFields: {} });
  });

  it('fills fields an older version did not have with their defaults', () => {
    const { settings, invalidFields } = parseSettings({ sittingIntervalMin: 30 });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, sittingIntervalMin: 30 });
    expect(invalidFields).toEqual([]);
  });

  it('falls back field by field and names the fields it could not read', () => {
    const { settings, invalidFields } = parseSettings({ sittingIntervalMin: 'corrupt', snoozeMin: 15, activeDays: null });
    expect(settings.sittingIntervalMin).toBe(45);
    expect(settings.snoozeMin).toBe(15);
    expect(settings.activeDays).toEqual([1, 2, 3, 4, 5]);
    expect(invalidFields).toEqual(['sittingIntervalMin', 'activeDays']);
  });

  it('falls back entirely for a value that is not an object', () => {
    const { settings, invalidFields } = parseSettings('{"broken"');
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(invalidFields).toContain('sittingIntervalMin');
  });

  it('keeps fields written by a newer version, so writing back never drops them', () => {
    const parsed = parseSettings({ sittingIntervalMin: 50, futureOption: { a: 1 } });
    expect(parsed.unknownFields).toEqual({ futureOption: { a: 1 } });
    expect(settingsToStore(parsed, parsed.settings)).toMatchObject({ futureOption: { a: 1 }, sittingIntervalMin: 50 });
  });

  it('never copies prototype keys from stored data', () => {
    const stored = JSON.parse('{"__proto__": {"polluted": true}, "constructor": 1}') as unknown;
    const parsed = parseSettings(stored);
    expect(Object.keys(parsed.unknownFields)).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('settings migrations', () => {
  it('v2 sets the longest-stretch goal from the v1 interval', () => {
    expect(SETTINGS_MIGRATIONS[2]!({ sittingIntervalMin: 60 })).toEqual({ sittingIntervalMin: 60, goalLongestSittingMin: 60 });
  });

  it('v2 leaves an existing goal alone, so running it twice changes nothing', () => {
    const v2 = { sittingIntervalMin: 60, goalLongestSittingMin: 90 };
    expect(SETTINGS_MIGRATIONS[2]!(v2)).toEqual(v2);
  });
});
