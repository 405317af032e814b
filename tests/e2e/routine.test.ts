import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function secondsShown(text: string | null): number {
  const [m, s] = (text ?? '').split(':').map(Number);
  return m! * 60 + s!;
}

async function timerSeconds(page: Page): Promise<number> {
  return secondsShown(await page.getByRole('timer').textContent());
}

describe('the routine timer in Chromium', () => {
  let harness: ExtensionHarness;
  let startedAt: number;

  beforeAll(async () => {
    harness = await launchExtension();
    await harness.inWorker((presets) => chrome.storage.sync.set({ presets }), TWO_STEPS);
    // This routine counts as the daily full routine, so finishing it meets the goal.
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), { ...activeNowSettings(), fullRoutinePresetId: 'custom-e2e' });
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  it('starts a custom routine from the popup', async () => {
    const popup = await harness.openPage('popup.html');
    await popup.getByRole('radio', { name: 'Two quick steps 1:00' }).check();
    await popup.getByRole('button', { name: 'Start routine' }).click();
    startedAt = Date.now();
    await expect.poll(() => popup.getByRole('heading', { level: 1 }).textContent()).toBe('Roll your left foot');
    expect(await popup.getByText(/^Step 1 of 2 · /).textContent()).toMatch(/^Step 1 of 2 · (0:59|1:00) left$/);
    await popup.close();
  });

  it('shows the right time after the popup was closed for 3 s', async () => {
    await sleep(3000);
    const popup = await harness.openPage('popup.html');
    await popup.getByRole('timer').waitFor();
    const shown = await timerSeconds(popup);
    const expected = 30 - (Date.now() - startedAt) / 1000;
    expect(Math.abs(shown - expected)).toBeLessThanOrEqual(1);
    expect(shown).toBeLessThanOrEqual(27);

    // The pop-out window shows the same state.
    const [window] = await Promise.all([
      harness.context.waitForEvent('page', (p) => p.url().includes('popup.html?view=window')),
      popup.getByRole('button', { name: 'Pop out' }).click(),
    ]);
    await window.getByRole('timer').waitFor();
    expect(await window.getByRole('heading', { level: 1 }).textContent()).toBe('Roll your left foot');
    expect(Math.abs((await timerSeconds(window)) - shown)).toBeLessThanOrEqual(1);
    await window.close();
    if (!popup.isClosed()) await popup.close();
  });

  it('moves to the next step on time even after the worker was killed, and cues with every view closed', async () => {
    await harness.inWorker(() => void ((self as unknown as { marked: boolean }).marked = true));
    await harness.killWorker();
    await sleep(Math.max(0, startedAt + 30_000 - Date.now()) + 1500);

    // A fresh worker, with none of the old one's globals, handled the step end.
    expect(await harness.inWorker(() => (self as unknown as { marked?: boolean }).marked)).toBeUndefined();
    const routine = await harness.inWorker(async () => (await chrome.storage.local.get('routine')).routine);
    expect(routine).toMatchObject({ status: 'running', stepIndex: 1 });
    // The new step is dated from the old one's end, whatever time the alarm fired.
    expect((routine as { stepStartedAt: number }).stepStartedAt - startedAt).toBeLessThan(31_000);
    expect(await harness.inWorker(() => chrome.notifications.getAll())).toHaveProperty('routine-cue');
    const offscreen = await harness.inWorker(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }));
    expect(offscreen).toHaveLength(1);
    expect(await harness.inWorker(() => chrome.action.getBadgeText({}))).toBe('1');
  });

  it('shows the finish view after the last step, and logs the routine', async () => {
    const popup = await harness.openPage('popup.html');
    expect(await popup.getByRole('heading', { level: 1 }).textContent()).toBe('Walk barefoot');
    await popup.getByRole('heading', { name: 'Routine complete' }).waitFor({ timeout: 40_000 });
    expect(await popup.getByText(/ of 2 steps$/).textContent()).toMatch(/^(0:59|1:00|1:01) · 2 of 2 steps$/);

    const log = await harness.inWorker(async () => (await chrome.storage.local.get('eventLog')).eventLog);
    // Starting the routine ended a sitting stretch; finishing it was a break taken.
    expect((log as Array<{ type: string }>).map((e) => e.type)).toEqual(['sittingEnded', 'routineCompleted', 'breakTaken']);
    expect(log).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ type: 'routineCompleted', presetId: 'custom-e2e', stepsDone: 2, stepsTotal: 2 }),
        expect.objectContaining({ type: 'breakTaken', how: 'routine' }),
      ]),
    );
    expect((await harness.inWorker(() => chrome.alarms.getAll())).map((a) => a.name)).not.toContain('routine-step');

    // The comfort check, then back to the start, where today's line counts the routine.
    await popup.getByRole('group', { name: 'Feet (0 = sore, 10 = great)' }).getByRole('radio', { name: '8' }).check();
    await popup.getByRole('button', { name: 'Save rating' }).click();
    await popup.getByText('Thanks — rating saved.').waitFor();
    await popup.getByRole('button', { name: 'Done' }).click();
    await popup.getByRole('button', { name: 'Start routine' }).waitFor();
    expect(await popup.getByText(/^Today:/).textContent()).toMatch(/^Today: full routine 1\/1 · breaks 1\/6/);
    expect(await popup.getByText(/^Days in a row:/).textContent()).toBe('Days in a row: 1');
  });

  it('shows today in the history', async () => {
    const options = await harness.openPage('options.html#history');
    const bars = options.getByRole('img', { name: 'Breaks taken, skipped and snoozed on each of the last 7 days' });
    await bars.waitFor();
    const todayBar = bars.locator('rect[data-series="breaksTaken"]').last();
    expect(Number(await todayBar.getAttribute('height'))).toBeGreaterThan(0);
    await options.getByText(/^Goal met on 1 of the last \d+ active days\.$/).waitFor();
    await options.close();
  });
});
