import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messaging } from '@/utils/platform/messaging/send';
import { SITTING_ALARMS } from '@/utils/sitting/rules';
import { readEventLog, readRoutineState, readSittingState } from '@/utils/platform/storage/items';
import { STEP_ALARM } from '@/entrypoints/background/job';
import background from '@/entrypoints/background';
import { fakeIdle } from '../fake-idle';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

const MIN = 60_000;
// Wednesday 25 November 2026, 09:00 local: inside the default active hours.
const T0 = new Date(2026, 10, 25, 9, 0).getTime();

async function settle() {
  // Every handler runs in the background's serial queue; a round trip through it waits for the rest.
  await messaging.sendMessage('sitting', { type: 'bogus' } as never).catch(() => undefined);
}

async function alarms() {
  const all = await fakeBrowser.alarms.getAll();
  return Object.fromEntries(all.map((a) => [a.name, a.periodInMinutes ? { periodInMinutes: a.periodInMinutes } : { when: a.scheduledTime }]));
}

/** Lets minutes pass as Chrome would: the refresh alarm fires once a minute. */
async function passMinutes(count: number) {
  for (let i = 0; i < count; i++) {
    vi.setSystemTime(Date.now() + MIN);
    await fakeBrowser.alarms.onAlarm.trigger({ name: SITTING_ALARMS.refresh, scheduledTime: Date.now(), periodInMinutes: 1 } as never);
  }
  await settle();
}

function notifications() {
  return fakeBrowser.notifications.getAllCreateOptions() as Record<string, { message: string; buttons?: Array<{ title: string }> }>;
}

async function startWorker() {
  background.main();
  await settle();
}

