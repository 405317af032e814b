// npm run screenshots: pictures of the real build in headless Chromium for the README (each PNG kept under 200 KB).
// They show what a user sees: the default settings, a few weeks of plausible history, on a Tuesday at 10:40.
import { mkdirSync, statSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/fixture.ts';

const OUT = 'docs/screenshots';
const MAX_BYTES = 200 * 1024;
const MIN = 60_000;
mkdirSync(OUT, { recursive: true });

/** The next Tuesday after today, at 10:40 local time: inside the default active hours, and later than the profile's first start. */
function pictureTime(): number {
  const at = new Date();
  at.setHours(10, 40, 0, 0);
  do at.setDate(at.getDate() + 1);
  while (at.getDay() !== 2);
  return at.getTime();
}

const dayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
const at = (day: Date, hours: number, minutes: number) => new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, minutes).getTime();

/** A fixed pseudo-random sequence, so every run draws the same weeks. */
function randomSource(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

type StoredEvent = Record<string, unknown> & { at: number; day: string; type: string };

/**
 * One working day as the extension would have logged it: stretches of sitting
 * ended by breaks (some after a reminder, some by a desk routine, some
 * skipped), and on most days the full routine at lunch with a comfort
 * rating. `habit` runs from 0 (the first week) to 1 (last week): stretches
 * get shorter and comfort better, as a user who keeps at it would see.
 */
function workday(day: Date, habit: number, random: () => number): StoredEvent[] {
  const key = dayKey(day);
  const events: StoredEvent[] = [];
  const log = (event: Record<string, unknown> & { at: number; type: string }) => events.push({ ...event, day: key });
  let now = at(day, 8, 10 + Math.floor(random() * 40));
  const end = at(day, 16, 50 + Math.floor(random() * 40));
  const fullToday = random() < 0.4 + 0.55 * habit;
  let fullDone = false;
  while (now < end) {
    let stretchMin = Math.min(70, Math.max(20, 60 - 18 * habit + (random() - 0.5) * 30));
    // As the habit grows, a long stretch more often ends at the reminder, or just before it.
    if (stretchMin > 45 && random() < 0.2 + 0.7 * habit) stretchMin = 41 + random() * 6;
    const stretch = Math.round(stretchMin * MIN);
    const sittingEnd = Math.min(now + stretch, end);
    log({ type: 'sittingEnded', at: sittingEnd, startedAt: now, durationMs: sittingEnd - now });
    if (sittingEnd - now >= 45 * MIN) {
      const dueAt = now + 45 * MIN;
      log({ type: 'breakDue', at: dueAt, sittingMs: 45 * MIN });
      if (sittingEnd - dueAt > 8 * MIN) log({ type: 'snoozed', at: dueAt + MIN, count: 1 });
      if (random() < 0.12) log({ type: 'skipped', at: sittingEnd });
    }
    now = sittingEnd;
    if (now >= end) break;
    const lunch = !fullDone && fullToday && now >= at(day, 12, 0);
    if (lunch) {
      fullDone = true;
      const stopped = random() < 0.1;
      const durationMs = stopped ? 7 * MIN : 19 * MIN + Math.floor(random() * 3 * MIN);
      const outcome = { presetId: 'full', durationMs, stepsDone: stopped ? 2 : 7, stepsTotal: 7 };
      log({ type: stopped ? 'routineStopped' : 'routineCompleted', at: now + durationMs, ...outcome });
      if (!stopped) {
        log({ type: 'breakTaken', at: now + durationMs, how: 'routine' });
        const rating = (low: number) => Math.min(10, Math.max(0, Math.round(low + 3.5 * habit + random() * 2)));
        log({ type: 'comfortRated', at: now + durationMs + 30_000, feet: rating(4), back: rating(3) });
      }
      now += durationMs + 25 * MIN;
    } else if (random() < 0.3) {
      const durationMs = 5 * MIN + Math.floor(random() * MIN);
      log({ type: 'routineCompleted', at: now + durationMs, presetId: 'desk', durationMs, stepsDone: 5, stepsTotal: 5 });
      log({ type: 'breakTaken', at: now + durationMs, how: 'routine' });
      now += durationMs;
    } else {
      // Lunch away from the desk, or a coffee, a meeting, a walk.
      const away = (now >= at(day, 12, 0) && now < at(day, 13, 30) && random() < 0.6 ? 35 : 6 + Math.floor(random() * 12)) * MIN;
      log({ type: 'breakTaken', at: now + away, how: 'natural' });
      now += away;
    }
  }
  return events;
}

/** Five weeks of working days before `picturedAt`, one bucket a day (the stored layout of utils/history/log.ts), and today's morning. */
function history(picturedAt: number): { buckets: Record<string, StoredEvent[]>; earliest: string; sittingSince: number } {
  const random = randomSource(20_240_611);
  const buckets: Record<string, StoredEvent[]> = {};
  const today = new Date(picturedAt);
  const firstDay = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 35);
  for (let i = 35; i >= 1; i--) {
    const day = new Date(today.getFullYear(), today.getMonth(), today.getDate() - i);
    if (day.getDay() === 0 || day.getDay() === 6) continue;
    // A day off now and then: nothing logged.
    if (random() < 0.06) continue;
    buckets[`events:${dayKey(day)}`] = workday(day, (35 - i) / 34, random);
  }
  // This morning: a stretch to the 09:06 reminder, a desk routine, a stretch to 09:52, a coffee; sitting again since 10:15.
  const key = dayKey(today);
  const morning: StoredEvent[] = [
    { type: 'breakDue', at: at(today, 9, 6), sittingMs: 45 * MIN },
    { type: 'sittingEnded', at: at(today, 9, 7), startedAt: at(today, 8, 21), durationMs: 46 * MIN },
    { type: 'routineCompleted', at: at(today, 9, 13), presetId: 'desk', durationMs: 5 * MIN + 20_000, stepsDone: 5, stepsTotal: 5 },
    { type: 'breakTaken', at: at(today, 9, 13), how: 'routine' },
    { type: 'sittingEnded', at: at(today, 9, 52), startedAt: at(today, 9, 13), durationMs: 39 * MIN },
    { type: 'breakTaken', at: at(today, 10, 15), how: 'natural' },
  ].map((e) => ({ ...e, day: key }));
  buckets[`events:${key}`] = morning;
  return { buckets, earliest: dayKey(firstDay), sittingSince: picturedAt - 25 * MIN };
}

