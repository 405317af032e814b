import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { storedEvents } from './history';
import { startXvfb, type VirtualDisplay } from './xvfb';

/**
 * The natural break against the real idle API. Headless Chromium never goes
 * idle, so these tests run a headed Chromium on a private Xvfb and move the
 * X pointer with xdotool: only real X input resets the idle time that
 * chrome.idle reads (Playwright's input does not). The waits for time away are real.
 */

const SECOND = 1000;
const THRESHOLD_MIN = 1;
const INTERVAL_MIN = 30;
/** Long enough past the 1-minute threshold that `idle` (0.3–0.7 s late) has surely arrived and been handled. */
const ABSENCE_MS = 70 * SECOND;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface HistoryEvent {
  type: string;
  at: number;
  how?: string;
}

/** The one place that knows where history is stored, so a new storage layout changes only this function. */
async function readHistory(harness: ExtensionHarness): Promise<HistoryEvent[]> {
  return (await harness.inWorker(storedEvents)) as unknown as HistoryEvent[];
}

async function naturalBreaks(harness: ExtensionHarness): Promise<HistoryEvent[]> {
  return (await readHistory(harness)).filter((e) => e.type === 'breakTaken' && e.how === 'natural');
}

/** One second of a quiet 440 Hz tone, as a WAV file: enough for a tab that loops it to count as audible. */
function toneWav(): string {
  const rate = 8000;
  const samples = rate;
  const wav = Buffer.alloc(44 + samples * 2);
  wav.write('RIFF', 0);
  wav.writeUInt32LE(36 + samples * 2, 4);
  wav.write('WAVEfmt ', 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(rate, 24);
  wav.writeUInt32LE(rate * 2, 28);
  wav.writeUInt16LE(2, 32);
  wav.writeUInt16LE(16, 34);
  wav.write('data', 36);
  wav.writeUInt32LE(samples * 2, 40);
  for (let i = 0; i < samples; i++) wav.writeInt16LE(Math.round(4000 * Math.sin((2 * Math.PI * 440 * i) / rate)), 44 + i * 2);
  return wav.toString('base64');
}

describe('a natural break, with real X input and the real idle API', () => {
  let x: VirtualDisplay;
  let harness: ExtensionHarness;
  let popup: Page;

  beforeAll(async () => {
    x = await startXvfb();
    harness = await launchExtension({ headed: true, env: { DISPLAY: x.display } });
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), {
      ...activeNowSettings(),
      breakThresholdMin: THRESHOLD_MIN,
      sittingIntervalMin: INTERVAL_MIN,
    });
    popup = await harness.openPage('popup.html');
  }, 60_000);

  afterAll(async () => {
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
    await harness?.close();
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it started the display
    await x?.close();
  });

  /** Moves the real X pointer for a few seconds, as someone at the desk would. */
  async function useTheComputer() {
    for (let i = 0; i < 6; i++) {
      await x.xdotool('mousemove', String(200 + i * 40), String(300 + (i % 2) * 40));
      await sleep(500);
    }
    await x.xdotool('key', 'shift');
    await expect.poll(() => x.idleMs()).toBeLessThan(2 * SECOND);
  }

  /** Waits, without any X input, until the X server has seen none for `ms`. */
  async function stayAway(ms: number) {
    const idle = await x.idleMs();
    if (idle < ms) await sleep(ms - idle);
    expect(await x.idleMs()).toBeGreaterThanOrEqual(ms);
  }

  /** The popup's two status lines, read afresh, as a popup rebuilds its view on every open. */
  async function popupStatus(): Promise<string> {
    await popup.reload();
    const status = popup.locator('.status');
    await status.locator('.status__main').waitFor();
    return (await status.locator('p').allTextContents()).join(' | ');
  }

  async function playSound(): Promise<Page> {
    const page = await harness.context.newPage();
    await page.setContent(`<audio id="tone" loop autoplay src="data:audio/wav;base64,${toneWav()}"></audio>`);
    await expect.poll(async () => (await harness.inWorker(() => chrome.tabs.query({ audible: true }))).length).toBe(1);
    return page;
  }

  it('records a natural break after 70 s with no input, and the popup shows the clock restarted', async () => {
    const before = (await naturalBreaks(harness)).length;
    await useTheComputer();
    await stayAway(ABSENCE_MS);
    // chrome.idle reported the absence; the tracker holds the clock still.
    expect(await harness.inWorker((s) => chrome.idle.queryState(s), THRESHOLD_MIN * 60)).toBe('idle');
    expect(await popupStatus()).toMatch(/Away: the clock has stopped/);

    const returnedAt = Date.now();
    await useTheComputer();
    await expect.poll(async () => (await naturalBreaks(harness)).length).toBe(before + 1);
    expect((await naturalBreaks(harness)).at(-1)!.at).toBeGreaterThanOrEqual(returnedAt - SECOND);
    expect(await popupStatus()).toBe(`Sitting for 0 min | Next break in ${INTERVAL_MIN} min`);
  }, 120_000);

  it('records no break while a tab plays sound, though the user gave no input for 70 s', async () => {
    const sound = await playSound();
    const before = (await naturalBreaks(harness)).length;
    await useTheComputer();
    await stayAway(ABSENCE_MS);
    expect(await harness.inWorker((s) => chrome.idle.queryState(s), THRESHOLD_MIN * 60)).toBe('idle');
    expect(await harness.inWorker(() => chrome.tabs.query({ audible: true }))).toHaveLength(1);
    expect(await popupStatus()).not.toMatch(/Away/);

    await useTheComputer();
    await sleep(2 * SECOND);
    expect(await naturalBreaks(harness)).toHaveLength(before);
    expect(await popupStatus()).toMatch(/^Sitting for [1-9]\d* min \| Next break in \d+ min$/);
    await sound.close();
  }, 120_000);

  it('counts the absence once the sound stops, from the first check that found no sound', async () => {
    const sound = await playSound();
    const before = (await naturalBreaks(harness)).length;
    await useTheComputer();
    // Chrome sends `idle` once, here while the tab is audible, so the tracker rightly lets it pass.
    await stayAway(THRESHOLD_MIN * 60 * SECOND + 2 * SECOND);
    expect(await popupStatus()).not.toMatch(/Away/);

    // The sound stops for the user. Muting, unlike pausing, does not make the X server reset its idle
    // time (it resets it 2–4 s after a tab's audio stops), so Chrome sends nothing more: only the tracker's
    // own minute check can notice.
    const [tab] = await harness.inWorker(() => chrome.tabs.query({ audible: true }));
    await harness.inWorker((id) => chrome.tabs.update(id, { muted: true }), tab!.id!);
    expect(await harness.inWorker(() => chrome.tabs.query({ audible: true }))).toEqual([
      expect.objectContaining({ mutedInfo: expect.objectContaining({ muted: true }) }),
    ]);
    expect(await harness.inWorker((s) => chrome.idle.queryState(s), THRESHOLD_MIN * 60)).toBe('idle');

    // The minute refresh, now rather than within the minute: re-created on the real clock.
    await harness.inWorker(async () => {
      const refresh = await chrome.alarms.get('sitting-refresh');
      await chrome.alarms.create('sitting-refresh', { when: Date.now() + 500, periodInMinutes: refresh?.periodInMinutes ?? 1 });
    });
    await expect.poll(() => popupStatus()).toMatch(/Away: the clock has stopped/);
    const awayNoLaterThan = Date.now();

    // Conservatively, the absence began at that check; it counts once it has lasted the threshold.
    await sleep(awayNoLaterThan + THRESHOLD_MIN * 60 * SECOND + 2 * SECOND - Date.now());
    expect(await harness.inWorker((s) => chrome.idle.queryState(s), THRESHOLD_MIN * 60)).toBe('idle');
    const returnedAt = Date.now();
    await useTheComputer();
    await expect.poll(async () => (await naturalBreaks(harness)).length).toBe(before + 1);
    expect((await naturalBreaks(harness)).at(-1)!.at).toBeGreaterThanOrEqual(returnedAt - SECOND);
    expect(await popupStatus()).toBe(`Sitting for 0 min | Next break in ${INTERVAL_MIN} min`);
    await sound.close();
  }, 180_000);
});
