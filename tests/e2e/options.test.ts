import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';

const MIN = 60_000;

describe('the options page in Chromium', () => {
  let harness: ExtensionHarness;
  let options: Page;
  beforeAll(async () => {
    harness = await launchExtension();
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
    options = await harness.openPage('options.html');
  });
  afterAll(async () => harness?.close());

  const storedSync = () => harness.inWorker(() => chrome.storage.sync.get(null));
  const breakAlarm = () => harness.inWorker(() => chrome.alarms.get('sitting-break'));

  it('shows an error for “abc” in the sitting interval and stores nothing', async () => {
    const before = await storedSync();
    const field = options.getByLabel('Sitting interval (minutes)');
    await field.fill('abc');
    await field.press('Tab');
    await options.getByText('Enter a number.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await storedSync()).toEqual(before);
  });

  it('saves 30, and the worker moves its break alarm', async () => {
    await expect.poll(async () => (await breakAlarm())?.scheduledTime).toBeDefined();
    const before = (await breakAlarm())!.scheduledTime;
    const field = options.getByLabel('Sitting interval (minutes)');
    await field.fill('30');
    await field.press('Tab');
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    expect(((await storedSync()).settings as { sittingIntervalMin: number }).sittingIntervalMin).toBe(30);
    await expect.poll(async () => before - (await breakAlarm())!.scheduledTime).toBe(15 * MIN);
  });

  it('refuses a broken import file and leaves storage as it was', async () => {
    const before = await storedSync();
    await options.locator('#import-file').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "roll-call-export", "version": 1,') });
    await options.getByRole('alert').filter({ hasText: 'This file is not JSON' }).waitFor();
    expect(await storedSync()).toEqual(before);
  });

  it('exports, and a fresh profile imports the same data', async () => {
    // Some past history (import refuses times more than a day ahead) and a routine of the user's own, so there is something to carry over.
    await harness.inWorker(async () => {
      await chrome.storage.local.set({ eventLog: [{ type: 'skipped', at: 1_750_000_000_000, day: '2025-06-15' }] });
    });
    await options.getByRole('button', { name: 'Duplicate as my own routine' }).click();
    await options.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByRole('button', { name: 'Export (JSON)' }).click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    const original = await harness.inWorker(async () => ({
      settings: (await chrome.storage.sync.get('settings')).settings,
      presets: (await chrome.storage.sync.get('presets')).presets,
      eventLog: (await chrome.storage.local.get('eventLog')).eventLog,
    }));

    const fresh = await launchExtension();
    try {
      const page = await fresh.openPage('options.html');
      await page.locator('#import-file').setInputFiles({ name: 'roll-call.json', mimeType: 'application/json', buffer: Buffer.from(exported) });
      await page.getByText(/^History entries: 1 \(from 2025-06-15 to 2025-06-15\)/).waitFor();
      await page.getByRole('button', { name: 'Replace my data' }).click();
      await page.getByText('Imported.').waitFor();
      const imported = await fresh.inWorker(async () => ({
        settings: (await chrome.storage.sync.get('settings')).settings,
        presets: (await chrome.storage.sync.get('presets')).presets,
        eventLog: (await chrome.storage.local.get('eventLog')).eventLog,
      }));
      expect(imported).toEqual(original);
    } finally {
      await fresh.close();
    }
  });
});
