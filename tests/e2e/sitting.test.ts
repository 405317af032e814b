import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { storedEvents } from './history';
import { passTimeInWorker } from './clock';
import { openPopup } from './pages/popup';
import { waitForReminderWindow } from './pages/reminder';

const MIN = 60_000;

describe('the sitting tracker in Chromium', () => {
  let harness: ExtensionHarness;
  const baseSettings = activeNowSettings();

  // A fresh profile for each test, so each can run alone and in any order.
  beforeEach(async () => {
    harness = await launchExtension();
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), baseSettings);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  const alarm = (name: string) => harness.inWorker((n) => chrome.alarms.get(n), name);
  const breakAlarm = () => alarm('sitting-break');
  const alarmNames = async () => (await harness.inWorker(() => chrome.alarms.getAll())).map((a) => a.name).sort();
  const notifications = () => harness.inWorker(() => chrome.notifications.getAll());

  /** Waits until the worker tracks with the settings seeded above, and returns its break alarm's time. */
  async function trackingStarted(): Promise<number> {
    await expect.poll(async () => (await breakAlarm())?.scheduledTime).toBeDefined();
    return (await breakAlarm())!.scheduledTime;
  }

  /** The interval at its smallest, with a threshold above it, so a jump in the clock reads as sitting, not as time away. */
  async function setShortestInterval(): Promise<void> {
    const before = await trackingStarted();
    await harness.inWorker((base) => chrome.storage.sync.set({ settings: { ...base, sittingIntervalMin: 10, breakThresholdMin: 15 } }), baseSettings);
    await expect.poll(async () => before - (await breakAlarm())!.scheduledTime).toBe(35 * MIN);
  }

  /** Ten minutes of sitting pass in the worker, and its break alarm fires. Returns the reminder's notification id. */
  async function breakDue(): Promise<string> {
    await setShortestInterval();
    await passTimeInWorker(harness, 10 * MIN, ['sitting-break']);
    await expect.poll(async () => Object.keys(await notifications())).toHaveLength(1);
    // The job that showed it ends by planning the reminder's return, if it goes unanswered, with the refresh.
    await expect.poll(alarmNames).toEqual(['sitting-break', 'sitting-refresh']);
    return Object.keys(await notifications())[0]!;
  }

  it('tracks sitting from the start, with a break alarm and a 1-minute refresh', async () => {
    await expect.poll(alarmNames).toEqual(['sitting-break', 'sitting-refresh']);
    expect((await alarm('sitting-refresh'))?.periodInMinutes).toBe(1);
  });

  it('moves the break alarm when the interval is set to its smallest value', async () => {
    const before = await trackingStarted();
    await harness.inWorker((base) => chrome.storage.sync.set({ settings: { ...base, sittingIntervalMin: 10, breakThresholdMin: 15 } }), baseSettings);
    await expect.poll(async () => before - (await breakAlarm())!.scheduledTime).toBe(35 * MIN);
  });

  it('shows a notification when the break is due', async () => {
    await breakDue();
    expect(Object.keys(await notifications())).toEqual([expect.stringMatching(/^break:r[0-9a-z]+$/)]);
    // The badge follows the notification, in the same job.
    await expect.poll(() => harness.inWorker(() => chrome.action.getBadgeText({}))).toBe('!');
  });

  it('Snooze re-arms the break alarm at now + the snooze length', async () => {
    const id = await breakDue();
    const snoozedAt = await harness.inWorker((notificationId) => {
      chrome.notifications.onButtonClicked.dispatch(notificationId, 1);
      return Date.now();
    }, id);
    await expect.poll(async () => (await breakAlarm())?.scheduledTime ?? 0).toBeGreaterThan(snoozedAt + 10 * MIN - 2000);
    expect((await breakAlarm())!.scheduledTime).toBeLessThan(snoozedAt + 10 * MIN + 2000);
    expect(await notifications()).toEqual({});
  });

  it('Snooze in the reminder window re-arms the break alarm and takes the reminder off the screen', async () => {
    const id = await breakDue();
    // A click on the notification's body opens the choice in a window of its own.
    const reminder = await waitForReminderWindow(
      harness.context,
      harness.inWorker((notificationId) => chrome.notifications.onClicked.dispatch(notificationId), id),
    );
    const workerNow = () => harness.inWorker(() => Date.now());
    const pressedAfter = await workerNow();
    await reminder.snooze();
    const pressedBefore = await workerNow();
    await expect.poll(async () => (await breakAlarm())?.scheduledTime ?? 0).toBeGreaterThan(pressedAfter + 10 * MIN - 2000);
    expect((await breakAlarm())!.scheduledTime).toBeLessThan(pressedBefore + 10 * MIN + 2000);
    expect(await notifications()).toEqual({});
  });

  it('keeps state and alarms when the worker is killed', async () => {
    await breakDue();
    const before = await harness.inWorker(async () => ({
      sitting: (await chrome.storage.local.get('sitting')).sitting,
      alarms: (await chrome.alarms.getAll()).map((a) => a.name).sort(),
    }));
    await harness.killWorker();
    await harness.wakeWorker();
    const after = await harness.inWorker(async () => ({
      sitting: (await chrome.storage.local.get('sitting')).sitting as { sittingSince: number; reminder: unknown },
      alarms: (await chrome.alarms.getAll()).map((a) => a.name).sort(),
    }));
    expect(after.alarms).toEqual(before.alarms);
    expect(after.sitting.sittingSince).toBe((before.sitting as { sittingSince: number }).sittingSince);
    expect(after.sitting.reminder).toEqual((before.sitting as { reminder: unknown }).reminder);
  });

  it('Pause from the popup removes the break alarm, and Resume brings it back', async () => {
    await trackingStarted();
    const popup = await openPopup(harness);
    await popup.pauseReminders('1 hour');
    expect((await popup.sittingStatus())[0]).toMatch(/^Paused until /);
    expect(await alarmNames()).toEqual(['sitting-resume']);
    await popup.resumeReminders();
    await expect.poll(async () => (await popup.sittingStatus()).at(-1)).toMatch(/^Next break in \d+ min$/);
    expect(await alarmNames()).toEqual(['sitting-break', 'sitting-refresh']);
  });

  it('counts a locked screen as a natural break', async () => {
    await trackingStarted();
    await harness.inWorker(() => chrome.idle.onStateChanged.dispatch('locked'));
    await harness.inWorker(async () => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + 20 * 60_000;
      chrome.idle.onStateChanged.dispatch('active');
    });
    await expect.poll(async () => (await harness.inWorker(storedEvents)).map((e) => e.type)).toContain('breakTaken');
  });
});
