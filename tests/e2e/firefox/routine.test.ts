import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { activeNowSettings } from '../fixture';
import { FIREFOX_BUILD_DIR, launchFirefox, until, type FirefoxHarness } from './fixture';
import { chooseRadio, clickButton, textOf, timerSeconds, waitForText } from './dom';

/** A custom routine of two 30-second steps, the shortest the editor allows. */
const TWO_STEPS = {
  builtIn: {},
  custom: [
    {
      id: 'custom-e2e',
      name: 'Two quick steps',
      steps: [
        { id: 'roll-left', kind: 'roll', side: 'left', durationSec: 30, enabled: true },
        { id: 'walk', kind: 'walk', side: 'none', durationSec: 30, enabled: true },
      ],
    },
  ],
};

describe('the routine in Firefox ESR', () => {
  let harness: FirefoxHarness;
  beforeAll(async () => {
    harness = await launchFirefox();
    await harness.inBackground((presets) => chrome.storage.sync.set({ presets }), TWO_STEPS);
    await harness.inBackground((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  const heading = (page: Page) => textOf(page, 'h1');
  /** Resolves once the countdown has moved below `seconds`: it advances on its own. */
  const countsDownFrom = (page: Page, seconds: number) =>
    until(`the countdown to go below ${seconds}`, async () => (await timerSeconds(page)) < seconds, 5_000);

  it('starts, pauses, resumes, skips, goes back and stops from popup.html, with the countdown advancing', async () => {
    const popup = await harness.openPage('popup.html');
    await chooseRadio(popup, 'custom-e2e');
    await clickButton(popup, 'Start routine');
    await waitForText(popup, /Step 1 of 2 · 0:[0-9]{2} left/);
    expect(await heading(popup)).toBe('Roll your left foot');
    const first = await timerSeconds(popup);
    expect(first).toBeGreaterThanOrEqual(28);
    await countsDownFrom(popup, first);
    await expect.poll(() => harness.inBackground(async () => (await chrome.alarms.getAll()).map((a) => a.name))).toContain('routine-step');

    await clickButton(popup, 'Pause');
    await waitForText(popup, 'Paused');
    await expect.poll(() => harness.inBackground(() => chrome.action.getBadgeText({}))).toBe('❚❚');
    expect(await harness.inBackground(async () => (await chrome.alarms.getAll()).map((a) => a.name))).not.toContain('routine-step');
    const paused = await timerSeconds(popup);
    // A paused countdown stands still: sampled until over a second has passed on the popup's own clock (a running
    // one moves every second), each sample read after the clock, all the same.
    const pausedSeenAt = await popup.evaluate(() => Date.now());
    const samples: number[] = [];
    await until("over a second to pass on the popup's clock", async () => {
      const elapsed = (await popup.evaluate(() => Date.now())) - pausedSeenAt;
      samples.push(await timerSeconds(popup));
      return elapsed > 1_100;
    });
    expect(new Set(samples)).toEqual(new Set([paused]));

    await clickButton(popup, 'Resume');
    await until('the pause sign to go', async () => !(await textOf(popup, '.running__paused')));
    await countsDownFrom(popup, paused);
    await expect.poll(() => harness.inBackground(async () => (await chrome.alarms.getAll()).map((a) => a.name))).toContain('routine-step');

    await clickButton(popup, 'Skip step');
    await waitForText(popup, /Step 2 of 2/);
    expect(await heading(popup)).toBe('Walk barefoot');
    expect(await timerSeconds(popup)).toBeGreaterThanOrEqual(28);

    await clickButton(popup, 'Previous step');
    await waitForText(popup, /Step 1 of 2/);
    expect(await heading(popup)).toBe('Roll your left foot');

    await clickButton(popup, 'Stop routine');
    await waitForText(popup, 'Routine stopped');
    // Undo is offered for a few seconds, and brings the routine back where it was.
    await clickButton(popup, 'Undo');
    await waitForText(popup, /Step 1 of 2/);
    await clickButton(popup, 'Stop routine');
    await waitForText(popup, 'Routine stopped');
    // Left alone, the Stop stands once the time to undo is up (the step alarm ends it).
    await expect
      .poll(() => harness.inBackground(async () => (await chrome.storage.local.get('routine')).routine), { timeout: 12_000 })
      .toMatchObject({ status: 'finished', outcome: 'stopped' });
    expect(await harness.inBackground(async () => (await chrome.alarms.getAll()).map((a) => a.name))).not.toContain('routine-step');
    await harness.closePage(popup);
  });

  it('with every view closed, a step end shows a notification and the background page plays the chime', async () => {
    const popup = await harness.openPage('popup.html');
    // Its own start, whatever the test before left: a finished routine's view is closed with Done.
    const shown = await waitForText(popup, /Start routine|Done/);
    if (/Routine (stopped|complete)/.test(shown)) await clickButton(popup, 'Done');
    await chooseRadio(popup, 'custom-e2e');
    await clickButton(popup, 'Start routine');
    await waitForText(popup, /Step 1 of 2/);
    await harness.closePage(popup);

    // Count the background page's AudioContexts (the chime makes one) and move its clock past the
    // step's end; then the step alarm, re-created to fire now, finds the step over.
    await harness.inBackground(async () => {
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- Firefox's MV2 event page is a background page; the deprecation is Chrome's (MV3), and the sync extension.getBackgroundPage() would not wake a stopped page
      const bg = (await (globalThis as unknown as { browser: typeof chrome }).browser.runtime.getBackgroundPage()) as unknown as Window & {
        chimes: number;
        AudioContext: typeof AudioContext;
        Date: DateConstructor;
      };
      const RealAudioContext = bg.AudioContext;
      bg.chimes = 0;
      bg.AudioContext = function (this: unknown) {
        bg.chimes++;
        return new RealAudioContext();
      } as unknown as typeof AudioContext;
      const real = bg.Date.now.bind(bg.Date);
      bg.Date.now = () => real() + 31_000;
      await chrome.alarms.create('routine-step', { when: Date.now() + 300 });
    });

    await expect.poll(() => harness.shownAlerts()).toEqual([{ title: 'Roll Call · step 2 of 2', text: 'Next: Walk barefoot, 0:30' }]);
    await expect
      .poll(() => harness.inBackground(async () => (await chrome.storage.local.get('routine')).routine))
      .toMatchObject({ status: 'running', stepIndex: 1 });
    await expect
      // eslint-disable-next-line @typescript-eslint/no-deprecated -- Firefox's MV2 event page is a background page; the deprecation is Chrome's (MV3), and the sync extension.getBackgroundPage() would not wake a stopped page
      .poll(() => harness.inBackground(async () => ((await chrome.runtime.getBackgroundPage()) as unknown as { chimes: number }).chimes))
      .toBe(1);
  });

  it('logs no error or warning from Roll Call’s own code', async () => {
    expect(await harness.consoleProblems()).toEqual([]);
  });

  it('declares a sidebar (sidebar_action, closed at install, no sidePanel permission)', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_BUILD_DIR, 'manifest.json'), 'utf8')) as {
      sidebar_action?: unknown;
      side_panel?: unknown;
      permissions: string[];
    };
    // Opened at install, the sidebar would be an open view, and the background would leave every cue to it.
    expect(manifest.sidebar_action).toEqual({ default_panel: 'sidepanel.html', default_title: '__MSG_extName__', open_at_install: false });
    expect(manifest.side_panel).toBeUndefined();
    expect(manifest.permissions).not.toContain('sidePanel');
  });
});
