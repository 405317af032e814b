import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleRoutineRequest, handleSittingInput, recoverState } from '@/tests/background-jobs';
import { listenForRequests } from '@/utils/platform/messaging/request-listener';
import { readSittingState } from '@/utils/platform/storage/items';
import { readStorageFull, writeStorageFull } from '@/utils/platform/storage/session';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

const MIN = 60_000;
// Wednesday 25 November 2026, 09:00 local: inside the default active hours.
const T0 = new Date(2026, 10, 25, 9, 0).getTime();

describe('a full storage.local', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });

  it('still shows a due reminder, says so where the pages look, and names the cause on a command', async () => {
    await handleSittingInput({ type: 'wake' }, T0);
    for (let m = 1; m < 45; m++) await handleSittingInput({ type: 'alarm' }, T0 + m * MIN);
    const before = await fakeBrowser.storage.local.get(null);
    vi.spyOn(fakeBrowser.storage.local, 'set').mockRejectedValue(new Error('QUOTA_BYTES quota exceeded'));
    vi.setSystemTime(T0 + 45 * MIN);
    await handleSittingInput({ type: 'alarm' }, T0 + 45 * MIN);
    expect(Object.keys(fakeBrowser.notifications.getAllCreateOptions()).filter((id) => id.startsWith('break:'))).toHaveLength(1);
    expect(await readStorageFull()).toBe(T0 + 45 * MIN);
    expect(await handleRoutineRequest({ type: 'start', presetId: 'desk' }, T0 + 46 * MIN)).toEqual({ ok: false, error: 'error_storage_quota' });
    // Nothing stored was lost or half-written.
    vi.mocked(fakeBrowser.storage.local.set).mockRestore();
    expect(await fakeBrowser.storage.local.get(null)).toEqual(before);
  });

  it('clears the notice once a write succeeds again', async () => {
    await writeStorageFull(T0);
    await handleSittingInput({ type: 'wake' }, T0);
    expect(await readStorageFull()).toBeNull();
  });
});

describe('damaged storage', () => {
  it.each([
    ['a timestamp past the range of Date', { lastSeenAt: 1e20, sittingSince: T0 }],
    ['a negative timestamp', { lastSeenAt: -5 }],
    ['not a number', { lastSeenAt: 'yesterday' }],
  ])('reads %s as a fresh start, logs the repair, and tracks again', async (_, sitting) => {
    await fakeBrowser.storage.local.set({ sitting });
    await recoverState(T0);
    expect((await readSittingState(T0)).state).toMatchObject({ sittingSince: T0, lastSeenAt: T0 });
    const bucket = (await fakeBrowser.storage.local.get('events:2026-11-25'))['events:2026-11-25'];
    expect(bucket).toContainEqual({ type: 'repaired', at: T0, day: '2026-11-25', invariant: 'damagedState' });
    expect((await fakeBrowser.alarms.getAll()).map((a) => a.name).sort()).toEqual(['sitting-break', 'sitting-refresh']);
  });

  it('reads a routine with a moment past the range of Date as no routine, and the sitting clock runs', async () => {
    await fakeBrowser.storage.local.set({
      routine: {
        status: 'running',
        presetId: 'desk',
        steps: [{ id: 'walk', kind: 'walk', side: 'none', durationSec: 60, enabled: true }],
        stepIndex: 0,
        stepStartedAt: 9e15,
        pausedMs: 0,
        startedAt: T0,
        routinePausedMs: 0,
      },
      sitting: { lastSeenAt: T0, routineSince: T0 },
    });
    await recoverState(T0 + MIN);
    const stored = await fakeBrowser.storage.local.get(['routine', 'sitting']);
    expect(stored.routine).toEqual({ status: 'idle' });
    expect(stored.sitting).toMatchObject({ sittingSince: T0 + MIN });
    expect(stored.sitting).not.toHaveProperty('routineSince');
  });
});

describe('the message channel', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'explode'])('refuses the type %j with a clear error', async (type) => {
    listenForRequests({
      routine: async () => ({ ok: true }),
      sitting: async () => ({ ok: true }),
      data: async () => ({ ok: true }),
      settings: async () => ({ ok: true }),
      refresh: async () => ({ ok: true }),
    });
    const reply = await fakeBrowser.runtime.sendMessage({ id: 1, type, data: { type: 'start' }, timestamp: 0 });
    expect(reply).toEqual({ res: { ok: false, error: 'error_unknown_command' } });
  });
});

describe('taking a reminder off the screen', () => {
  it('closes only the small windows Roll Call opened for it, never a window with other tabs or the one that asked', async () => {
    const { clearReminder } = await import('@/entrypoints/background/reminder');
    const reminderTab = (windowId: number) => ({ windowId, url: 'chrome-extension://id/reminder.html?id=r1' });
    vi.spyOn(fakeBrowser.windows, 'getAll').mockResolvedValue([
      { id: 1, type: 'popup', tabs: [reminderTab(1)] },
      { id: 2, type: 'normal', tabs: [reminderTab(2), { windowId: 2, url: 'https://example.org/' }, { windowId: 2, url: 'https://example.com/' }] },
      { id: 3, type: 'popup', tabs: [reminderTab(3)] },
      { id: 4, type: 'popup', tabs: [{ windowId: 4, url: 'chrome-extension://id/popup.html?view=window' }] },
    ] as never);
    await clearReminder('r1', 3);
    expect(vi.mocked(fakeBrowser.windows.remove).mock.calls).toEqual([[1]]);
  });
});
