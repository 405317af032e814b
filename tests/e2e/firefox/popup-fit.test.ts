import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { activeNowSettings } from '../fixture';
import { launchFirefox, type FirefoxHarness } from './fixture';
import { clickButton, waitForText } from './dom';

/** Firefox's toolbar panel is at most 800 × 600: the popup, at its own width, must fit the height. */
const POPUP_MAX_HEIGHT = 600;

/** The popup's height as the panel would size it: its body's, which sets its own width. */
const popupHeight = (page: Page) => page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));

/** Needs Debian's firefox-esr-l10n-de for German, which `.ci/run` installs. */
describe.each([
  { locale: 'en', start: 'Start routine', finished: 'Routine complete', done: 'Done' },
  { locale: 'de', start: 'Routine starten', finished: 'Routine geschafft', done: 'Fertig' },
])('the popup fits Firefox’s toolbar panel ($locale)', ({ locale, start, finished, done }) => {
  let harness: FirefoxHarness;
  beforeAll(async () => {
    harness = await launchFirefox({ locale });
    await harness.inBackground((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  it('idle, running and finished', async () => {
    const popup = await harness.openPage('popup.html');
    await waitForText(popup, start);
    const heights: Record<string, number> = { idle: await popupHeight(popup) };
    await clickButton(popup, start);
    await popup.waitForSelector('[role="timer"]');
    heights.running = await popupHeight(popup);
    // Only a routine whose time was spent completes (skipping through it records it as stopped), and only a
    // completed one shows the finish view at its tallest, with the comfort check: the event page's clock moves
    // past the routine's whole length, and its step alarm fires now on the real clock.
    await harness.inBackground(async () => {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- Firefox's MV2 event page is a background page; the deprecation is Chrome's (MV3), and the sync extension.getBackgroundPage() would not wake a stopped page
      const bg = (await chrome.runtime.getBackgroundPage()) as unknown as Window & { Date: DateConstructor };
      const { routine } = await chrome.storage.local.get<{ routine: { steps: Array<{ durationSec: number }> } }>('routine');
      const lengthMs = routine.steps.reduce((sum, step) => sum + step.durationSec * 1000, 0);
      const real = bg.Date.now.bind(bg.Date);
      bg.Date.now = () => real() + lengthMs + 1000;
      await chrome.alarms.create('routine-step', { when: Date.now() + 300 });
    });
    await waitForText(popup, finished);
    heights.finished = await popupHeight(popup);
    console.info(`Firefox popup heights (${locale})`, JSON.stringify(heights));
    for (const height of Object.values(heights)) expect(height).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    await clickButton(popup, done);
    await harness.closePage(popup);
  });

  it('logs no error or warning from Roll Call’s own code', async () => {
    expect(await harness.consoleProblems()).toEqual([]);
  });
});