describe('the sitting tracker in the background', () => {
  beforeEach(async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await fakeBrowser.storage.local.set({ onboarded: true });
  });

  it('starts tracking at worker start with a break alarm and a 1-minute refresh, and sets the idle threshold', async () => {
    await startWorker();
    expect(await alarms()).toEqual({
      [SITTING_ALARMS.refresh]: { periodInMinutes: 1 },
      [SITTING_ALARMS.break]: { when: T0 + 45 * MIN },
    });
    // The default 5-minute threshold, as the real adapter hands it to the browser.
    expect(fakeIdle.detectionIntervalSeconds).toBe(300);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('45');
  });

  it('shows one reminder with Start and Snooze buttons when the break is due', async () => {
    await startWorker();
    await passMinutes(45);
    const reminder = Object.entries(notifications()).find(([id]) => id.startsWith('break:'));
    expect(reminder?.[1]).toMatchObject({
      message: 'You have been sitting for 45 minutes.',
      buttons: [{ title: 'Start routine' }, { title: 'Snooze 10 min' }],
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
    expect((await readEventLog()).events.map((e) => e.type)).toEqual(['breakDue']);
  });

  it('a snoozed reminder that comes back says the real time sat, not the interval', async () => {
    await startWorker();
    await passMinutes(45);
    for (const expected of [55, 65]) {
      const [id] = Object.keys(notifications()).filter((n) => n.startsWith('break:'));
      await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
      await settle();
      await passMinutes(10);
      const [, again] = Object.entries(notifications()).find(([n]) => n.startsWith('break:'))!;
      expect(again.message).toBe(`You have been sitting for ${expected} minutes.`);
    }
  });

  it('Snooze re-arms the break alarm at now + the snooze length', async () => {
    await startWorker();
    await passMinutes(45);
    const [id] = Object.keys(notifications()).filter((n) => n.startsWith('break:'));
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 1);
    await settle();
    expect((await alarms())[SITTING_ALARMS.break]).toEqual({ when: Date.now() + 10 * MIN });
    expect(notifications()).toEqual({});
  });

  it('Start routine starts the break routine, opens the timer window and leaves only the step alarm', async () => {
    await startWorker();
    await passMinutes(45);
    const [id] = Object.keys(notifications());
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 0);
    await settle();
    expect((await readRoutineState()).state).toMatchObject({ status: 'running', presetId: 'desk' });
    expect(Object.keys(await alarms())).toEqual([STEP_ALARM]);
    expect(fakeBrowser.windows.create).toHaveBeenCalledWith(expect.objectContaining({ type: 'popup', url: expect.stringContaining('popup.html?view=window') }));
    expect(notifications()).toEqual({});
  });

  /** Lets `windows.getAll` report one small window of Roll Call's, as the browser would once it is open. */
  function ownWindowOpen(url: string) {
    vi.spyOn(fakeBrowser.windows, 'getAll').mockResolvedValue([{ id: 7, type: 'popup', tabs: [{ id: 9, url }] }] as never);
    return vi.spyOn(fakeBrowser.windows, 'update');
  }

  it('a second click on the reminder notification focuses the window the first one opened', async () => {
    await startWorker();
    await passMinutes(45);
    const [id] = Object.keys(notifications());
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await settle();
    expect(fakeBrowser.windows.create).toHaveBeenCalledTimes(1);
    const update = ownWindowOpen(String(vi.mocked(fakeBrowser.windows.create).mock.calls[0]![0]!.url));
    await fakeBrowser.notifications.onClicked.trigger(id!);
    await settle();
    expect(fakeBrowser.windows.create).toHaveBeenCalledTimes(1);
    expect(update).toHaveBeenCalledWith(7, { focused: true });
  });

  it('Start from a reminder while the pop-out is open focuses it rather than opening a second', async () => {
    await startWorker();
    await passMinutes(45);
    const [id] = Object.keys(notifications());
    const update = ownWindowOpen(fakeBrowser.runtime.getURL('/popup.html?view=window'));
    await fakeBrowser.notifications.onButtonClicked.trigger(id!, 0);
    await settle();
    expect((await readRoutineState()).state).toMatchObject({ status: 'running', presetId: 'desk' });
    expect(fakeBrowser.windows.create).not.toHaveBeenCalled();
    expect(update).toHaveBeenCalledWith(7, { focused: true });
  });

  it('a click on a stale reminder does nothing but clear it', async () => {
    await startWorker();
    await fakeBrowser.notifications.create('break:r-old', { type: 'basic', title: 'x', message: 'y', iconUrl: '' });
    await fakeBrowser.notifications.onButtonClicked.trigger('break:r-old', 0);
    await settle();
    expect((await readRoutineState()).state.status).toBe('idle');
    expect(notifications()).toEqual({});
  });

  it('the test reminder’s Start starts the break routine, opens the timer and takes the test off the screen', async () => {
    await startWorker();
    await messaging.sendMessage('sitting', { type: 'testReminder' });
    await fakeBrowser.notifications.onButtonClicked.trigger('break:test', 0);
    await settle();
    expect(notifications()).toEqual({});
    const routine = (await readRoutineState()).state;
    expect(routine.status === 'running' && routine.presetId).toBe('desk');
    expect(fakeBrowser.windows.create).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringContaining('/popup.html?view=window') }));
  });

  it('the test reminder’s Snooze takes it off the screen and leaves the sitting clock and history alone', async () => {
    await startWorker();
    await passMinutes(3);
    await messaging.sendMessage('sitting', { type: 'testReminder' });
    const before = await readSittingState(Date.now());
    await fakeBrowser.notifications.onButtonClicked.trigger('break:test', 1);
    await settle();
    expect(notifications()).toEqual({});
    expect(fakeBrowser.windows.create).not.toHaveBeenCalled();
    expect((await readSittingState(Date.now())).state).toEqual(before.state);
    expect((await readEventLog()).events).toEqual([]);
  });

  it('a click on the test reminder’s body opens its window, with the test id and no refusal', async () => {
    await startWorker();
    await messaging.sendMessage('sitting', { type: 'testReminder' });
    await fakeBrowser.notifications.onClicked.trigger('break:test');
    await settle();
    expect(fakeBrowser.windows.create).toHaveBeenCalledTimes(1);
    const url = vi.mocked(fakeBrowser.windows.create).mock.calls[0]![0]!.url as string;
    // The window shows the test's own text and working buttons, never "This reminder has passed."
    expect(new URL(url, 'chrome-extension://id/').search).toBe('?id=test');
    expect((await readRoutineState()).state.status).toBe('idle');
  });

  it('counts a locked screen as a natural break, through the idle adapter', async () => {
    await startWorker();
    await passMinutes(20);
    fakeIdle.fire('locked');
    await settle();
    await passMinutes(6);
    fakeIdle.fire('active');
    await settle();
    expect((await readSittingState(Date.now())).state.sittingSince).toBe(Date.now());
    expect((await readEventLog()).events.map((e) => e.type)).toEqual(['sittingEnded', 'breakTaken']);
  });

  it('ignores idle while a tab plays sound', async () => {
    await startWorker();
    vi.spyOn(fakeBrowser.tabs, 'query').mockResolvedValue([{ audible: true, mutedInfo: { muted: false } }] as never);
    fakeIdle.fire('idle');
    await settle();
    expect((await readSittingState(Date.now())).state.awaySince).toBeUndefined();
  });

  it('holds a due reminder while busy and delivers it once that ends', async () => {
    await startWorker();
    const fullscreen = vi.spyOn(fakeBrowser.windows, 'getLastFocused').mockResolvedValue({ state: 'fullscreen' } as never);
    await passMinutes(46);
    expect(notifications()).toEqual({});
    fullscreen.mockRestore();
    await passMinutes(1);
    expect(Object.keys(notifications())).toHaveLength(1);
  });

  it('Pause leaves only the resume alarm, and Resume brings tracking back', async () => {
    await startWorker();
    expect(await messaging.sendMessage('sitting', { type: 'pause', choice: 'h1' })).toEqual({ ok: true });
    expect(await alarms()).toEqual({ [SITTING_ALARMS.resume]: { when: T0 + 60 * MIN } });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('❚❚');
    await messaging.sendMessage('sitting', { type: 'resume' });
    expect(Object.keys(await alarms()).sort()).toEqual([SITTING_ALARMS.break, SITTING_ALARMS.refresh]);
  });

  it('refuses a malformed command from another page', async () => {
    await startWorker();
    expect(await messaging.sendMessage('sitting', { type: 'pause', choice: 'forever' } as never)).toEqual({ ok: false, error: 'error_bad_command' });
  });

  it('moves the break alarm at once when the interval changes', async () => {
    await startWorker();
    await fakeBrowser.storage.sync.set({ settings: { sittingIntervalMin: 30 } });
    await vi.waitFor(async () => expect((await alarms())[SITTING_ALARMS.break]).toEqual({ when: T0 + 30 * MIN }));
  });

  // Chromium relaunched with --load-extension never fires runtime.onStartup; a normal browser start does.
  it.each([
    ['without runtime.onStartup', false],
    ['with runtime.onStartup', true],
  ])('re-creates its alarms at every worker start (%s), and counts a long gap as time away, with no reminder storm', async (_, firesOnStartup) => {
    await startWorker();
    await passMinutes(30);
    await fakeBrowser.alarms.clearAll();
    fakeBrowser.runtime.onMessage.removeAllListeners();
    vi.setSystemTime(Date.now() + 3 * 60 * MIN);
    await startWorker();
    if (firesOnStartup) {
      await fakeBrowser.runtime.onStartup.trigger();
      await settle();
    }
    expect(Object.keys(await alarms()).sort()).toEqual([SITTING_ALARMS.break, SITTING_ALARMS.refresh]);
    expect(notifications()).toEqual({});
    expect((await readEventLog()).events.map((e) => e.type)).toEqual(['sittingEnded', 'breakTaken']);
  });

  it('falls back to a fresh state when the stored one is corrupt', async () => {
    await fakeBrowser.storage.local.set({ sitting: { lastSeenAt: 'yesterday' } });
    await startWorker();
    expect((await readSittingState(Date.now())).state).toMatchObject({ sittingSince: T0, lastSeenAt: T0 });
  });
});

