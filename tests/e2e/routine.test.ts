import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { storedEvents } from './history';
import { movePageClocks, passTimeInWorker } from './clock';
import { openPopup, type PopupPage } from './pages/popup';
import { openOptions } from './pages/options';

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
const STEP_MS = 30_000;

describe('the routine timer in Chromium', () => {
  let harness: ExtensionHarness;

  // A fresh profile for each test, so each can run alone and in any order.
  beforeEach(async () => {
    harness = await launchExtension();
    await harness.inWorker((presets) => chrome.storage.sync.set({ presets }), TWO_STEPS);
    // This routine counts as the daily full routine, so finishing it meets the goal.
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), { ...activeNowSettings(), fullRoutinePresetId: 'custom-e2e' });
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  const storedRoutine = () =>
    harness.inWorker(async () => (await chrome.storage.local.get('routine')).routine as { status: string; stepIndex: number; stepStartedAt: number });

  /** Starts the two-step routine from the popup; returns the popup and the first step's stored start. */
  async function startTwoQuickSteps(): Promise<{ popup: PopupPage; startedAt: number }> {
    const popup = await openPopup(harness);
    await popup.chooseRoutine('Two quick steps 1:00');
    await popup.startRoutine();
    return { popup, startedAt: (await storedRoutine()).stepStartedAt };
  }

  /** Lets one 30-second step pass in the worker, whose step-end alarm then fires at once. */
  const passOneStep = () => passTimeInWorker(harness, STEP_MS, ['routine-step']);

  it('starts a custom routine from the popup', async () => {
    const { popup } = await startTwoQuickSteps();
    await expect.poll(() => popup.heading()).toBe('Roll your left foot');
    expect(await popup.progress()).toMatch(/^Step 1 of 2 · (0:59|1:00) left$/);
  });

  it('shows the right time after the popup was closed for 3 s', async () => {
    const { popup: first, startedAt } = await startTwoQuickSteps();
    await first.close();
    // The popup opens again 3 s later by its own clock; the worker is not asked to keep time.
    await movePageClocks(harness, 3000);
    const popup = await openPopup(harness);
    const shown = await popup.countdown();
    const expected = 30 - (Date.now() + 3000 - startedAt) / 1000;
    expect(Math.abs(shown - expected)).toBeLessThanOrEqual(1);
    expect(shown).toBeLessThanOrEqual(27);

    // The pop-out window shows the same state.
    const window = await popup.popOut();
    expect(await window.heading()).toBe('Roll your left foot');
    expect(Math.abs((await window.countdown()) - shown)).toBeLessThanOrEqual(1);
    await window.close();
    await popup.close();
  });

  it('moves to the next step on time even after the worker was killed, and cues with every view closed', async () => {
    const { popup, startedAt } = await startTwoQuickSteps();
    await popup.close();
    await harness.inWorker(() => void ((self as unknown as { marked: boolean }).marked = true));
    await harness.killWorker();
    expect(await harness.isWorkerRunning()).toBe(false);
    // Only the step-end alarm can start the worker again; asking it anything sooner would wake it.
    await expect.poll(() => harness.isWorkerRunning(), { timeout: STEP_MS + 15_000, interval: 250 }).toBe(true);
    await expect.poll(async () => (await storedRoutine()).stepIndex).toBe(1);

    // A fresh worker, with none of the old one's globals, handled the step end.
    expect(await harness.inWorker(() => (self as unknown as { marked?: boolean }).marked)).toBeUndefined();
    const routine = await storedRoutine();
    expect(routine).toMatchObject({ status: 'running', stepIndex: 1 });
    // The new step is dated from the old one's end, whatever time the alarm fired.
    expect(routine.stepStartedAt - startedAt).toBeLessThan(31_000);
    await expect.poll(() => harness.inWorker(() => chrome.notifications.getAll())).toHaveProperty('routine-cue');
    const offscreen = await harness.inWorker(() => chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }));
    expect(offscreen).toHaveLength(1);
    expect(await harness.inWorker(() => chrome.action.getBadgeText({}))).toBe('1');
  });

  it('shows the finish view after the last step, and logs the routine', async () => {
    const { popup: first } = await startTwoQuickSteps();
    await first.close();
    await passOneStep();
    const popup = await openPopup(harness);
    await expect.poll(() => popup.heading()).toBe('Walk barefoot');
    await passOneStep();
    await popup.waitForFinish();
    expect(await popup.summary()).toMatch(/^2 of 2 steps done in (0:59|1:00|1:01)$/);

    const log = await harness.inWorker(storedEvents);
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
    await popup.rateComfort('Feet', 8);
    await popup.done();
    // Done saved the value picked: there is no separate Save.
    expect(await harness.inWorker(storedEvents)).toContainEqual(expect.objectContaining({ type: 'comfortRated', feet: 8 }));
    expect(await popup.today()).toEqual({ 'full routine': '1/1', breaks: '1/6', 'days in a row': '1' });
  });

  it('shows today in the history', async () => {
    const { popup } = await startTwoQuickSteps();
    await passOneStep();
    await expect.poll(() => popup.heading()).toBe('Walk barefoot');
    await passOneStep();
    await popup.waitForFinish();

    const options = await openOptions(harness, '#history');
    expect(await options.todaysBreaksBarHeight()).toBeGreaterThan(0);
    // The calendar starts on the first day recorded, today, and today counts once the goal is met.
    await options.goalLine(/^Since .+, you met your goal on 1 of 1 active days?\.$/);
  });
});