const picturedAt = pictureTime();
const clockOffset = picturedAt - Date.now();
const { buckets, earliest, sittingSince } = history(picturedAt);

const harness = await launchExtension();
const { context } = harness;

/** Fires the worker's pending alarms now (alarms keep the real clock; the worker reads the moved one). */
const fireAlarms = (names: readonly string[]) =>
  harness.inWorker(async (alarmNames) => {
    const realNow = (globalThis as unknown as { realNow: () => number }).realNow;
    for (const name of alarmNames) {
      const pending = await chrome.alarms.get(name);
      await chrome.alarms.create(name, { when: realNow() + 300, ...(pending?.periodInMinutes ? { periodInMinutes: pending.periodInMinutes } : {}) });
    }
  }, names);

async function settle(page: Page): Promise<void> {
  await page.locator('main:not([aria-busy])').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
}

async function open(path: string, width: number, height: number): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  await page.goto(`chrome-extension://${harness.extensionId}/${path}`);
  return page;
}

/** The window the extension opens itself (the pop-out, the reminder), as the next page of the context. */
async function nextPage(ctx: BrowserContext, path: string, opening: Promise<unknown>): Promise<Page> {
  const [page] = await Promise.all([ctx.waitForEvent('page', { predicate: (p) => new URL(p.url()).pathname === path, timeout: 15_000 }), opening]);
  return page;
}

