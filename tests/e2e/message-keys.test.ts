import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';

const MIN = 60_000;
const KEYS = new Set(Object.keys(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as object));
/** Anything in the shape of a message key ("popup_start", "reminder_title") that is one of the English keys. */
const KEY_SHAPE = /\b[a-z]+_[a-z_]+\b/g;

/** The message keys a page shows (its text and its window title); [] when it shows words. */
async function keysShown(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => `${document.title}\n${document.body.innerText}`);
  return [...text.matchAll(KEY_SHAPE)].map(([word]) => word).filter((word) => KEYS.has(word));
}

/** The page has painted its view (its app root has content), whatever words it paints with. */
async function painted(page: Page): Promise<void> {
  await page.waitForFunction(() => (document.querySelector('#app')?.textContent ?? '').trim().length > 0);
}

describe('no page shows a message key', () => {
  let harness: ExtensionHarness;
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch may fail before the harness is set
  afterEach(async () => harness?.close());

  it('when a reminder with the chime comes due and the popup opens within a second, 20 times', { timeout: 400_000 }, async () => {
    harness = await launchExtension();
    await harness.inWorker(
      (settings) => chrome.storage.sync.set({ settings: { ...settings, sittingIntervalMin: 10, breakThresholdMin: 15 } }),
      activeNowSettings(),
    );
    await expect.poll(async () => (await harness.inWorker(() => chrome.alarms.get('sitting-break')))?.scheduledTime).toBeDefined();
    // The settings' own job has ended (it writes the sitting state too), so the seeding below is not overwritten.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const shown: Array<{ run: number; page: string; keys: string[] }> = [];
    for (let run = 0; run < 20; run++) {
      for (const page of harness.context.pages()) if (page.url().startsWith('chrome-extension:')) await page.close();
      // A break due now (the default reminder: a notification and the chime), its alarm 1.5 s ahead; then the
      // worker and the sound's offscreen document stop, so each run starts them afresh, as after an idle spell.
      const alarmAt = await harness.inWorker(async (min) => {
        await chrome.offscreen.closeDocument().catch(() => undefined);
        for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
        const { sitting } = await chrome.storage.local.get<{ sitting: object }>('sitting');
        await chrome.storage.local.set({ sitting: { ...sitting, reminder: undefined, sittingSince: Date.now() - 11 * min, lastSeenAt: Date.now() } });
        const when = Date.now() + 1500;
        await chrome.alarms.create('sitting-break', { when });
        return when;
      }, MIN);
      await harness.killWorker();
      // The popup opens from half a second before the reminder to a second after it, a different moment each run.
      const openAt = alarmAt - 500 + (run % 10) * 150;
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, openAt - Date.now())));
      const [popup, options] = await Promise.all([harness.openPage('popup.html'), harness.openPage('options.html')]);
      await Promise.all([painted(popup), painted(options)]);
      // The reminder came, with its chime: the race this test is about really ran.
      await expect.poll(async () => Object.keys(await harness.inWorker(() => chrome.notifications.getAll())).length).toBe(1);
      await expect.poll(() => harness.inWorker(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] })).length)).toBe(1);
      const reminder = await harness.openPage('reminder.html?id=test');
      await painted(reminder);
      for (const [name, page] of Object.entries({ popup, options, reminder })) shown.push({ run, page: name, keys: await keysShown(page) });
    }
    expect(shown.filter(({ keys }) => keys.length > 0)).toEqual([]);
  });

  it.each([
    { language: 'en', start: 'Start routine', reminderStart: 'Start routine' },
    { language: 'de', start: 'Routine starten', reminderStart: 'Routine starten' },
  ])('when the browser gives no text ($language), every page reads its words from the locale files', async ({ language, start }) => {
    harness = await launchExtension({ language });
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
    // What a failed message-bundle load leaves a page with: every getMessage answers ''.
    await harness.context.addInitScript(() => {
      Object.defineProperty(chrome.i18n, 'getMessage', { value: () => '', configurable: true, writable: true });
    });
    for (const path of ['popup.html', 'options.html', 'welcome.html', 'reminder.html?id=test']) {
      const page = await harness.openPage(path);
      await painted(page);
      expect(await page.evaluate(() => chrome.i18n.getMessage('extName'))).toBe('');
      expect(await keysShown(page), path).toEqual([]);
      if (path === 'popup.html' || path.startsWith('reminder.html')) await page.getByRole('button', { name: start, exact: true }).waitFor();
    }
  });
});
