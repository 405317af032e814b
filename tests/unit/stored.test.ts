import { describe, expect, it } from 'vitest';
import { afterIntent, fitsSyncTotal, mergeIntents, migrateSettings, parseSyncIntent, planSetup, type StoredSetup } from '@/utils/jobs/stored';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '@/utils/settings/settings';

const base: StoredSetup = {
  sync: {},
  settings: { ...DEFAULT_SETTINGS },
  settingsMeta: { v: SETTINGS_VERSION },
  presets: undefined,
  remindHere: undefined,
  policy: undefined,
};
const lockedInterval = { managed: { sittingIntervalMin: 50, locked: ['sittingIntervalMin', 'remindHere'], remindHere: true } };

describe('settings, routines and policy as a pure step of a job', () => {
  it.each([
    ['a good patch', { type: 'patch' as const, patch: { snoozeMin: 5 } }, base, undefined],
    ['an unknown field', { type: 'patch' as const, patch: { nonsense: 1 } }, base, 'error_bad_command'],
    ['an empty patch', { type: 'patch' as const, patch: {} }, base, 'error_bad_command'],
    ['a bad value', { type: 'patch' as const, patch: { snoozeMin: 1000 } }, base, 'error_not_saved'],
    ['a locked field', { type: 'patch' as const, patch: { sittingIntervalMin: 30 } }, { ...base, policy: lockedInterval }, 'error_locked'],
    ['a locked reminders switch', { type: 'remindHere' as const, value: false }, { ...base, policy: lockedInterval }, 'error_locked'],
    ['routines that are not routines', { type: 'presets' as const, customisations: [1, 2] }, base, 'error_bad_command'],
    [
      'routines over 8 KB',
      {
        type: 'presets' as const,
        customisations: {
          builtIn: {},
          custom: [
            {
              id: 'custom-long',
              name: 'Long',
              steps: Array.from({ length: 500 }, (_, i) => ({ id: `step-${String(i)}`, kind: 'roll', side: 'left', durationSec: 60, enabled: true })),
            },
          ],
        },
      },
      base,
      'error_sync_item_too_large',
    ],
  ])('%s', (_, input, stored, refused) => {
    expect(planSetup(stored, input).refused).toBe(refused);
  });

  it('writes nothing of a refused input, and the intent of a good one', () => {
    const refused = planSetup(base, { type: 'patch', patch: { snoozeMin: 1000 } });
    expect(refused.local).toEqual({});
    expect(refused.sync).toBeUndefined();
    const saved = planSetup(base, { type: 'patch', patch: { snoozeMin: 5 } });
    expect(saved.sync?.set.settings).toMatchObject({ snoozeMin: 5 });
    expect(saved.settings.settings.snoozeMin).toBe(5);
  });

  it("keeps a newer version's unknown fields when it saves", () => {
    const saved = planSetup({ ...base, settings: { ...DEFAULT_SETTINGS, fromTheFuture: 1 } }, { type: 'patch', patch: { snoozeMin: 5 } });
    expect(saved.sync?.set.settings).toMatchObject({ fromTheFuture: 1, snoozeMin: 5 });
  });

  it('applies a new policy over values at their default, locks what it locks, and stores the policy as applied', () => {
    const applied = planSetup(base, { type: 'policy', managed: { sittingIntervalMin: 50, snoozeMin: 15, locked: ['sittingIntervalMin'] } });
    expect(applied.settings.settings).toMatchObject({ sittingIntervalMin: 50, snoozeMin: 15 });
    expect(applied.local.policy).toEqual({ managed: { sittingIntervalMin: 50, snoozeMin: 15, locked: ['sittingIntervalMin'] } });
    expect(applied.policy.locked).toEqual(['sittingIntervalMin']);
    // A value the user chose stays unless it is locked.
    const chosen = planSetup({ ...base, settings: { ...DEFAULT_SETTINGS, snoozeMin: 20 } }, { type: 'policy', managed: { snoozeMin: 15 } });
    expect(chosen.settings.settings.snoozeMin).toBe(20);
  });

  it('puts a locked value back when another device syncs a change to it', () => {
    const synced = planSetup({ ...base, settings: { ...DEFAULT_SETTINGS, sittingIntervalMin: 30 }, policy: lockedInterval }, { type: 'settingsSynced' });
    expect(synced.sync?.set.settings).toMatchObject({ sittingIntervalMin: 50 });
    // Nothing to enforce: nothing to write.
    expect(planSetup(base, { type: 'settingsSynced' }).sync).toBeUndefined();
  });

  it("keeps the organisation's locked values through an import and a reset", () => {
    const imported = planSetup(
      { ...base, policy: lockedInterval },
      { type: 'importSettings', settings: { ...DEFAULT_SETTINGS, sittingIntervalMin: 25, snoozeMin: 5 }, presets: undefined },
    );
    expect(imported.sync?.set.settings).toMatchObject({ sittingIntervalMin: 50, snoozeMin: 5 });
    const reset = planSetup({ ...base, settings: { ...DEFAULT_SETTINGS, snoozeMin: 5 }, policy: lockedInterval }, { type: 'resetSettings' });
    // The organisation's values are written over what is removed: the settings are set, their meta and the routines go.
    expect(reset.sync?.remove).toEqual(['settings$', 'presets']);
    expect(reset.sync?.set.settings).toMatchObject({ sittingIntervalMin: 50, snoozeMin: DEFAULT_SETTINGS.snoozeMin });
    expect(reset.remindHere).toBe(true);
  });

  it("refuses a change that would pass sync's 100 KB in all, before anything is written", () => {
    const full = { ...base, sync: Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`other${i}`, 'x'.repeat(7900)])) };
    expect(planSetup(full, { type: 'patch', patch: { snoozeMin: 5 } }).refused).toBe('error_sync_full');
    expect(fitsSyncTotal({ a: 'x'.repeat(100_000) }, undefined)).toBe(true);
    expect(fitsSyncTotal({ a: 'x'.repeat(100_000) }, { set: { b: 'y'.repeat(3000) }, remove: [] })).toBe(false);
  });
});

