import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeNowSettings, EXTENSION_DIR, launchExtension, type ExtensionHarness } from './fixture';
import { PopupPage } from './pages/popup';

/** Two 30-second steps, so a Skip lands on the last one and a second Skip would finish the routine. */
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

describe('the side panel in Chromium', () => {
  let harness: ExtensionHarness;

  beforeEach(async () => {
    harness = await launchExtension();
    await harness.inWorker((presets) => chrome.storage.sync.set({ presets }), TWO_STEPS);
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  async function openView(path: string): Promise<PopupPage> {
    const page = await harness.openPage(path);
    await page.locator('main:not([aria-busy])').waitFor();
    return new PopupPage(page);
  }

  const storedRoutine = () => harness.inWorker(async () => (await chrome.storage.local.get('routine')).routine as { status: string; stepIndex: number });

  it('is in the manifest, with the sidePanel permission, and the popup opens it beside the page', async () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { side_panel?: { default_path: string }; permissions: string[] };
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.permissions).toContain('sidePanel');

    const popup = await openView('popup.html');
    await popup.page.getByRole('button', { name: 'Side panel', exact: true }).click();
    await expect
      .poll(
        () =>
          harness.inWorker(async () => (await chrome.runtime.getContexts({ contextTypes: ['SIDE_PANEL'] })).map((c) => new URL(c.documentUrl ?? '').pathname)),
        { timeout: 8000 },
      )
      .toEqual(['/sidepanel.html']);
  });

  it('shows the same routine live as the pop-out window; pause, stop and undo in one show in the other; one view chimes', async () => {
    const panel = await openView('sidepanel.html');
    const popOut = await openView('popup.html?view=window');
    await panel.page.bringToFront();
    await panel.chooseRoutine(/^Two quick steps/);
    await panel.startRoutine();
    await popOut.page.getByRole('timer').waitFor();
    for (const view of [panel, popOut]) {
      expect(await view.heading()).toBe('Roll your left foot');
      expect(await view.progress()).toMatch(/^Step 1 of 2 · /);
    }
    expect(Math.abs((await panel.countdown()) - (await popOut.countdown()))).toBeLessThanOrEqual(1);

    // Exactly one of the two views holds the cue lock; the other waits to take over.
    const locks = await panel.page.evaluate(async () => {
      const state = await navigator.locks.query();
      return {
        held: state.held?.filter((l) => l.name === 'roll-call-step-cues').length,
        waiting: state.pending?.filter((l) => l.name === 'roll-call-step-cues').length,
      };
    });
    expect(locks).toEqual({ held: 1, waiting: 1 });

    // Pause in the pop-out: the panel shows it.
    await popOut.pause();
    await panel.page.getByText('Paused', { exact: true }).waitFor();
    await popOut.resume();
    await panel.page.getByRole('button', { name: 'Pause', exact: true }).waitFor();

    // Stop in the panel: both offer Undo; Undo in the pop-out brings the routine back in both.
    await panel.stopRoutine();
    await popOut.undoButton().waitFor();
    expect(await storedRoutine()).toMatchObject({ status: 'paused', undoTo: 'running' });
    await popOut.undoStop();
    await panel.page.getByRole('timer').waitFor();
    expect(await storedRoutine()).toMatchObject({ status: 'running', stepIndex: 0 });
    expect(await panel.heading()).toBe('Roll your left foot');

    // Unanswered, the Stop stands once the undo time is up: the step alarm ends it with every button left alone.
    await panel.stopRoutine();
    await expect.poll(storedRoutine, { timeout: 10_000 }).toMatchObject({ status: 'finished', outcome: 'stopped' });
    for (const view of [panel, popOut]) await view.undoButton().waitFor({ state: 'detached' });
    expect((await harness.inWorker(() => chrome.alarms.getAll())).map((a) => a.name)).not.toContain('routine-step');
  });

  it('Space after a click on Skip pauses, and does not press Skip again', async () => {
    const panel = await openView('sidepanel.html');
    await panel.chooseRoutine(/^Two quick steps/);
    await panel.startRoutine();
    await panel.skipStep();
    await expect.poll(() => panel.heading()).toBe('Walk barefoot');
    // Focus stays on Skip, as it does after a click; Space must pause, not skip past the last step.
    expect(await panel.page.evaluate(() => document.activeElement?.textContent)).toBe('Skip step');
    await panel.page.keyboard.press('Space');
    await panel.page.getByText('Paused', { exact: true }).waitFor();
    expect(await storedRoutine()).toMatchObject({ status: 'paused', stepIndex: 1 });
    await panel.page.keyboard.press('Space');
    await panel.page.getByRole('button', { name: 'Pause', exact: true }).waitFor();
    expect(await storedRoutine()).toMatchObject({ status: 'running', stepIndex: 1 });
  });
});
