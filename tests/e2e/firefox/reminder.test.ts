import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeNowSettings } from '../fixture';
import { launchFirefox, ORIGIN, until, type FirefoxHarness } from './fixture';
import { clickButton, waitForText } from './dom';

const MIN = 60_000;

describe('a break reminder in Firefox ESR', () => {
  let harness: FirefoxHarness;
  beforeAll(async () => {
    harness = await launchFirefox();
    // A threshold above the jump below, so the jump reads as sitting, not as time away.
    await harness.inBackground((settings) => chrome.storage.sync.set({ settings }), {
      ...activeNowSettings(),
      sittingIntervalMin: 10,
      breakThresholdMin: 15,
      snoozeMin: 10,
    });
    await until('the break alarm', async () => (await harness.inBackground(() => chrome.alarms.get('sitting-break')))?.scheduledTime);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  /** The background page's own clock (the shell reads time only through Date.now()). */
  const backgroundNow = () =>
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- Firefox's MV2 event page is a background page; the deprecation is Chrome's (MV3), and the sync extension.getBackgroundPage() would not wake a stopped page
    harness.inBackground(async () => ((await chrome.runtime.getBackgroundPage()) as unknown as Window & { Date: DateConstructor }).Date.now());

  it('shows a notification when the break is due, and the badge says so', async () => {
    // The event page's clock moves 10 minutes on; the break alarm fires now on the real clock.
    await harness.inBackground(async (shift) => {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- Firefox's MV2 event page is a background page; the deprecation is Chrome's (MV3), and the sync extension.getBackgroundPage() would not wake a stopped page
      const bg = (await chrome.runtime.getBackgroundPage()) as unknown as Window & { Date: DateConstructor };
      const real = bg.Date.now.bind(bg.Date);
      bg.Date.now = () => real() + shift;
      await chrome.alarms.create('sitting-break', { when: Date.now() + 300 });
    }, 10 * MIN);
    await expect.poll(() => harness.shownAlerts()).toEqual([{ title: 'Time to stand up', text: 'You have been sitting for 10 minutes.' }]);
    await expect.poll(() => harness.inBackground(() => chrome.action.getBadgeText({}))).toBe('!');
  });

  it('a click on the notification opens the choice window, and Snooze re-arms the break alarm', async () => {
    await harness.clickAlert('Time to stand up');
    const reminder = await until('the reminder window', () => harness.findPage(`${ORIGIN}/reminder.html?id=`));
    await waitForText(reminder, 'Time to stand up');
    await clickButton(reminder, 'Snooze 10 min');
    const snoozedAt = await backgroundNow();
    await expect
      .poll(async () => (await harness.inBackground(() => chrome.alarms.get('sitting-break')))?.scheduledTime ?? 0)
      .toBeGreaterThan(snoozedAt + 10 * MIN - 5_000);
    expect((await harness.inBackground(() => chrome.alarms.get('sitting-break')))!.scheduledTime).toBeLessThan(snoozedAt + 10 * MIN + 5_000);
    // The choice is made: the window and the notification are gone, and the badge counts down again.
    await until('the reminder window to close', async () => !(await harness.tabUrls()).some((url) => url.includes('/reminder.html')));
    await expect.poll(() => harness.shownAlerts()).toEqual([]);
    await expect.poll(() => harness.inBackground(() => chrome.action.getBadgeText({}))).toBe('10');
  });

  it('a reminder whose notification closes unanswered opens the small reminder window instead', async () => {
    // Past the snooze: the event page's clock moves on again and the break alarm fires now.
    await harness.inBackground(async (shift) => {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- as above
      const bg = (await chrome.runtime.getBackgroundPage()) as unknown as Window & { Date: DateConstructor };
      const earlier = bg.Date.now.bind(bg.Date);
      bg.Date.now = () => earlier() + shift;
      await chrome.alarms.create('sitting-break', { when: Date.now() + 300 });
    }, 11 * MIN);
    await expect.poll(async () => (await harness.shownAlerts()).map((a) => a.title)).toEqual(['Time to stand up']);
    expect((await harness.tabUrls()).some((url) => url.includes('/reminder.html'))).toBe(false);
    await harness.closeAlert('Time to stand up');
    const reminder = await until('the reminder window', () => harness.findPage(`${ORIGIN}/reminder.html?id=`));
    await waitForText(reminder, 'Skip this break');
    expect((await harness.tabUrls()).filter((url) => url.includes('/reminder.html'))).toHaveLength(1);
    await clickButton(reminder, 'Skip this break');
    await until('the reminder window to close', async () => !(await harness.tabUrls()).some((url) => url.includes('/reminder.html')));
  });

  it('the test reminder says it is a test, and a click opens its window, whose Skip closes it and changes nothing', async () => {
    // The real sitting clock; its last-seen time moves with every job, and is left out.
    const sittingClock = () => harness.inBackground(async () => ({ ...((await chrome.storage.local.get('sitting')).sitting as object), lastSeenAt: 0 }));
    const sittingBefore = await sittingClock();
    await harness.inBackground(() => chrome.runtime.sendMessage({ id: 0, type: 'sitting', data: { type: 'testReminder' }, timestamp: Date.now() }));
    await expect
      .poll(() => harness.shownAlerts())
      .toEqual([{ title: 'Time to stand up', text: 'This is a test reminder. Real ones look like this and say how long you have been sitting.' }]);
    await harness.clickAlert('Time to stand up');
    const window = await until('the test reminder window', () => harness.findPage(`${ORIGIN}/reminder.html?id=test`));
    const text = await waitForText(window, 'This is a test reminder.');
    expect(text).not.toContain('This reminder has passed.');
    expect(await window.evaluate(() => [...document.querySelectorAll('button')].map((b) => b.textContent))).toEqual([
      'Start routine',
      'Snooze 10 min',
      'Skip this break',
    ]);
    await clickButton(window, 'Skip this break');
    await until('the test window to close', async () => !(await harness.tabUrls()).some((url) => url.includes('/reminder.html')));
    expect(await sittingClock()).toEqual(sittingBefore);
  });

  it('logs no error or warning from Roll Call’s own code', async () => {
    expect(await harness.consoleProblems()).toEqual([]);
  });
});
