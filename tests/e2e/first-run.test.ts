import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { openPopup, type PopupPage } from './pages/popup';
import { openOptions } from './pages/options';
import { storeEvents, storedEvents } from './history';
import { passTimeInWorker } from './clock';

/** The toolbar popup may be at most 800 × 600; Roll Call's is as wide as its body, and must fit the height. */
const POPUP_MAX_HEIGHT = 600;

interface TextSizes {
  body: number;
  smallest: number;
  /** The elements under the floor, as "tag.class: size 'text'". */
  under: string[];
}

/** Every element that shows text of its own (a non-blank text node as a child), with its computed font size. */
function textSizes(page: Page, floor: number): Promise<TextSizes> {
  return page.evaluate((min) => {
    const under: string[] = [];
    let smallest = Infinity;
    for (const element of document.querySelectorAll('body *')) {
      const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
      if (!ownText) continue;
      const size = parseFloat(getComputedStyle(element).fontSize);
      smallest = Math.min(smallest, size);
      if (size < min)
        under.push(`${element.tagName.toLowerCase()}.${element.getAttribute('class') ?? ''}: ${size} '${element.textContent.trim().slice(0, 30)}'`);
    }
    return { body: parseFloat(getComputedStyle(document.body).fontSize), smallest, under };
  }, floor);
}

/** The popup's height at its own width, as the toolbar would size it: the document's full height with a short viewport. */
async function popupHeight(page: Page): Promise<number> {
  const width = await page.evaluate(() => document.body.getBoundingClientRect().width);
  await page.setViewportSize({ width: Math.ceil(width), height: 100 });
  return page.evaluate(() => document.documentElement.scrollHeight);
}

describe('first impressions in Chromium', () => {
  let harness: ExtensionHarness;
  const measured: Record<string, unknown> = {};

  beforeAll(async () => {
    harness = await launchExtension();
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
  });
  afterAll(async () => {
    // The figures go into the report of the change that set them.
    console.info('first-run measurements', JSON.stringify(measured));
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
    await harness?.close();
  });

  /**
   * Lets the running routine's whole length pass in the worker, whose step alarm then fires at once: only a
   * routine whose time was spent completes (skipping through it records it as stopped), and only a completed one
   * shows the finish view at its tallest, with the comfort check.
   */
  async function spendTheRoutine(popup: PopupPage): Promise<void> {
    const lengthMs = await harness.inWorker(async () => {
      const { routine } = await chrome.storage.local.get<{ routine: { steps: Array<{ durationSec: number }> } }>('routine');
      return routine.steps.reduce((sum, step) => sum + step.durationSec * 1000, 0);
    });
    await passTimeInWorker(harness, lengthMs + 1000, ['routine-step']);
    await popup.waitForFinish();
  }

  describe('type that reads', () => {
    it('the options page: body text at least 14 px, nothing under 12 px, the history included', async () => {
      // A day to draw: a new user's history is sentences, and the charts' labels are what is measured here.
      const now = Date.now();
      const d = new Date(now);
      const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      await harness.inWorker(storeEvents, [
        { type: 'breakTaken', at: now, day, how: 'routine' },
        { type: 'comfortRated', at: now, day, feet: 7, back: 6 },
      ]);
      const options = await openOptions(harness);
      await options.showHistory();
      const sizes = await textSizes(options.page, 12);
      measured.options = sizes;
      expect(sizes.body).toBeGreaterThanOrEqual(14);
      expect(sizes.under).toEqual([]);
      await options.page.close();
    });

    it('the popup, idle, running and finished: body text at least 13 px, nothing under 12 px', async () => {
      const popup = await openPopup(harness);
      await popup.idle();
      await popup.steps();
      const idle = await textSizes(popup.page, 12);
      await popup.startRoutine();
      const running = await textSizes(popup.page, 12);
      await spendTheRoutine(popup);
      await popup.page.getByText('How do your feet and lower back feel now?').waitFor();
      const finished = await textSizes(popup.page, 12);
      measured.popup = { idle, running, finished };
      for (const sizes of [idle, running, finished]) {
        expect(sizes.body).toBeGreaterThanOrEqual(13);
        expect(sizes.under).toEqual([]);
      }
      await popup.done();
      await popup.page.close();
    });

    it('the welcome page and the reminder window: nothing under 12 px', async () => {
      const welcome = await harness.openPage('welcome.html');
      await welcome.getByRole('button', { name: 'Send a test reminder' }).waitFor();
      const reminder = await harness.openPage('reminder.html?id=test');
      await reminder.getByRole('heading', { name: 'Test reminder' }).waitFor();
      measured.welcome = await textSizes(welcome, 12);
      measured.reminder = await textSizes(reminder, 12);
      for (const page of [welcome, reminder]) {
        const sizes = await textSizes(page, 12);
        expect(sizes.body).toBeGreaterThanOrEqual(14);
        expect(sizes.under).toEqual([]);
        await page.close();
      }
    });
  });

  it('the popup fits the toolbar’s 600 px, idle, running and finished', async () => {
    const popup = await openPopup(harness);
    await popup.idle();
    const heights: Record<string, number> = {};
    heights.idle = await popupHeight(popup.page);
    // The longest routine chosen, its steps unfolded, and the pause lengths shown: the idle view at its tallest.
    await popup.chooseRoutine(/Full reset/);
    await popup.steps();
    await popup.page.getByRole('button', { name: 'Pause', exact: true }).click();
    heights.idleUnfolded = await popupHeight(popup.page);
    await popup.startRoutine();
    heights.running = await popupHeight(popup.page);
    await spendTheRoutine(popup);
    await popup.page.getByText('How do your feet and lower back feel now?').waitFor();
    heights.finished = await popupHeight(popup.page);
    measured.popupHeights = heights;
    expect(heights.idle).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(heights.running).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    expect(heights.finished).toBeLessThanOrEqual(POPUP_MAX_HEIGHT);
    await popup.done();
    await popup.page.close();
  });
});

