import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { startXvfb, type VirtualDisplay } from './xvfb';

const MIN = 60_000;

/** A locale's message, with `$1`-style placeholders filled, as the page shows it. */
function localeText(language: string) {
  const messages = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales', language, 'messages.json'), 'utf8')) as Record<
    string,
    { message: string; placeholders?: Record<string, { content: string }> }
  >;
  return (key: string, ...substitutions: string[]) => {
    const entry = messages[key]!;
    return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
      (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, n: string) => substitutions[Number(n) - 1] ?? ''),
    );
  };
}

/** Where the window's choices are, and whether anything lies beyond its viewport. */
async function layout(page: Page) {
  return page.evaluate(() => ({
    innerWidth,
    innerHeight,
    scrollHeight: document.scrollingElement!.scrollHeight,
    scrollWidth: document.scrollingElement!.scrollWidth,
    buttons: [...document.querySelectorAll('button')].map((button) => {
      const box = button.getBoundingClientRect();
      return { name: button.textContent, top: box.top, left: box.left, bottom: box.bottom, right: box.right };
    }),
    heading: (() => {
      const h1 = document.querySelector('h1')!;
      return { height: h1.getBoundingClientRect().height, lineHeight: parseFloat(getComputedStyle(h1).lineHeight) };
    })(),
  }));
}

// Headless, and headed under Xvfb, where the window is a real X window (with no window manager there, so no title bar: the
// unit test of fittedWindowSize covers a frame).
describe.each([
  { language: 'en', headed: false },
  { language: 'de', headed: false },
  { language: 'fr', headed: false },
  { language: 'pl', headed: false },
  { language: 'en', headed: true },
])('the reminder window in $language (headed: $headed)', ({ language, headed }) => {
  let harness: ExtensionHarness;
  let display: VirtualDisplay | undefined;
  const say = localeText(language);
  afterEach(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch may fail before the harness is set
    await harness?.close();
    await display?.close();
  });

  /** Waits for the window the extension opens next, until it has grown or shrunk to its content. */
  async function nextReminderWindow(opening: () => Promise<unknown>): Promise<Page> {
    const [page] = await Promise.all([harness.context.waitForEvent('page', { predicate: (p) => new URL(p.url()).pathname === '/reminder.html' }), opening()]);
    await page.getByRole('button', { name: say('reminder_start'), exact: true }).waitFor();
    // Fitted: the content ends at the viewport's bottom edge (within a pixel), which only the fit can arrange.
    await expect.poll(() => page.evaluate(() => Math.abs(innerHeight - Math.ceil(document.body.getBoundingClientRect().height)))).toBeLessThanOrEqual(1);
    return page;
  }

  it('shows every choice without scrolling, at 100% and 125% zoom, for a real and a test reminder', { timeout: 180_000 }, async () => {
    display = headed ? await startXvfb() : undefined;
    harness = await launchExtension({ language, realWindowSizes: true, ...(display ? { headed: true, env: display.env } : {}) });
    await harness.inWorker(
      (settings) => chrome.storage.sync.set({ settings: { ...settings, remindWith: 'window', sittingIntervalMin: 10, breakThresholdMin: 15 } }),
      activeNowSettings(),
    );
    await expect.poll(async () => (await harness.inWorker(() => chrome.alarms.get('sitting-break')))?.scheduledTime).toBeDefined();
    const welcome = await harness.openPage('welcome.html');

    for (const zoom of [1, 1.25]) {
      // The zoom of one extension page is the zoom of all of them (Chrome keeps it per origin).
      await welcome.evaluate(async (factor) => chrome.tabs.setZoom((await chrome.tabs.getCurrent())!.id, factor), zoom);

      // A break comes due, and the background opens its window.
      const real = await nextReminderWindow(() =>
        harness.inWorker(async (min) => {
          const { sitting } = await chrome.storage.local.get<{ sitting: object }>('sitting');
          await chrome.storage.local.set({ sitting: { ...sitting, reminder: undefined, sittingSince: Date.now() - 11 * min, lastSeenAt: Date.now() } });
          await chrome.alarms.create('sitting-break', { when: Date.now() + 300 });
        }, MIN),
      );
      // The test reminder, sent from the welcome page as a user does.
      const test = await nextReminderWindow(() => welcome.getByRole('button', { name: say('welcome_send_test'), exact: true }).click());

      for (const [kind, page, names] of [
        ['real', real, [say('reminder_start'), say('reminder_snooze', '10'), say('reminder_skip')]],
        ['test', test, [say('reminder_start'), say('reminder_snooze', '10'), say('reminder_skip')]],
      ] as const) {
        const seen = await layout(page);
        const where = `${language}, ${kind} reminder, zoom ${zoom}: ${JSON.stringify(seen)}`;
        expect(
          seen.buttons.map((b) => b.name),
          where,
        ).toEqual(names);
        for (const box of seen.buttons) {
          expect(box.top, where).toBeGreaterThanOrEqual(0);
          expect(box.left, where).toBeGreaterThanOrEqual(0);
          expect(box.bottom, where).toBeLessThanOrEqual(seen.innerHeight);
          expect(box.right, where).toBeLessThanOrEqual(seen.innerWidth);
        }
        expect(seen.scrollHeight, where).toBeLessThanOrEqual(seen.innerHeight);
        expect(seen.scrollWidth, where).toBeLessThanOrEqual(seen.innerWidth);
        // The designed width, whatever the zoom: the window grew with it.
        expect(seen.innerWidth, where).toBe(400);
        // The heading on one line, at the default size.
        if (zoom === 1) expect(seen.heading.height, where).toBeLessThanOrEqual(seen.heading.lineHeight + 1);
      }
      // Skip takes the real reminder off the screen (and closes its window); the test window is closed by hand.
      await Promise.all([real.waitForEvent('close'), real.getByRole('button', { name: say('reminder_skip'), exact: true }).click()]);
      await test.close();
    }
  });
});
