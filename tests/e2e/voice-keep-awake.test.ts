import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { openPopup } from './pages/popup';

/** A custom routine: a 30 s roll, then a 30 s walk, each after a 5 s lead-in. */
const PRESETS = {
  builtIn: {},
  custom: [
    {
      id: 'custom-voice',
      name: 'Voice check',
      steps: [
        { id: 'roll-left', kind: 'roll', side: 'left', durationSec: 30, enabled: true },
        { id: 'walk', kind: 'walk', side: 'none', durationSec: 30, enabled: true },
      ],
    },
  ],
};

interface Spoken {
  text: string;
  lang: string;
  at: number;
}

describe('voice and keeping the screen on, in Chromium', () => {
  let harness: ExtensionHarness;

  beforeEach(async () => {
    harness = await launchExtension();
    await harness.inWorker((presets) => chrome.storage.sync.set({ presets }), PRESETS);
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), { ...activeNowSettings(), spokenCues: true, leadInSec: 5 });
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  const storedRoutine = () =>
    harness.inWorker(
      async () => (await chrome.storage.local.get('routine')).routine as { status: string; stepIndex: number; stepStartedAt: number; leadInMs: number },
    );

  /** Records what the worker asks of `power`, in the worker's own globals (the calls read `chrome.power` each time). */
  const spyOnPower = () =>
    harness.inWorker(() => {
      const calls: string[] = [];
      (self as unknown as { powerCalls: string[] }).powerCalls = calls;
      chrome.power.requestKeepAwake = (level) => void calls.push(`request:${level}`);
      chrome.power.releaseKeepAwake = () => void calls.push('release');
    });
  const powerCalls = () => harness.inWorker(() => (self as unknown as { powerCalls: string[] }).powerCalls.slice());

  it('keeps the display awake while the routine runs, and lets it go on pause and stop', async () => {
    await spyOnPower();
    const popup = await openPopup(harness);
    await popup.chooseRoutine(/^Voice check/);
    await popup.startRoutine();
    await expect.poll(async () => (await powerCalls()).at(-1)).toBe('request:display');
    await popup.page.keyboard.press(' ');
    await expect.poll(async () => (await powerCalls()).at(-1)).toBe('release');
    await popup.page.keyboard.press(' ');
    await expect.poll(async () => (await powerCalls()).at(-1)).toBe('request:display');
    await popup.page.keyboard.press('Escape');
    await expect.poll(async () => (await storedRoutine()).status).toBe('finished');
    expect((await powerCalls()).at(-1)).toBe('release');
  });

  it('speaks from the offscreen document with every view closed: "Go", then the countdown, then the next step', async () => {
    const watcher: Page = await harness.openPage('options.html');
    /**
     * Makes the offscreen document afresh and records what its speech synthesis is asked to say: headless
     * Chromium has no voices, and this is the adapter's last step. Chrome closes a silent offscreen document
     * after 30 s, so the test makes it again before each stretch it listens to; the worker reuses it.
     */
    const listen = async () => {
      await harness.inWorker(async () => {
        if ((await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).length > 0)
          await chrome.offscreen.closeDocument();
        await chrome.offscreen.createDocument({ url: '/offscreen.html', reasons: [chrome.offscreen.Reason.AUDIO_PLAYBACK], justification: 'e2e' });
      });
      const found = await watcher.evaluate(() => {
        const offscreen = chrome.extension.getViews().find((view) => view.location.pathname === '/offscreen.html');
        if (!offscreen) return false;
        const said: Spoken[] = [];
        (offscreen as unknown as { said: Spoken[] }).said = said;
        offscreen.speechSynthesis.speak = (utterance) => void said.push({ text: utterance.text, lang: utterance.lang, at: Date.now() });
        return true;
      });
      expect(found).toBe(true);
    };
    const spoken = () =>
      watcher.evaluate(() => {
        const offscreen = chrome.extension.getViews().find((view) => view.location.pathname === '/offscreen.html');
        return ((offscreen as unknown as { said?: Spoken[] } | undefined)?.said ?? []).slice();
      });
    await listen();

    const popup = await openPopup(harness);
    await popup.chooseRoutine(/^Voice check/);
    await popup.startRoutine();
    // Closed during the lead-in, so every cue after it comes from the background.
    await popup.close();
    const started = await storedRoutine();
    expect(started.leadInMs).toBe(5000);

    // The lead-in ends 5 s after the start: "Go."
    await expect.poll(spoken, { timeout: 10_000 }).toContainEqual(expect.objectContaining({ text: 'Go.', lang: expect.stringMatching(/^en/) as string }));
    const go = (await spoken()).find((s) => s.text === 'Go.');
    expect(Math.abs((go?.at ?? 0) - (started.stepStartedAt + 5000))).toBeLessThan(1500);

    // The step ends 35 s after the start: 3, 2, 1 on the last three seconds, then the next step with its length.
    const stepEnd = started.stepStartedAt + 35_000;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, stepEnd - 8000 - Date.now())));
    await listen();
    await expect.poll(spoken, { timeout: 40_000, interval: 500 }).toContainEqual(expect.objectContaining({ text: 'Walk barefoot, 30 seconds' }));
    const said = await spoken();
    expect(said.map((s) => s.text)).toEqual(['3', '2', '1', 'Walk barefoot, 30 seconds']);
    const at = (text: string) => said.find((s) => s.text === text)?.at ?? 0;
    expect(Math.abs(at('3') - (stepEnd - 3000))).toBeLessThan(1500);
    expect(Math.abs(at('1') - (stepEnd - 1000))).toBeLessThan(1500);
    expect(at('2') - at('3')).toBeGreaterThan(700);
    expect(Math.abs(at('Walk barefoot, 30 seconds') - stepEnd)).toBeLessThan(1500);
    expect(said.every((s) => s.lang === said[0]?.lang)).toBe(true);
    await watcher.close();
  });
});
