import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { recoverState } from '@/tests/background-jobs';
import { readEventLog, readPresetCustomisations, readRoutineState, readSettings } from '@/utils/platform/storage/items';
import { DEFAULT_SETTINGS, SETTINGS_VERSION } from '@/utils/settings/settings';
import { IDLE } from '@/utils/routine/timer';

describe('settings storage', () => {
  it('migrates a seeded v1 settings object to the current version', async () => {
    await fakeBrowser.storage.sync.set({ settings: { sittingIntervalMin: 60, snoozeMin: 5 }, settings$: { v: 1 } });
    await recoverState(Date.now());
    const stored = await fakeBrowser.storage.sync.get(['settings', 'settings$']);
    expect(stored.settings).toEqual({ sittingIntervalMin: 60, snoozeMin: 5, goalLongestSittingMin: 60 });
    expect(stored.settings$).toEqual({ v: SETTINGS_VERSION });
    const { settings } = await readSettings();
    expect(settings).toMatchObject({ sittingIntervalMin: 60, snoozeMin: 5, goalLongestSittingMin: 60, breakThresholdMin: 5 });
  });

  it('stamps the current version on a first install, so a later update knows where it starts', async () => {
    await recoverState(Date.now());
    expect(await fakeBrowser.storage.sync.get('settings$')).toEqual({ settings$: { v: SETTINGS_VERSION } });
  });

  it('reads data from a newer version without migrating or losing it', async () => {
    await fakeBrowser.storage.sync.set({ settings: { sittingIntervalMin: 30, fromTheFuture: true }, settings$: { v: 99 } });
    await recoverState(Date.now());
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toEqual({ sittingIntervalMin: 30, fromTheFuture: true });
    expect((await readSettings()).settings.sittingIntervalMin).toBe(30);
  });

  it('falls back to the defaults for a corrupt stored value, naming what it could not read', async () => {
    await fakeBrowser.storage.sync.set({ settings: 'not an object' });
    const parsed = await readSettings();
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.invalidFields.length).toBeGreaterThan(0);
  });
});

describe('local state', () => {
  it('reads a corrupt routine state as no routine, and says so', async () => {
    await fakeBrowser.storage.local.set({ routine: { status: 'running', steps: 'lots' } });
    expect(await readRoutineState()).toEqual({ state: IDLE, invalid: true });
  });

  it('reads corrupt routine changes as the built-ins', async () => {
    await fakeBrowser.storage.sync.set({ presets: [1, 2, 3] });
    expect((await readPresetCustomisations()).invalid).toBe(true);
  });

  it('reads a damaged event log, keeping the good entries', async () => {
    const good = { type: 'skipped', at: new Date(2026, 0, 5, 12).getTime(), day: '2026-01-05' };
    // A day before 2000 can be no history of Roll Call's: damage, like junk.
    const yearZero = { type: 'skipped', at: 5, day: '0000-01-01' };
    await fakeBrowser.storage.local.set({ 'events:2026-01-05': [good, 'junk', yearZero] });
    expect(await readEventLog()).toEqual({ events: [good], dropped: 2 });
  });
});