describe('a reminder notification that Firefox closes unanswered', () => {
  beforeEach(async () => {
    fakeBrowser.runtime.onMessage.removeAllListeners();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await fakeBrowser.storage.local.set({ onboarded: true });
    vi.stubEnv('BROWSER', 'firefox');
  });
  afterEach(() => vi.unstubAllEnvs());

  /** A reminder on screen, as Firefox shows it; its notification's id. */
  async function dueReminder(): Promise<string> {
    await startWorker();
    await passMinutes(45);
    const [id] = Object.keys(notifications()).filter((n) => n.startsWith('break:'));
    vi.mocked(fakeBrowser.windows.create).mockClear();
    return id!;
  }

  const reminderWindows = () =>
    vi
      .mocked(fakeBrowser.windows.create)
      .mock.calls.map(([options]) => String(options?.url))
      .filter((url) => url.includes('/reminder.html'));

  // Firefox always reports byUser = true (its bug 1413188), so both values must open the window.
  it.each([true, false])('opens the small reminder window for the reminder still shown (byUser %s), and only once', async (byUser) => {
    const id = await dueReminder();
    const stored = await fakeBrowser.storage.local.get(null);
    await fakeBrowser.notifications.onClosed.trigger(id, byUser);
    await settle();
    expect(reminderWindows()).toEqual([expect.stringContaining(`/reminder.html?id=${id.slice('break:'.length)}`)]);
    await fakeBrowser.notifications.onClosed.trigger(id, byUser);
    await settle();
    expect(reminderWindows()).toHaveLength(1);
    // It reads the sitting state and writes nothing.
    expect(await fakeBrowser.storage.local.get(null)).toEqual(stored);
  });

  it('opens no second window after a click, which Firefox follows with onClosed', async () => {
    const id = await dueReminder();
    await fakeBrowser.notifications.onClicked.trigger(id);
    await fakeBrowser.notifications.onClosed.trigger(id, true);
    await settle();
    expect(reminderWindows()).toHaveLength(1);
  });

  it('opens nothing for a reminder answered, snoozed or stale, nor for the test reminder', async () => {
    const id = await dueReminder();
    const reminderId = id.slice('break:'.length);
    await messaging.sendMessage('sitting', { type: 'snooze', reminderId });
    await fakeBrowser.notifications.onClosed.trigger(id, true);
    await fakeBrowser.notifications.onClosed.trigger('break:r-old', true);
    await messaging.sendMessage('sitting', { type: 'testReminder' });
    await fakeBrowser.notifications.onClosed.trigger('break:test', true);
    await settle();
    expect(reminderWindows()).toEqual([]);
  });

  it('is left alone on Chrome, whose reminders stay until answered', async () => {
    vi.unstubAllEnvs();
    const id = await dueReminder();
    await fakeBrowser.notifications.onClosed.trigger(id, false);
    await settle();
    expect(reminderWindows()).toEqual([]);
  });
});
