import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleDataRequest } from '@/tests/background-jobs';
import { handleRoutineRequest, handleSettingsRequest, handleSittingInput, handleSittingRequest, recoverState } from '@/tests/background-jobs';
import { buildExport } from '@/utils/transfer/import-export';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { EMPTY_CUSTOMISATIONS } from '@/utils/routine/presets';
import { readEventLog, readRoutineState } from '@/utils/platform/storage/items';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

const T0 = new Date(2026, 10, 25, 9, 0).getTime();
const events = [{ type: 'skipped' as const, at: T0 - 1000, day: '2026-11-25' }];
const bundle = buildExport({ ...DEFAULT_SETTINGS, sittingIntervalMin: 25 }, EMPTY_CUSTOMISATIONS, events, {}, T0);

describe('import and reset in the background', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });

  it('imports a valid bundle: settings, routines and history', async () => {
    expect(await handleDataRequest({ type: 'import', bundle }, T0)).toEqual({ ok: true });
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toMatchObject({ sittingIntervalMin: 25 });
    expect((await readEventLog()).events).toEqual(events);
  });

  it('checks the bundle again and changes nothing when it is bad', async () => {
    await fakeBrowser.storage.local.set({ 'events:2026-11-25': events });
    const bad = { ...bundle, settings: { ...bundle.settings, snoozeMin: 1000 } };
    const before = { local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) };
    // The refusal names what is wrong, as the page would.
    expect(await handleDataRequest({ type: 'import', bundle: bad }, T0)).toEqual({ ok: false, error: 'error_import_settings' });
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({});
    expect({ local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) }).toEqual(before);
    expect((await readEventLog()).events).toEqual(events);
  });

  it("refuses an import that would pass sync's 100 KB before writing anything, naming that cause", async () => {
    await fakeBrowser.storage.local.set({ 'events:2026-11-25': events });
    // Another extension page's data is not ours to drop: 13 items of 7.85 KB already fill most of sync.
    await fakeBrowser.storage.sync.set(Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`other${i}`, 'x'.repeat(7850)])));
    const before = { local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) };
    expect(await handleDataRequest({ type: 'import', bundle }, T0)).toEqual({ ok: false, error: 'error_sync_full' });
    expect({ local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) }).toEqual(before);
  });

  it('finishes an import whose sync write was refused for now (or cut by a kill) at the next job, never leaving half of it', async () => {
    await fakeBrowser.storage.local.set({ 'events:2026-11-25': [] });
    const syncSet = vi
      .spyOn(fakeBrowser.storage.sync, 'set')
      .mockRejectedValueOnce(new Error('This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.'));
    expect(await handleDataRequest({ type: 'import', bundle }, T0)).toEqual({ ok: true });
    // The history is in, and the settings are in effect here: the intent to write them to sync is stored with it.
    expect((await readEventLog()).events).toEqual(events);
    expect((await fakeBrowser.storage.local.get('pendingSync')).pendingSync).toMatchObject({
      set: { settings: expect.objectContaining({ sittingIntervalMin: 25 }) },
    });
    expect((await fakeBrowser.storage.local.get('popup')).popup).toMatchObject({ settings: { sittingIntervalMin: 25 } });
    expect(await fakeBrowser.storage.sync.get('settings')).toEqual({});
    syncSet.mockRestore();
    await recoverState(T0 + 60_000);
    expect((await fakeBrowser.storage.sync.get('settings')).settings).toMatchObject({ sittingIntervalMin: 25 });
    expect(await fakeBrowser.storage.local.get('pendingSync')).toEqual({});
  });

  it.each([
    ['Chromium 156, an item over 8 KB', new Error('Resource::kQuotaBytesPerItem quota exceeded'), 'error_sync_item_too_large'],
    ['Chromium 156, sync full', new Error('Resource::kQuotaBytes quota exceeded'), 'error_sync_full'],
    [
      'Firefox, sync full',
      Object.assign(new Error('storage.sync API call exceeded its quota limitations.'), { name: 'QuotaExceededError' }),
      'error_sync_full',
    ],
  ])('names a sync refusal of a settings change by its real cause (%s), undoes it, and nothing stored is lost', async (_, error, expected) => {
    await fakeBrowser.storage.local.set({ 'events:2026-11-25': events });
    await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, snoozeMin: 7 } });
    await handleSittingInput({ type: 'wake' }, T0);
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValue(error);
    const before = { local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) };
    expect(await handleSettingsRequest({ type: 'patch', patch: { snoozeMin: 5 } }, T0)).toEqual({ ok: false, error: expected });
    expect({ local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) }).toEqual(before);
  });

  it('refuses an imported routine of 500 steps as too large for sync, before writing anything', async () => {
    await fakeBrowser.storage.local.set({ 'events:2026-11-25': events });
    const steps = Array.from({ length: 500 }, (_, i) => ({ id: `step-${i}`, kind: 'roll', side: 'left', durationSec: 60, enabled: true }));
    const long = { ...bundle, presets: { ...EMPTY_CUSTOMISATIONS, custom: [{ id: 'custom-long', name: 'Long', steps }] } };
    const before = { local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) };
    expect(await handleDataRequest({ type: 'import', bundle: long }, T0)).toEqual({ ok: false, error: 'error_sync_item_too_large' });
    expect({ local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) }).toEqual(before);
  });

  it('resets everything, stopping a running routine without logging it', async () => {
    await handleDataRequest({ type: 'import', bundle }, T0);
    await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0);
    expect(await handleDataRequest({ type: 'reset' }, T0 + 1000)).toEqual({ ok: true });
    expect(await fakeBrowser.storage.sync.get(['settings', 'presets'])).toEqual({});
    expect((await readEventLog()).events).toEqual([]);
    expect((await readRoutineState()).state).toEqual({ status: 'idle' });
    expect(await fakeBrowser.alarms.get('routine-step')).toBeUndefined();
  });
});

