import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ElementHandle, Page } from 'puppeteer-core';
import { activeNowSettings } from '../fixture';
import { launchFirefox, until, type FirefoxHarness } from './fixture';
import { clickButton, fieldValue, fillField, textOf, waitForText } from './dom';

const MIN = 60_000;
const INTERVAL = 'Sitting interval (minutes)';

describe('the options page, history, export and import in Firefox ESR', () => {
  let harness: FirefoxHarness;
  let options: Page;
  const scratch = mkdtempSync(join(tmpdir(), 'roll-call-firefox-import-'));
  beforeAll(async () => {
    harness = await launchFirefox();
    await harness.inBackground((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
    await until('the break alarm', async () => (await harness.inBackground(() => chrome.alarms.get('sitting-break')))?.scheduledTime);
    options = await harness.openPage('options.html');
  });
  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
    await harness?.close();
    rmSync(scratch, { recursive: true, force: true });
  });

  const storedSync = () => harness.inBackground(() => chrome.storage.sync.get(null));
  const storedInterval = async () => ((await storedSync()).settings as { sittingIntervalMin: number }).sittingIntervalMin;
  const breakAlarm = () => harness.inBackground(() => chrome.alarms.get('sitting-break'));

  it('refuses “abc” as the sitting interval and stores nothing', async () => {
    const before = await storedSync();
    const field = await fillField(options, INTERVAL, 'abc');
    await waitForText(options, 'Enter a number.');
    expect((await fieldValue(options, field)).invalid).toBe('true');
    expect(await storedSync()).toEqual(before);
  });

  it('saves 30, the break alarm moves, and the value survives a reload and a stopped background', async () => {
    const before = (await breakAlarm())!.scheduledTime;
    await fillField(options, INTERVAL, '30');
    await waitForText(options, 'Saved');
    await expect.poll(storedInterval).toBe(30);
    await expect.poll(async () => before - (await breakAlarm())!.scheduledTime).toBe(15 * MIN);

    await harness.stopBackground();
    expect((await harness.browserSide()).background).toBe('stopped');
    // A fresh load of the page (Puppeteer's reload never resolves for moz-extension:// pages).
    await harness.closePage(options);
    options = await harness.openPage('options.html');
    await until('the field to show 30', async () => (await fieldValue(options, await fillFieldSelector(options))).value === '30');
    expect(await storedInterval()).toBe(30);
    expect(before - (await breakAlarm())!.scheduledTime).toBe(15 * MIN);
  });

  it('lists the keyboard shortcuts Firefox gave the add-on, and says where to change them', async () => {
    // Firefox assigns every suggested key it does not use itself: all four are in use.
    const commands = await harness.inBackground(() => chrome.commands.getAll());
    expect(Object.fromEntries(commands.map((c) => [c.name, c.shortcut]))).toMatchObject({
      'take-break': 'Alt+Shift+G',
      'pause-resume': 'Alt+Shift+H',
      snooze: 'Alt+Shift+D',
      'open-side-panel': 'Alt+Shift+O',
    });
    await waitForText(options, 'Alt+Shift+O');
    const section = await textOf(options, '#shortcuts');
    expect(section).toMatch(/Take a break now \(start the break routine\)\s*Alt\+Shift\+G/);
    expect(section).toContain('Manage Extension Shortcuts');
  });

  it('shows today’s break in the history', async () => {
    await harness.inBackground(async () => {
      const now = new Date();
      const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
      await chrome.storage.local.set({ [`events:${day}`]: [{ type: 'breakTaken', at: now.getTime(), day, how: 'natural' }] });
    });
    const history = await harness.openPage('options.html#history');
    // The charts load as the history section nears the view, so each look brings it into view first.
    const todayHeight = () =>
      history.evaluate(() => {
        document.getElementById('history')?.scrollIntoView();
        return Number([...document.querySelectorAll('rect[data-series="breaksTaken"]')].at(-1)?.getAttribute('height') ?? 0);
      });
    await until('today’s bar', async () => (await todayHeight()) > 0);
    await harness.closePage(history);
  });

  it('exports the data, and importing that file brings it back after a change', async () => {
    // The export is a Blob handed to a download link: keep the Blob, skip the download.
    await options.evaluate(() => {
      const create = URL.createObjectURL.bind(URL);
      URL.createObjectURL = (blob: Blob) => {
        (window as unknown as { exported: Blob }).exported = blob;
        return create(blob);
      };
      HTMLAnchorElement.prototype.click = () => undefined;
    });
    await clickButton(options, 'Export (JSON)');
    const exported = await until('the export', () => options.evaluate(() => (window as unknown as { exported?: Blob }).exported?.text()));
    const bundle = JSON.parse(exported) as { format: string };
    expect(bundle.format).toBe('roll-call-export');
    const original = await harness.inBackground(async () => ({
      settings: (await chrome.storage.sync.get('settings')).settings,
      events: Object.entries(await chrome.storage.local.get(null)).filter(([key]) => key.startsWith('events:')),
    }));

    await fillField(options, INTERVAL, '60');
    await expect.poll(storedInterval).toBe(60);
    const file = join(scratch, 'roll-call.json');
    writeFileSync(file, exported);
    const input = (await options.$('#import-file')) as ElementHandle<HTMLInputElement>;
    await input.uploadFile(file);
    // Everyday dates ("Nov 27"), not the day keys the file stores.
    await waitForText(
      options,
      /This file holds your routines, breaks and comfort ratings from [A-Z][a-z]{2} \d{1,2}(, \d{4})? to [A-Z][a-z]{2} \d{1,2}(, \d{4})?, your settings/,
    );
    await clickButton(options, 'Replace my data');
    await waitForText(options, 'Imported.');
    await expect.poll(storedInterval).toBe(30);
    expect(
      await harness.inBackground(async () => ({
        settings: (await chrome.storage.sync.get('settings')).settings,
        events: Object.entries(await chrome.storage.local.get(null)).filter(([key]) => key.startsWith('events:')),
      })),
    ).toEqual(original);
  });

  it('logs no error or warning from Roll Call’s own code', async () => {
    expect(await harness.consoleProblems()).toEqual([]);
  });
});

/** The selector of the sitting-interval field, without typing into it. */
async function fillFieldSelector(page: Page): Promise<string> {
  return until('the sitting-interval field', () =>
    page.evaluate((wanted) => {
      const label = [...document.querySelectorAll('label')].find((l) => l.textContent.replace(/\s+/g, ' ').trim().startsWith(wanted));
      const input = label?.control;
      return input?.id ? `#${CSS.escape(input.id)}` : '';
    }, INTERVAL),
  );
}
