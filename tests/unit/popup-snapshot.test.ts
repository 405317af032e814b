import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { appendEvents } from '@/utils/history/events';
import { dailyTotals } from '@/utils/history/totals';
import { buildPopupSnapshot, isPopupSnapshot, SNAPSHOT_VERSION } from '@/utils/display/popup-snapshot';
import { IDLE } from '@/utils/routine/timer';
import { EMPTY_CUSTOMISATIONS, resolvePresets } from '@/utils/routine/presets';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { handleRoutineRequest, handleSittingInput } from '@/tests/background-jobs';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

const T0 = new Date(2026, 10, 25, 10, 0).getTime();

describe('the popup snapshot', () => {
  const inputs = {
    routine: IDLE,
    sitting: { sittingSince: T0, lastSeenAt: T0 },
    settings: { ...DEFAULT_SETTINGS },
    invalidSettingsFields: [],
    presets: resolvePresets(EMPTY_CUSTOMISATIONS),
    presetsInvalid: false,
    today: '2026-11-25',
    remindHere: true,
  };

  it("carries today's progress and the streak, worked out in the background", () => {
    const totals = dailyTotals(
      appendEvents(
        [],
        [
          { type: 'routineCompleted', at: T0, presetId: 'full', durationMs: 1, stepsDone: 7, stepsTotal: 7 },
          { type: 'routineCompleted', at: T0 + 1, presetId: 'desk', durationMs: 1, stepsDone: 5, stepsTotal: 5 },
          { type: 'breakTaken', at: T0, how: 'routine' },
          { type: 'sittingEnded', at: T0, startedAt: 0, durationMs: 50 * 60_000 },
        ],
      ),
    );
    expect(buildPopupSnapshot({ ...inputs, totals }).today).toEqual({
      day: '2026-11-25',
      routinesCompleted: 2,
      fullRoutines: 1,
      breaksTaken: 1,
      longestSittingMs: 50 * 60_000,
      streakDays: 1,
      forgivenDays: 0,
    });
  });

  it('recognises its own shape, and not an older or damaged one', () => {
    const snapshot = buildPopupSnapshot({ ...inputs, totals: {} });
    expect(isPopupSnapshot(snapshot)).toBe(true);
    expect(isPopupSnapshot(JSON.parse(JSON.stringify(snapshot)))).toBe(true);
    expect(isPopupSnapshot({ ...snapshot, v: SNAPSHOT_VERSION + 1 })).toBe(false);
    // Version 1 could hold a routine without the lead-in, its marks and time spent, which the popup counts on.
    expect(isPopupSnapshot({ ...snapshot, v: 1 })).toBe(false);
    const { remindHere: _, ...withoutRemindHere } = snapshot;
    expect(isPopupSnapshot(withoutRemindHere)).toBe(false);
    expect(isPopupSnapshot({ ...snapshot, presets: 'all' })).toBe(false);
    expect(isPopupSnapshot(null)).toBe(false);
  });

  it('is rewritten by the background after a command', async () => {
    await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0);
    const { popup } = await fakeBrowser.storage.local.get('popup');
    expect(isPopupSnapshot(popup)).toBe(true);
    expect((popup as { routine: { status: string } }).routine.status).toBe('running');
  });

  it('leaves out the last-seen time, which only the tracker reads', () => {
    expect(buildPopupSnapshot({ ...inputs, totals: {} }).sitting).toEqual({ sittingSince: T0 });
  });

  it('is not written again when a minute of sitting changed nothing the popup shows', async () => {
    await fakeBrowser.storage.sync.set({ settings: { activeDays: [0, 1, 2, 3, 4, 5, 6], activeStart: '00:00', activeEnd: '23:59' } });
    await handleSittingInput({ type: 'wake' }, T0);
    const writes: string[][] = [];
    fakeBrowser.storage.local.onChanged.addListener((changes) => writes.push(Object.keys(changes)));
    await handleSittingInput({ type: 'alarm' }, T0 + 60_000);
    expect(writes.flat()).toEqual(['sitting']);
  });
});