describe('the test reminder, end to end in Chromium', () => {
  let harness: ExtensionHarness;
  beforeAll(async () => {
    harness = await launchExtension();
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings }), activeNowSettings());
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- beforeAll may have failed before it assigned the harness
  afterAll(async () => harness?.close());

  const notifications = () => harness.inWorker(() => chrome.notifications.getAll());
  const routineStatus = () => harness.inWorker(async () => ((await chrome.storage.local.get('routine')).routine as { status: string }).status);
  const sittingClock = () => harness.inWorker(async () => ({ ...((await chrome.storage.local.get('sitting')).sitting as object), lastSeenAt: 0 }));
  const isPopOut = (page: Page) => new URL(page.url()).pathname === '/popup.html' && page.url().includes('view=window');

  async function sendTestFromWelcome(): Promise<Page> {
    const welcome = await harness.openPage('welcome.html');
    await welcome.getByRole('button', { name: 'Send a test reminder' }).click();
    await welcome.getByText('Did you see the reminder?').waitFor();
    return welcome;
  }

  it('the notification says it is a test; its Start starts the break routine, opens the timer and goes away', async () => {
    await expect.poll(() => harness.inWorker(async () => (await chrome.alarms.get('sitting-break'))?.scheduledTime)).toBeDefined();
    await sendTestFromWelcome();
    await expect.poll(notifications).toEqual({ 'break:test': true });
    const opened = harness.context.waitForEvent('page', { predicate: isPopOut });
    // The button as Chrome reports a click on it, to the background's real listener.
    await harness.inWorker(() => chrome.notifications.onButtonClicked.dispatch('break:test', 0));
    const timer = await opened;
    await timer.getByRole('timer').waitFor();
    expect(await routineStatus()).toBe('running');
    await expect.poll(notifications).toEqual({});
    await timer.getByRole('button', { name: 'Stop routine', exact: true }).click();
    await timer.getByRole('button', { name: 'Done' }).click();
    await timer.close();
  });

  it('the window says it is a test; its Skip closes it and changes neither the sitting clock nor history', async () => {
    await harness.inWorker((settings) => chrome.storage.sync.set({ settings: { ...settings, remindWith: 'window' } }), activeNowSettings());
    const before = { sitting: await sittingClock(), events: (await harness.inWorker(storedEvents)).length };
    const opened = harness.context.waitForEvent('page', { predicate: (p) => p.url().includes('/reminder.html?id=test') });
    await sendTestFromWelcome();
    const window = await opened;
    await window.getByRole('heading', { name: 'Test reminder' }).waitFor();
    expect(await window.getByText(/^This is a test reminder\./).count()).toBe(1);
    expect(await window.getByText('This reminder has passed.').count()).toBe(0);
    const closed = window.waitForEvent('close');
    await window.getByRole('button', { name: 'Skip this break' }).click();
    await closed;
    expect(await sittingClock()).toEqual(before.sitting);
    expect((await harness.inWorker(storedEvents)).length).toBe(before.events);
    expect(await routineStatus()).toBe('idle');
  });

  it('the window’s Start starts the break routine and opens the timer', async () => {
    const opened = harness.context.waitForEvent('page', { predicate: (p) => p.url().includes('/reminder.html?id=test') });
    await sendTestFromWelcome();
    const window = await opened;
    const timerOpened = harness.context.waitForEvent('page', { predicate: isPopOut });
    const closed = window.waitForEvent('close');
    await window.getByRole('button', { name: 'Start routine' }).click();
    await closed;
    const timer = await timerOpened;
    await timer.getByRole('timer').waitFor();
    expect(await routineStatus()).toBe('running');
  });
});