try {
  // One moved clock for the worker and every page: the worker keeps it while Playwright stays attached, so it is never stopped below.
  const moveClock = (offset: number) => {
    const RealDate = Date;
    const realNow = RealDate.now.bind(RealDate);
    (globalThis as unknown as { realNow: () => number }).realNow = realNow;
    class MovedDate extends RealDate {
      constructor(...args: unknown[]) {
        if (args.length === 0) super(realNow() + offset);
        else super(...(args as [number]));
      }
      static override now() {
        return realNow() + offset;
      }
    }
    globalThis.Date = MovedDate as DateConstructor;
  };
  await context.addInitScript(moveClock, clockOffset);
  for (const page of context.pages()) await page.close();

  await harness.inWorker(
    async ({ offset, moveClockSource, seeded }) => {
      // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the same function the pages get, rebuilt from its source in the worker
      const build = new Function(`return ${moveClockSource}`) as () => (offset: number) => void;
      build()(offset);
      await chrome.storage.local.set({
        ...seeded.buckets,
        // Totals from the first seeded day on: the next job folds the past days into them, as it does every day.
        totals: { through: seeded.earliest, days: {}, dropped: 0 },
        sitting: { sittingSince: seeded.sittingSince, lastSeenAt: Date.now() - 30_000 },
      });
    },
    { offset: clockOffset, moveClockSource: moveClock.toString(), seeded: { buckets, earliest, sittingSince } },
  );
  await fireAlarms(['sitting-refresh']);
  await new Promise((r) => setTimeout(r, 1500));

  const popup = await open('popup.html', 360, 600);
  await popup.getByRole('button', { name: 'Start routine' }).waitFor();
  await settle(popup);
  const idleHeight = await popup.evaluate(() => document.documentElement.scrollHeight);
  await popup.setViewportSize({ width: 360, height: Math.min(600, idleHeight) });
  await popup.screenshot({ path: `${OUT}/popup-idle.png` });

  const options = await open('options.html', 900, 1000);
  await options.getByRole('heading', { level: 1 }).waitFor();
  await settle(options);
  // The top of the page, down to the end of the active hours: the settings most people change.
  const activeHoursEnd = await options.locator('#active-hours').evaluate((section) => section.getBoundingClientRect().bottom);
  await options.screenshot({ path: `${OUT}/options.png`, fullPage: true, clip: { x: 0, y: 0, width: 900, height: Math.ceil(activeHoursEnd) + 10 } });
  // The whole page in view, so the sticky title stays at the top instead of over the history.
  await options.setViewportSize({ width: 900, height: await options.evaluate(() => document.documentElement.scrollHeight) });
  await options.waitForTimeout(600);
  await options.locator('#history').screenshot({ path: `${OUT}/history.png` });
  await options.close();

  const welcome = await open('welcome.html', 900, 1000);
  await welcome.getByRole('button', { name: 'Send a test reminder' }).waitFor();
  await settle(welcome);
  await welcome.screenshot({ path: `${OUT}/welcome.png`, fullPage: true });
  await welcome.close();

  // Start the daily goal (from the toolbar popup, so no pop-out window opens by itself).
  await popup.getByRole('radio', { name: /^Full reset/ }).check();
  await popup.getByRole('button', { name: 'Start routine' }).click();
  await popup.getByRole('timer').waitFor();
  // Past the five-second lead-in, into the first step with its picture.
  await popup.waitForTimeout(7000);
  await popup.setViewportSize({ width: 360, height: 600 });
  await settle(popup);
  await popup.screenshot({ path: `${OUT}/popup-running.png` });

  const popOut = await open('popup.html?view=window', 480, 640);
  await popOut.getByRole('timer').waitFor();
  await settle(popOut);
  await popOut.screenshot({ path: `${OUT}/pop-out.png` });

  const panel = await open('sidepanel.html', 360, 800);
  await panel.getByRole('timer').waitFor();
  await settle(panel);
  await panel.screenshot({ path: `${OUT}/side-panel.png` });
  await panel.close();
  await popOut.close();

  // Stop the routine, then a stretch long enough for a reminder: 50 minutes of sitting, seen a moment ago.
  await popup.getByRole('button', { name: 'Stop routine' }).click();
  await popup.getByRole('heading', { name: 'Routine stopped' }).waitFor();
  await popup.getByRole('button', { name: 'Done' }).click();
  await popup.getByRole('button', { name: 'Start routine' }).waitFor();
  await popup.close();
  await harness.inWorker(async () => {
    const { sitting } = await chrome.storage.local.get<{ sitting: Record<string, unknown> }>('sitting');
    await chrome.storage.local.set({ sitting: { ...sitting, sittingSince: Date.now() - 50 * 60_000, lastSeenAt: Date.now() - 30_000 } });
  });
  await fireAlarms(['sitting-refresh']);
  await new Promise((r) => setTimeout(r, 1500));
  const reminderId = await harness.inWorker(async () => {
    const notes = Object.keys(await chrome.notifications.getAll());
    const id = notes.find((n) => n.startsWith('break:'));
    if (!id) throw new Error(`No reminder is showing: ${JSON.stringify(await chrome.storage.local.get(['sitting', 'routine']))}`);
    return id;
  });
  const reminder = await nextPage(
    context,
    '/reminder.html',
    harness.inWorker((id) => chrome.notifications.onClicked.dispatch(id), reminderId),
  );
  await reminder.getByRole('heading', { name: 'Time to stand up' }).waitFor();
  // The window sizes itself to its content (entrypoints/reminder/fit-window.ts); Playwright's emulated viewport does not, so
  // the picture takes the content's height here.
  await reminder.setViewportSize({ width: 400, height: 320 });
  await settle(reminder);
  await reminder.setViewportSize({ width: 400, height: await reminder.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height)) });
  await reminder.screenshot({ path: `${OUT}/reminder.png` });

  for (const name of ['popup-idle', 'popup-running', 'pop-out', 'side-panel', 'options', 'history', 'welcome', 'reminder']) {
    const bytes = statSync(`${OUT}/${name}.png`).size;
    console.log(`${OUT}/${name}.png ${(bytes / 1024).toFixed(0)} KB`);
    if (bytes > MAX_BYTES) throw new Error(`${name}.png is over 200 KB`);
  }
} finally {
  await harness.close();
}
