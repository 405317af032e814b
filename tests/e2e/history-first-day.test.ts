import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionHarness } from './fixture';
import { storeEvents } from './history';

/** The local day key of a moment, in the browser's time zone (the one the extension files days by). */
const dayOf = (at: number) => {
  const d = new Date(at);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A day's totals as utils/history/totals.ts keeps them, with one comfort rating. */
const ratedDay = (feet: number) => ({
  breaksDue: 1,
  breaksTaken: 1,
  naturalBreaks: 0,
  skipped: 0,
  snoozed: 0,
  routinesCompleted: 1,
  routinesStopped: 0,
  completedByPreset: { full: 1 },
  routineMs: 1_140_000,
  longestSittingMs: 40 * 60_000,
  comfortFeet: [feet],
  comfortBack: [10 - feet],
});

describe('history on day one, in Chromium', () => {
  let harness: ExtensionHarness;
  let page: Page;

  beforeEach(async () => {
    harness = await launchExtension();
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  async function openHistory(width: number) {
    page = await harness.openPage('options.html');
    await page.setViewportSize({ width, height: 900 });
    await page.locator('#history h2').waitFor();
    // The charts load as the section nears the viewport.
    await page.locator('#history').scrollIntoViewIfNeeded();
    await page.locator('#history .history__charts:not(.history__charts--loading)').waitFor();
    return page.locator('#history');
  }

  const cells = () =>
    page
      .locator('#history svg.calendar rect')
      .evaluateAll((rects) => rects.map((r) => ({ day: r.getAttribute('data-day') ?? '', cls: r.getAttribute('class') ?? '' })));

  it('with no data: only today in the calendar, no missed days, and a sentence for each empty chart', async () => {
    const history = await openHistory(1280);
    const today = dayOf(Date.now());
    expect(await cells()).toEqual([{ day: today, cls: 'cell cell--today cell--now' }]);
    for (const sentence of [
      /^Your breaks will show here/,
      /^Each active day on which you do your full routine/,
      /^Each day's longest time sitting/,
      /^Your comfort ratings will show here/,
      /^Nothing recorded yet/,
    ]) {
      await expect.poll(() => history.getByText(sentence).count()).toBe(1);
    }
    // Only the calendar is drawn: no empty chart takes up room.
    expect(await history.locator('svg').count()).toBe(1);
    const box = (await history.boundingBox())!;
    expect(box.height).toBeLessThan(900);
    const shot = await history.screenshot();
    expect(shot.length).toBeGreaterThan(5_000);
  });

  it('with one rated day: today is met, the comfort chart keeps its height and draws dots, and 30 days do not shrink it', async () => {
    const now = Date.now();
    const today = dayOf(now);
    await harness.inWorker(storeEvents, [
      { type: 'breakTaken', at: now - 60_000, day: today, how: 'routine' },
      { type: 'routineCompleted', at: now - 60_000, day: today, presetId: 'full', durationMs: 1_140_000, stepsDone: 7, stepsTotal: 7 },
      { type: 'comfortRated', at: now - 30_000, day: today, feet: 7, back: 6 },
    ]);
    const history = await openHistory(400);
    const comfort = history.getByTestId('comfort-trend');
    await comfort.waitFor();
    expect(await cells()).toEqual([{ day: today, cls: 'cell cell--met cell--now' }]);
    expect(await comfort.locator('circle').count()).toBe(2);
    expect(await comfort.locator('polyline').count()).toBe(0);
    expect(await comfort.locator('.scale text').allTextContents()).toEqual(['0', '5', '10']);
    const oneDay = (await comfort.boundingBox())!;
    expect(oneDay.height).toBeGreaterThan(90);
    expect(oneDay.height).toBeLessThan(200);
    expect(await history.getByTestId('week-bars').locator('.scale text').count()).toBeGreaterThan(1);
    expect((await history.screenshot()).length).toBeGreaterThan(5_000);

    // A month of ratings, the earlier days as the daily fold leaves them: the chart stays the same size.
    const days = Object.fromEntries(Array.from({ length: 29 }, (_, i) => [dayOf(now - (i + 1) * 86_400_000), ratedDay(i % 11)]));
    await harness.inWorker(async ([days, through]) => chrome.storage.local.set({ totals: { through, days, dropped: 0 } }), [days, today] as const);
    await expect.poll(() => comfort.locator('circle').count()).toBe(60);
    expect((await comfort.boundingBox())!.height).toBeCloseTo(oneDay.height, 0);
    // Now the calendar reaches back to the first of those days, and none before it.
    const first = dayOf(now - 29 * 86_400_000);
    expect((await cells()).every((c) => c.day >= first)).toBe(true);
    expect((await cells()).some((c) => c.day === first)).toBe(true);
  });
});
