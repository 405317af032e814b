import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messaging } from '@/utils/platform/messaging/send';
import { readEventLog, readRoutineState, readSittingState } from '@/utils/platform/storage/items';
import { SITTING_ALARMS } from '@/utils/sitting/rules';
import background from '@/entrypoints/background';
import { fakeCommands } from '../fake-commands';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

const MIN = 60_000;
// Wednesday 25 November 2026, 09:00 local: inside the default active hours.
const T0 = new Date(2026, 10, 25, 9, 0).getTime();

async function settle() {
  // Every handler runs in the background's serial queue; a round trip through it waits for the rest.
  await messaging.sendMessage('sitting', { type: 'bogus' } as never).catch(() => undefined);
}

async function startWorker() {
  background.main();
  await settle();
}

async function passMinutes(count: number) {
  for (let i = 0; i < count; i++) {
    vi.setSystemTime(Date.now() + MIN);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SITTING_ALARMS.refresh, scheduledTime: Date.now(), periodInMinutes: 1 } as never);
  }
  await settle();
}

const deviceId = async () => (await fakeBrowser.storage.local.get('deviceId')).deviceId as string | undefined;

describe('keyboard shortcuts and shared breaks in the background', () => {
  beforeEach(async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await fakeBrowser.storage.local.set({ onboarded: true });
  });

  it('turns each shortcut into one job: take a break, pause, resume', async () => {
    await startWorker();
    await fakeCommands.fire('take-break');
    expect((await readRoutineState()).state).toMatchObject({ status: 'running', presetId: 'desk' });
    expect(fakeBrowser.windows.create).toHaveBeenCalledOnce();
    await fakeCommands.fire('pause-resume');
    expect((await readRoutineState()).state.status).toBe('paused');
    await fakeCommands.fire('pause-resume');
    expect((await readRoutineState()).state.status).toBe('running');
  });

  it('snoozes the due reminder from the keyboard', async () => {
    await startWorker();
    await passMinutes(45);
    expect((await readSittingState(Date.now())).state.reminder?.shownAt).toBe(T0 + 45 * MIN);
    await fakeCommands.fire('snooze');
    expect((await readSittingState(Date.now())).state.reminder).toMatchObject({ snoozes: 1, snoozedUntil: T0 + 55 * MIN });
  });

  it('gives the device an id at its first job, and makes a new one if it is lost', async () => {
    await startWorker();
    const first = await deviceId();
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    await passMinutes(1);
    expect(await deviceId()).toBe(first);
    await fakeBrowser.storage.local.remove('deviceId');
    await passMinutes(1);
    expect(await deviceId()).toMatch(/^[0-9a-f-]{36}$/);
    expect(await deviceId()).not.toBe(first);
  });

  it('shares a routine that ends here, and applies one from another device as a natural break', async () => {
    await startWorker();
    await fakeCommands.fire('take-break');
    vi.setSystemTime(T0 + MIN);
    await messaging.sendMessage('routine', { type: 'stop' });
    // Done ends the Stop's undo window at once; the routine ended at the Stop.
    await messaging.sendMessage('routine', { type: 'dismiss' });
    await settle();
    expect((await fakeBrowser.storage.sync.get('lastBreak')).lastBreak).toEqual({ at: T0 + MIN, deviceId: await deviceId() });
    // Its own record changed nothing: the stretch began when the routine ended.
    expect((await readSittingState(Date.now())).state.sittingSince).toBe(T0 + MIN);

    await passMinutes(20);
    await fakeBrowser.storage.sync.set({ lastBreak: { at: Date.now() - MIN, deviceId: 'laptop' } });
    await settle();
    expect((await readSittingState(Date.now())).state.sittingSince).toBe(T0 + 21 * MIN);
    expect((await readEventLog()).events.filter((e) => e.type === 'breakTaken').map((e) => e.how)).toEqual(['natural']);
  });
  it('opens the side panel in the window of the key press; where the panel cannot open, the timer window', async () => {
    await startWorker();
    const open = vi.fn(async () => {});
    Object.assign(fakeBrowser, { sidePanel: { open } });
    const createWindow = vi.spyOn(fakeBrowser.windows, 'create');
    await fakeCommands.fire('open-side-panel', { windowId: 7 });
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
    expect(createWindow).not.toHaveBeenCalled();

    open.mockRejectedValueOnce(new Error('no user gesture'));
    await fakeCommands.fire('open-side-panel', { windowId: 7 });
    await settle();
    expect(createWindow).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup' }));
    Object.assign(fakeBrowser, { sidePanel: undefined });
  });
});
