import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeNowSettings } from '../fixture';
import { launchFirefox, ORIGIN, type FirefoxHarness } from './fixture';
import { waitForText } from './dom';

describe('the first start in Firefox ESR', () => {
  let harness: FirefoxHarness;
  beforeAll(async () => {
    harness = await launchFirefox();
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  it('opens the welcome page once the add-on is installed', async () => {
    await expect.poll(() => harness.tabUrls()).toContain(`${ORIGIN}/welcome.html`);
    await expect.poll(() => harness.inBackground(async () => (await chrome.storage.local.get('onboarded')).onboarded)).toBe(true);
  });

  it('tracks sitting at once: break and refresh alarms, and the minutes left on the badge', async () => {
    await harness.inBackground((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
    await expect
      .poll(async () => (await harness.inBackground(() => chrome.alarms.getAll())).map((a) => a.name).sort())
      .toEqual(['sitting-break', 'sitting-refresh']);
    await expect.poll(() => harness.inBackground(() => chrome.action.getBadgeText({}))).toBe('45');
  });

  it('shows the default break routine in the popup', async () => {
    const popup = await harness.openPage('popup.html');
    await waitForText(popup, 'Start routine');
    // The steps are folded away until asked for.
    await popup.click('details.steps-fold summary');
    await waitForText(popup, /Roll your left foot ?1:30/);
    await harness.closePage(popup);
  });

  it('logs no error or warning from Roll Call’s own code', async () => {
    expect(await harness.consoleProblems()).toEqual([]);
  });
});
