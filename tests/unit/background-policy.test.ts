import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { applyManagedPolicy } from '@/tests/background-jobs';
import { handleSettingsRequest } from '@/tests/background-jobs';
import { handleDataRequest } from '@/tests/background-jobs';
import { buildExport } from '@/utils/transfer/import-export';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { EMPTY_CUSTOMISATIONS } from '@/utils/routine/presets';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

const T0 = new Date(2026, 10, 25, 9, 0).getTime();
const storedSettings = async () => (await fakeBrowser.storage.sync.get('settings')).settings as Record<string, unknown> | undefined;
const storedLocal = (key: string) => fakeBrowser.storage.local.get(key).then((all) => all[key]);

describe('the organisation’s policy in the background', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });

  it('with no policy stores nothing but an empty record', async () => {
    await applyManagedPolicy();
    expect(await storedSettings()).toBeUndefined();
    expect(await storedLocal('policy')).toEqual({ managed: {} });
  });

  it('survives a browser whose managed storage throws (Firefox without a policy)', async () => {
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('Managed storage manifest not found'));
    await applyManagedPolicy();
    expect(await storedLocal('policy')).toEqual({ managed: null });
  });

  it('applies the defaults, and stores the managed values as read, for the pages to work out the locks and what was ignored', async () => {
    const managed = { sittingIntervalMin: 60, snoozeMin: 2000, remindHere: false, locked: ['sittingIntervalMin'] };
    await fakeBrowser.storage.managed.set(managed);
    await applyManagedPolicy();
    // The goal for the longest stretch follows the interval, as it does when the user sets it.
    expect(await storedSettings()).toMatchObject({ sittingIntervalMin: 60, goalLongestSittingMin: 60, snoozeMin: DEFAULT_SETTINGS.snoozeMin });
    expect(await storedLocal('remindHere')).toBe(false);
    expect(await storedLocal('policy')).toEqual({ managed });
  });

  it('keeps what the user changed when the policy changes, and moves what they did not', async () => {
    await fakeBrowser.storage.managed.set({ sittingIntervalMin: 60, snoozeMin: 15 });
    await applyManagedPolicy();
    expect(await handleSettingsRequest({ type: 'patch', patch: { snoozeMin: 5 } })).toEqual({ ok: true });
    await fakeBrowser.storage.managed.set({ sittingIntervalMin: 50, snoozeMin: 20 });
    await applyManagedPolicy();
    expect(await storedSettings()).toMatchObject({ sittingIntervalMin: 50, snoozeMin: 5 });
  });

  it('refuses a settings command that changes a locked setting, and stores nothing of it', async () => {
    await fakeBrowser.storage.managed.set({ sittingIntervalMin: 60, remindHere: true, locked: ['sittingIntervalMin', 'remindHere'] });
    await applyManagedPolicy();
    const before = await storedSettings();
    expect(await handleSettingsRequest({ type: 'patch', patch: { sittingIntervalMin: 30, snoozeMin: 5 } })).toEqual({ ok: false, error: 'error_locked' });
    expect(await handleSettingsRequest({ type: 'remindHere', value: false })).toEqual({ ok: false, error: 'error_locked' });
    expect(await storedSettings()).toEqual(before);
    expect(await storedLocal('remindHere')).not.toBe(false);
    // Other settings still save.
    expect(await handleSettingsRequest({ type: 'patch', patch: { snoozeMin: 5 } })).toEqual({ ok: true });
  });

  it('puts a locked value back when another device syncs a different one', async () => {
    await fakeBrowser.storage.managed.set({ sittingIntervalMin: 60, locked: ['sittingIntervalMin'] });
    await applyManagedPolicy();
    await fakeBrowser.storage.sync.set({ settings: { ...(await storedSettings()), sittingIntervalMin: 25 } });
    await applyManagedPolicy();
    expect(await storedSettings()).toMatchObject({ sittingIntervalMin: 60 });
  });

  it('imports a file but keeps the locked values', async () => {
    await fakeBrowser.storage.managed.set({ sittingIntervalMin: 60, goalBreaksPerDay: 9, locked: ['sittingIntervalMin', 'goalBreaksPerDay'] });
    await applyManagedPolicy();
    const bundle = buildExport({ ...DEFAULT_SETTINGS, sittingIntervalMin: 25, goalBreaksPerDay: 2, snoozeMin: 7 }, EMPTY_CUSTOMISATIONS, [], {}, T0);
    expect(await handleDataRequest({ type: 'import', bundle }, T0)).toEqual({ ok: true });
    expect(await storedSettings()).toMatchObject({ sittingIntervalMin: 60, goalBreaksPerDay: 9, snoozeMin: 7 });
  });

  it('applies the policy again after a reset, as on a new install', async () => {
    await fakeBrowser.storage.managed.set({ sittingIntervalMin: 60, remindHere: false });
    await applyManagedPolicy();
    await handleSettingsRequest({ type: 'patch', patch: { sittingIntervalMin: 30 } });
    await handleSettingsRequest({ type: 'remindHere', value: true });
    expect(await handleDataRequest({ type: 'reset' }, T0)).toEqual({ ok: true });
    expect(await storedSettings()).toMatchObject({ sittingIntervalMin: 60 });
    expect(await storedLocal('remindHere')).toBe(false);
  });
});