describe('settings migrations, as a sync intent', () => {
  it.each([
    [
      'v1 settings get the goal that follows the interval',
      { sittingIntervalMin: 60 },
      { v: 1 },
      { settings: { sittingIntervalMin: 60, goalLongestSittingMin: 60 }, settings$: { v: SETTINGS_VERSION } },
    ],
    [
      'no meta counts as v1',
      { sittingIntervalMin: 60 },
      undefined,
      { settings: { sittingIntervalMin: 60, goalLongestSittingMin: 60 }, settings$: { v: SETTINGS_VERSION } },
    ],
    ['a first install is stamped', null, undefined, { settings$: { v: SETTINGS_VERSION } }],
    ['the current version is left alone', { sittingIntervalMin: 60 }, { v: SETTINGS_VERSION }, undefined],
    ['a newer version is left alone', { fromTheFuture: true }, { v: 99 }, undefined],
  ])('%s', (_, stored, meta, set) => {
    expect(migrateSettings(stored, meta)?.set).toEqual(set);
  });
});

describe('sync intents', () => {
  it('overlay the stored values, a later one winning key by key', () => {
    const first = { set: { settings: { a: 1 }, presets: { p: 1 } }, remove: [] };
    const second = { set: {}, remove: ['presets'] };
    const merged = mergeIntents(first, second);
    expect(merged).toEqual({ set: { settings: { a: 1 } }, remove: ['presets'] });
    expect(afterIntent({ settings: { a: 0 }, presets: { p: 0 }, lastBreak: 1 }, merged)).toEqual({ settings: { a: 1 }, lastBreak: 1 });
  });

  it("read from storage keep only Roll Call's own sync keys, and anything unreadable is none", () => {
    expect(parseSyncIntent({ set: { settings: { a: 1 }, evil: 1, __proto__: { x: 1 } }, remove: ['presets', 'other', 5] })).toEqual({
      set: { settings: { a: 1 } },
      remove: ['presets'],
    });
    expect(parseSyncIntent('junk')).toBeUndefined();
    expect(parseSyncIntent({ set: [], remove: [] })).toBeUndefined();
  });
});
