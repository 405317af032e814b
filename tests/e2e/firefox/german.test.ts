import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeNowSettings } from '../fixture';
import { launchFirefox, type FirefoxHarness } from './fixture';
import { pageText, waitForText } from './dom';

/** Needs Debian's firefox-esr-l10n-de, which `.ci/run` installs: without it Firefox falls back to English. */
describe('the popup in a German Firefox ESR', () => {
  let harness: FirefoxHarness;
  beforeAll(async () => {
    harness = await launchFirefox({ locale: 'de' });
    await harness.inBackground((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  it('Firefox itself runs in German, so the add-on gets German as its UI language', async () => {
    expect(await harness.inBackground(() => chrome.i18n.getUILanguage())).toMatch(/^de/);
  });

  it('shows the popup in German: the routine, its button and the next break', async () => {
    const popup = await harness.openPage('popup.html');
    await waitForText(popup, 'Routine starten');
    // The steps are folded away until asked for.
    await popup.click('details.steps-fold summary');
    await waitForText(popup, /Linken Fuß rollen ?1:30/);
    await waitForText(popup, /Nächste Pause in 45 Min/);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    expect(await pageText(popup)).not.toContain('Start routine');
    await harness.closePage(popup);
  });

  it('logs no error or warning from Roll Call’s own code', async () => {
    expect(await harness.consoleProblems()).toEqual([]);
  });
});