describe('reminders on this browser', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });

  it('shows no reminder where “remind on this browser” is off, but still tracks', async () => {
    await fakeBrowser.storage.local.set({ remindHere: false });
    await handleSittingInput({ type: 'wake' }, T0);
    for (let m = 1; m <= 45; m++) await handleSittingInput({ type: 'alarm' }, T0 + m * 60_000);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
    expect((await readEventLog()).events.map((e) => e.type)).toEqual(['breakDue']);
    // No "!" for a reminder that never comes: the badge and the popup say that reminders are off here.
    expect(await fakeBrowser.action.getBadgeText({})).toBe('off');
    const { popup } = await fakeBrowser.storage.local.get('popup');
    expect((popup as { remindHere: boolean }).remindHere).toBe(false);
  });

  it('turning reminders on again here brings back the minutes on the badge and tells the popup at once', async () => {
    await fakeBrowser.storage.local.set({ remindHere: false });
    await handleSittingInput({ type: 'wake' }, T0);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('off');
    expect(await handleSettingsRequest({ type: 'remindHere', value: true })).toEqual({ ok: true });
    expect(await fakeBrowser.action.getBadgeText({})).toMatch(/^\d+$/);
    const { popup } = await fakeBrowser.storage.local.get('popup');
    expect((popup as { remindHere: boolean }).remindHere).toBe(true);
  });

  it('sends a test reminder styled as a real one that says it is a test, and stores nothing', async () => {
    await handleSittingInput({ type: 'wake' }, T0);
    const before = await fakeBrowser.storage.local.get(null);
    expect(await handleSittingRequest({ type: 'testReminder' }, T0)).toEqual({ ok: true });
    const shown = fakeBrowser.notifications.getAllCreateOptions() as Record<string, { title: string; message: string; buttons?: unknown[] }>;
    expect(Object.keys(shown)).toEqual(['break:test']);
    expect(shown['break:test']).toMatchObject({
      title: 'Time to stand up',
      message: 'This is a test reminder. Real ones look like this and say how long you have been sitting.',
    });
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('opens the reminder window instead of a notification when chosen', async () => {
    await fakeBrowser.storage.sync.set({ settings: { remindWith: 'window' } });
    await handleSittingRequest({ type: 'testReminder' }, T0);
    expect(fakeBrowser.notifications.getAllCreateOptions()).toEqual({});
    expect(fakeBrowser.windows.create).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup', url: expect.stringContaining('/reminder.html?id=test') }));
  });
});

describe('history in the background', () => {
  it("moves an older version's single log into day buckets, keeping days older than 30 days only as totals", async () => {
    const old = { type: 'skipped' as const, at: T0 - 40 * 86_400_000, day: '2026-10-16' };
    const yesterday = { type: 'skipped' as const, at: T0 - 86_400_000, day: '2026-11-24' };
    const recent = { type: 'skipped' as const, at: T0 - 1000, day: '2026-11-25' };
    await fakeBrowser.storage.local.set({ eventLog: [old, yesterday, recent], dailyTotals: {} });
    await recoverState(T0);
    const stored = await fakeBrowser.storage.local.get(null);
    // The start job did the upkeep: the old keys are gone, and the history is in day buckets and totals.
    expect(
      Object.keys(stored)
        .filter((key) => key.startsWith('events:') || ['totals', 'eventLog', 'dailyTotals'].includes(key))
        .sort(),
    ).toEqual(['events:2026-11-24', 'events:2026-11-25', 'totals']);
    expect(stored['events:2026-11-25']).toEqual([recent]);
    const totals = stored.totals as { through: string; days: Record<string, { skipped: number }> };
    expect(totals.through).toBe('2026-11-25');
    expect(Object.keys(totals.days).sort()).toEqual(['2026-10-16', '2026-11-24']);
    expect((await readEventLog()).events).toEqual([yesterday, recent]);
  });

  it('folds yesterday into the totals on the first job of a new day, and reads the same history after', async () => {
    await handleRoutineRequest({ type: 'rateComfort', feet: 7 }, T0);
    await handleRoutineRequest({ type: 'rateComfort', feet: 5 }, T0 + 86_400_000);
    const stored = await fakeBrowser.storage.local.get(null);
    expect(stored.totals).toMatchObject({ through: '2026-11-26', days: { '2026-11-25': { comfortFeet: [7] } } });
    // Every job also catches the sitting clock up, so the day away shows as a natural break beside the rating.
    expect(stored['events:2026-11-26']).toContainEqual({ type: 'comfortRated', at: T0 + 86_400_000, day: '2026-11-26', feet: 5 });
  });

  it('logs a comfort rating, and refuses an empty or out-of-range one', async () => {
    expect(await handleRoutineRequest({ type: 'rateComfort', feet: 7, back: 4 }, T0)).toEqual({ ok: true });
    expect(await handleRoutineRequest({ type: 'rateComfort' }, T0)).toEqual({ ok: false, error: 'error_bad_command' });
    expect(await handleRoutineRequest({ type: 'rateComfort', feet: 11 }, T0)).toEqual({ ok: false, error: 'error_bad_command' });
    expect((await readEventLog()).events).toEqual([{ type: 'comfortRated', at: T0, day: '2026-11-25', feet: 7, back: 4 }]);
  });
});
