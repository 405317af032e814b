import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeNowSettings } from '../fixture';
import { launchFirefox, type FirefoxHarness } from './fixture';
import { clickButton, waitForText } from './dom';

/**
 * Firefox keeps alarms in memory only and, at browser start, starts an event
 * page only if it listens to runtime.onStartup. These tests restart the browser
 * with the packed add-on installed permanently, and then only watch: nothing
 * here wakes the background (browserSide() reads Firefox's own state).
 */
describe('a browser restart in Firefox ESR', () => {
  let harness: FirefoxHarness;
  beforeAll(async () => {
    harness = await launchFirefox({ permanent: true });
    await harness.inBackground((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  const alarmNames = (side: { alarms: Array<{ name: string }> }) => side.alarms.map((a) => a.name).sort();

  it('brings back the sitting alarms and the badge, with no user action', async () => {
    await expect.poll(async () => alarmNames(await harness.browserSide())).toEqual(['sitting-break', 'sitting-refresh']);
    await harness.restart();
    const restartedAt = Date.now();
    await expect.poll(() => harness.browserSide(), { timeout: 5_000 }).toMatchObject({ background: 'running', badge: expect.stringMatching(/^4[45]$/) });
    expect(alarmNames(await harness.browserSide())).toEqual(['sitting-break', 'sitting-refresh']);
    console.info(`Firefox restart: background, alarms and badge back ${Date.now() - restartedAt} ms after the relaunch`);
    // Still the same install: the user's settings survived.
    expect(await harness.inBackground(async () => ((await chrome.storage.sync.get('settings')).settings as { activeDays: number[] }).activeDays)).toHaveLength(
      7,
    );
  });

  it('brings back the step alarm of a routine that was running at shutdown', async () => {
    const popup = await harness.openPage('popup.html');
    await clickButton(popup, 'Start routine');
    await waitForText(popup, /Step 1 of 5/);
    await harness.closePage(popup);
    await expect.poll(async () => alarmNames(await harness.browserSide())).toContain('routine-step');

    await harness.restart();
    await expect.poll(() => harness.browserSide(), { timeout: 5_000 }).toMatchObject({ background: 'running', badge: expect.stringMatching(/^[12]$/) });
    expect(alarmNames(await harness.browserSide())).toContain('routine-step');
    const step = (await harness.browserSide()).alarms.find((a) => a.name === 'routine-step')!;
    const routine = await harness.inBackground(async () => (await chrome.storage.local.get('routine')).routine as { stepStartedAt: number });
    // The first step is 1:30; its alarm is where it was, not 1:30 from the restart.
    expect(Math.abs(step.scheduledTime - (routine.stepStartedAt + 90_000))).toBeLessThan(1_000);
  });

  it('logs no error or warning from Roll Call’s own code', async () => {
    expect(await harness.consoleProblems()).toEqual([]);
  });
});
