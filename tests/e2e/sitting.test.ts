import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';

const MIN = 60_000;

describe('the sitting tracker in Chromium', () => {
  let harness: ExtensionHarness;
  const baseSettings = activeNowSettings();
  beforeAll(async () => {
    harness = await launchExtension();
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), baseSettings);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  const alarm = (name: string) => harness.inWorker((n) => chrome.alarms.get(n), name);
  const breakAlarm = () => alarm('sitting-break');

  /**
   * Moves the worker's clock on (the shell reads time only through Date.now())
   * and makes the break alarm fire now on the real clock.
   */
  async function jumpAndFireBreakAlarm(ms: number) {
    await harness.inWorker(async (shift) => {
      const real = Date.now.bind(Date);
      const offset = ((globalThis as { clockOffset?: number }).clockOffset ?? 0) + shift;
      (globalThis as { clockOffset?: number }).clockOffset = offset;
      Date.now = () => real() + offset;
      await chrome.alarms.create('sitting-break', { when: real() + 500 });
    }, ms);
    await new Promise((r) => setTimeout(r, 1500));
  }

  it('tracks sitting from the start, with a break alarm and a 1-minute refresh', async () => {
    await expect.poll(async () => (await harness.inWorker(() => chrome.alarms.getAll())).map((a) => a.name).sort()).toEqual([
      'sitting-break',
      'sitting-refresh',
    ]);
    expect((await alarm('sitting-refresh'))?.periodInMinutes).toBe(1);
  });

  it('moves the break alarm when the interval is set to its smallest value', async () => {
    const before = (await breakAlarm())!.scheduledTime;
    // A threshold above the jump below, so the jump reads as sitting, not as time away.
    await harness.inWorker((base) => chrome.storage.sync.set({ settings: { ...base, sittingIntervalMin: 10, breakThresholdMin: 15 } }), baseSettings);
    await expect.poll(async () => before - (await breakAlarm())!.scheduledTime).toBe(35 * MIN);
  });

  it('shows a notification when the break is due', async () => {
    await jumpAndFireBreakAlarm(10 * MIN);
    const shown = await harness.inWorker(() => chrome.notifications.getAll());
    expect(Object.keys(shown)).toEqual([expect.stringMatching(/^break:r[0-9a-z]+$/)]);
    expect(await harness.inWorker(() => chrome.action.getBadgeText({}))).toBe('!');
  });

  it('Snooze re-arms the break alarm at now + the snooze length', async () => {
    const [id] = Object.keys(await harness.inWorker(() => chrome.notifications.getAll()));
    const snoozedAt = await harness.inWorker((notificationId) => {
      chrome.notifications.onButtonClicked.dispatch(notificationId, 1);
      return Date.now();
    }, id!);
    await expect.poll(async () => (await breakAlarm())?.scheduledTime ?? 0).toBeGreaterThan(snoozedAt + 10 * MIN - 2000);
    expect((await breakAlarm())!.scheduledTime).toBeLessThan(snoozedAt + 10 * MIN + 2000);
    expect(await harness.inWorker(() => chrome.notifications.getAll())).toEqual({});
  });

  it('keeps state and alarms when the worker is killed', async () => {
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
    const popup = await harness.openPage('popup.html');
    await popup.getByRole('button', { name: 'Pause' }).click();
    await popup.getByRole('button', { name: '1 hour' }).click();
    await popup.getByText(/^Paused until /).waitFor();
    expect((await harness.inWorker(() => chrome.alarms.getAll())).map((a) => a.name)).toEqual(['sitting-resume']);
    await popup.getByRole('button', { name: 'Resume' }).click();
    await popup.getByText(/^Next break in \d+ min$/).waitFor();
    expect((await harness.inWorker(() => chrome.alarms.getAll())).map((a) => a.name).sort()).toEqual(['sitting-break', 'sitting-refresh']);
    await popup.close();
  });

  it('counts a locked screen as a natural break', async () => {
    await harness.inWorker(() => chrome.idle.onStateChanged.dispatch('locked'));
    await harness.inWorker(async () => {
      const real = Date.now.bind(Date);
      Date.now = () => real() + 20 * 60_000;
      chrome.idle.onStateChanged.dispatch('active');
    });
    await expect
      .poll(async () => ((await harness.inWorker(async () => (await chrome.storage.local.get('eventLog')).eventLog)) as Array<{ type: string }>).map((e) => e.type))
      .toContain('breakTaken');
  });
});
