import type { CDPSession, Page } from 'playwright-core';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';

/**
 * Helpers for the fault suite (issue 11): kill the worker at a chosen moment,
 * move its clock, read what the product shows, and list what is wrong.
 *
 * History storage is read and written ONLY in `seedHistory` and `readHistory`,
 * so a new event-log layout needs changes in these two functions alone.
 */

export const MIN = 60_000;
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A small seeded PRNG, so a failing random round can be replayed from its seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- history

/** An event as the export format carries it (utils/history/events.ts). */
export interface HistoryEvent {
  type: string;
  at: number;
  day: string;
  [field: string]: unknown;
}

export interface History {
  /** The raw events at or after `since` (all of them without it). */
  events: HistoryEvent[];
  /** How many raw events are stored in all. */
  count: number;
  /** Days compacted into totals (older than the raw events kept). */
  totals: Record<string, unknown>;
}

function localDayKey(at: number): string {
  const d = new Date(at);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * `days` × `perDay` valid events, all in the past and inside the last 30 days
 * (so compaction leaves them as they are), in time order.
 */
export function denseHistory(now: number, days = 30, perDay = 200): HistoryEvent[] {
  const events: HistoryEvent[] = [];
  for (let d = days - 1; d >= 0; d--) {
    // Days end an hour before now, so no seeded event ever counts as "since the round began".
    const dayEnd = now - 60 * MIN - d * 24 * 60 * MIN;
    for (let k = perDay - 1; k >= 0; k--) {
      const at = dayEnd - k * 4000;
      const day = localDayKey(at);
      switch (k % 6) {
        case 0:
          events.push({ type: 'breakDue', at, day, sittingMs: 45 * MIN });
          break;
        case 1:
          events.push({ type: 'breakTaken', at, day, how: 'routine' });
          break;
        case 2:
          events.push({ type: 'routineCompleted', at, day, presetId: 'desk', durationMs: 5 * MIN, stepsDone: 5, stepsTotal: 5 });
          break;
        case 3:
          events.push({ type: 'snoozed', at, day, count: 1 });
          break;
        case 4:
          events.push({ type: 'sittingEnded', at, day, startedAt: at - 30 * MIN, durationMs: 30 * MIN });
          break;
        default:
          events.push({ type: 'skipped', at, day });
      }
    }
  }
  return events;
}

/**
 * Replaces the history with `events`, through the product's own import (the
 * `data` command, the export format), keeping the stored settings and routines.
 * `settings` overrides stored settings fields (a reset leaves none).
 */
export async function seedHistory(h: ExtensionHarness, events: HistoryEvent[], settings: Record<string, unknown> = {}): Promise<void> {
  const page = await h.openPage('options.html');
  try {
    const reply = await page.evaluate(
      async ({ events, settings }) => {
        const stored = await chrome.storage.sync.get(['settings', 'presets']);
        const bundle = {
          format: 'roll-call-export',
          version: 1,
          exportedAt: new Date().toISOString(),
          settings: { ...(stored.settings as object | undefined), ...settings },
          presets: stored.presets ?? { builtIn: {}, custom: [] },
          events,
          dailyTotals: {},
        };
        return chrome.runtime.sendMessage<unknown, unknown>({ id: 1, type: 'data', data: { type: 'import', bundle }, timestamp: Date.now() });
      },
      { events, settings },
    );
    if ((reply as { res?: { ok?: boolean } } | undefined)?.res?.ok !== true) throw new Error(`seedHistory: the import was refused: ${JSON.stringify(reply)}`);
  } finally {
    await page.close();
  }
}

/**
 * The stored history: raw events (only those at or after `since`, and of the
 * given types, filtered in the browser so a dense history is not copied out
 * on every poll) and compacted days.
 */
export async function readHistory(h: ExtensionHarness, since = 0, types?: string[]): Promise<History> {
  return h.inWorker(
    async ({ since, types }) => {
      // The day buckets (utils/history/log.ts) hold the raw events; `totals` the folded days.
      const stored = await chrome.storage.local.get(null);
      const all = Object.keys(stored)
        .filter((key) => key.startsWith('events:'))
        .sort()
        .flatMap((key) => stored[key] as Array<{ at: number; type: string }>);
      return {
        events: all.filter((e) => !(e.at < since) && (!types || types.includes(e.type))) as HistoryEvent[],
        count: all.length,
        totals: (stored.totals as { days?: Record<string, unknown> } | undefined)?.days ?? {},
      };
    },
    { since, types },
  );
}

const ENDED = ['routineCompleted', 'routineStopped'];

/** Finished routines (completed or stopped) logged at or after `since` (by the worker's clock). */
export async function routinesEndedSince(h: ExtensionHarness, since: number): Promise<number> {
  return (await readHistory(h, since, ENDED)).events.length;
}

/** How many routines are logged as finished, counted from now: robust to a worker clock that was moved. */
export async function endedCounter(h: ExtensionHarness): Promise<EndedCounter> {
  const base = await routinesEndedSince(h, 0);
  return async (harness) => (await routinesEndedSince(harness, 0)) - base;
}

/** Counts routines logged as finished since some point of the round. */
export type EndedCounter = (h: ExtensionHarness) => Promise<number>;

/** Counts by time instead, for a round whose command replaces the history (import). */
export const endedAfter =
  (since: number): EndedCounter =>
  (h) =>
    routinesEndedSince(h, since);

// ---------------------------------------------------------------- the rig

export interface Rig {
  h: ExtensionHarness;
  /** A popup in a tab, kept open: the page the commands are clicked in. */
  popup: Page;
  /** The running worker's CDP target id (waking a stopped worker first), so a kill later costs one round trip; throws when there is none. */
  workerTarget(): Promise<string>;
  /** The id the running worker wrote when it started (utils/platform/storage/session.ts), read from the popup so the read wakes nothing. */
  workerStartId(): Promise<string>;
  /** Closes the worker target, the way Chrome stops an idle worker, and waits until it is gone (or a fresh start replaced it); throws when it cannot. */
  kill(targetId: string): Promise<void>;
  /** Waits until a start other than `before` has written its id: proof that a fresh worker runs. Throws after `timeoutMs`. */
  untilFreshStart(before: string, timeoutMs?: number): Promise<string>;
  /** Starts a stopped worker with a message from the open popup, as any click would (cheaper than a new page). */
  wake(): Promise<void>;
  /** Closes the browser and starts it again on the same profile. */
  relaunch(): Promise<void>;
  close(): Promise<void>;
}

/** Where each worker start writes its id, in storage.session (WORKER_START_KEY in utils/storage-keys.ts). */
const WORKER_START_KEY = 'workerStart';

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** A browser with the build loaded, active hours around now, and a popup tab ready. */
export async function launchRig(settings: Record<string, unknown> = {}): Promise<Rig> {
  let h = await launchExtension();
  await h.inWorker((s) => chrome.storage.sync.set({ settings: s }), { ...activeNowSettings(), ...settings });
  // A pending break alarm means the worker has applied the settings and tracks sitting.
  await untilTrue(async () => (await h.inWorker(() => chrome.alarms.get('sitting-break'))) !== undefined, 15_000, 'no sitting-break alarm after launch');
  let cdp: CDPSession | undefined;
  let popup = await openPopup(h);
  /** The start id last read by workerStartId(). */
  let lastStart: string | undefined;

  const session = async () => (cdp ??= await h.context.newCDPSession(await h.context.newPage()));
  const workerTargets = async () => {
    const { targetInfos } = (await (await session()).send('Target.getTargets')) as { targetInfos: TargetInfo[] };
    return targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(h.extensionId));
  };
  const readStartId = () => popup.evaluate(async (key) => ((await chrome.storage.session.get(key))[key] as { id?: string } | undefined)?.id, WORKER_START_KEY);

  const rig: Rig = {
    get h() {
      return h;
    },
    get popup() {
      return popup;
    },
    async workerTarget() {
      let [target] = await workerTargets();
      if (!target) {
        await rig.wake();
        await untilTrue(async () => (target = (await workerTargets())[0]) !== undefined, 10_000, 'no service worker target, even after a wake-up');
      }
      return target!.targetId;
    },
    async workerStartId() {
      await untilTrue(async () => (lastStart = await readStartId()) !== undefined, 10_000, `the running worker wrote no ${WORKER_START_KEY} id`);
      return lastStart!;
    },
    async kill(targetId) {
      const reply = (await (await session()).send('Target.closeTarget', { targetId }).catch((error: unknown) => {
        throw new Error(`the worker target ${targetId} could not be closed: ${String(error).split('\n')[0]}`);
      })) as { success?: boolean };
      if (reply.success === false) throw new Error(`the worker target ${targetId} refused to close`);
      // Gone, or already replaced by a fresh start (a worker started again at once may keep its target id).
      const gone = async () =>
        !(await workerTargets()).some((t) => t.targetId === targetId) || (lastStart !== undefined && (await readStartId()) !== lastStart);
      await untilTrue(gone, 5000, `the worker target ${targetId} is still there after it was closed`);
    },
    async untilFreshStart(before, timeoutMs = 10_000) {
      let id: string | undefined;
      await untilTrue(
        async () => (id = await readStartId()) !== undefined && id !== before,
        timeoutMs,
        `no fresh worker start: the start id is still ${before}`,
      );
      return id!;
    },
    async wake() {
      await popup.evaluate(() => chrome.runtime.sendMessage('wake').catch(() => undefined)).catch(() => h.wakeWorker());
    },
    async relaunch() {
      cdp = undefined;
      await h.close({ keepProfile: true });
      h = await launchExtension({ userDataDir: h.userDataDir });
      popup = await openPopup(h);
    },
    async close() {
      await h.close();
    },
  };
  return rig;
}

async function untilTrue(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check().catch(() => false))) {
    if (Date.now() > deadline) throw new Error(what);
    await sleep(50);
  }
}

/** Opens popup.html in a tab and waits for its first real paint. */
export async function openPopup(h: ExtensionHarness, clockShiftMs = 0): Promise<Page> {
  const page = await h.context.newPage();
  if (clockShiftMs !== 0) {
    await page.addInitScript((shift) => {
      const real = Date.now;
      Date.now = () => real() + shift;
    }, clockShiftMs);
  }
  await page.goto(`chrome-extension://${h.extensionId}/popup.html`);
  await page.locator('main:not(.loading)').waitFor({ timeout: 10_000 });
  return page;
}

// ---------------------------------------------------------------- what the product shows

export type View =
  | { kind: 'loading' }
  | { kind: 'running' | 'paused'; timer: string; progress: string }
  | { kind: 'finished'; title: string }
  | { kind: 'idle'; status: string; next: string; interval: string };

export function readView(page: Page): Promise<View> {
  return page.evaluate((): View => {
    const main = document.querySelector('main');
    const text = (selector: string) => document.querySelector(selector)?.textContent.trim() ?? '';
    if (!main || main.classList.contains('loading')) return { kind: 'loading' };
    if (main.classList.contains('running')) {
      return { kind: document.querySelector('.running__paused') ? 'paused' : 'running', timer: text('[role=timer]'), progress: text('.running__progress') };
    }
    if (main.classList.contains('finished')) return { kind: 'finished', title: text('main h1') };
    return { kind: 'idle', status: text('.status__main'), next: text('.status__next'), interval: text('.idle__interval') };
  });
}

/** Clicks the button with exactly this label, at once (no actionability wait); false when the view has none. */
export function press(page: Page, label: string): Promise<boolean> {
  // On the first step the Previous button says what it does there: it restarts the step.
  const names = label === LABEL.back ? [label, FIRST_STEP_BACK] : [label];
  return page.evaluate((names) => {
    const button = [...document.querySelectorAll('button')].find((el) => names.includes(el.textContent.trim()));
    button?.click();
    return button !== undefined;
  }, names);
}

const FIRST_STEP_BACK = 'Restart step';

export const LABEL = {
  start: 'Start routine',
  pause: 'Pause',
  resume: 'Resume',
  skip: 'Skip step',
  back: 'Previous step',
  stop: 'Stop routine',
  done: 'Done',
} as const;

export const ROUTINE_REST_TEXT = 'The clock rests while you do a routine.';

/** Waits until the page shows a view of one of these kinds (and, optionally, passes `also`). */
export async function untilView(page: Page, kinds: View['kind'][], timeoutMs = 8000, also: (v: View) => boolean = () => true): Promise<View> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const view = await readView(page);
    if (kinds.includes(view.kind) && also(view)) return view;
    if (Date.now() > deadline) throw new Error(`the popup shows ${JSON.stringify(view)}, not ${kinds.join(' or ')}`);
    await sleep(40);
  }
}

export const SITTING_ALARMS = ['sitting-break', 'sitting-refresh', 'sitting-resume'];
export const STEP_ALARM = 'routine-step';

export async function alarms(h: ExtensionHarness): Promise<chrome.alarms.Alarm[]> {
  return h.inWorker(() => chrome.alarms.getAll());
}

// ---------------------------------------------------------------- the worker's clock

/** Moves the running worker's Date.now by `ms`; `__realNow` keeps the real clock for re-created alarms. */
export async function shiftWorkerClock(h: ExtensionHarness, ms: number): Promise<void> {
  await h.inWorker((shift) => {
    const g = globalThis as { __realNow?: () => number };
    const real = (g.__realNow ??= Date.now.bind(Date));
    Date.now = () => real() + shift;
  }, ms);
}

/** Re-creates a pending alarm to fire `inMs` from now on the real clock; returns false if it was not pending. */
export async function fireAlarmSoon(h: ExtensionHarness, name: string, inMs = 100): Promise<boolean> {
  return h.inWorker(
    async ({ name, inMs }) => {
      const real = (globalThis as { __realNow?: () => number }).__realNow ?? Date.now;
      if (!(await chrome.alarms.get(name))) return false;
      await chrome.alarms.create(name, { when: real() + inMs });
      return true;
    },
    { name, inMs },
  );
}

// ---------------------------------------------------------------- the reminder itself

/**
 * Settings under which a reminder can be brought on in a second: the shortest interval, and a natural-break
 * threshold longer than the time the worker's clock is then moved (a larger jump would read as time away).
 */
export const REMINDER_SETTINGS = { sittingIntervalMin: 10, breakThresholdMin: 60 } as const;

/** Puts REMINDER_SETTINGS in place, and waits until the worker's break alarm follows them. */
export async function applyReminderSettings(h: ExtensionHarness): Promise<void> {
  await h.inWorker(async (patch) => {
    const { settings } = await chrome.storage.sync.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings as object), ...patch } });
  }, REMINDER_SETTINGS);
  const latest = Date.now() + REMINDER_SETTINGS.sittingIntervalMin * MIN + 5000;
  await untilTrue(
    async () => ((await h.inWorker(() => chrome.alarms.get('sitting-break')))?.scheduledTime ?? Infinity) <= latest,
    10_000,
    'the break alarm does not follow the reminder settings',
  );
}

const breakNotifications = async (h: ExtensionHarness) =>
  Object.keys(await h.inWorker(() => chrome.notifications.getAll())).filter((id) => id.startsWith('break:'));

/**
 * Proves that reminders still come: a routine left running is stopped and dismissed, the interval (and a few
 * minutes more, for a routine that ended on a clock moved ahead) passes on the worker's clock, the pending sitting
 * alarms fire, and a new `break:` notification must show. Firing only what is pending means a lost alarm is a
 * lost reminder, as it would be for the user.
 */
export async function reminderProblems(h: ExtensionHarness, timeoutMs = 8000): Promise<string[]> {
  const page = await openPopup(h);
  try {
    let view = await readView(page);
    if (view.kind === 'running' || view.kind === 'paused') {
      await press(page, LABEL.stop);
      view = await untilView(page, ['finished', 'idle']);
    }
    if (view.kind === 'finished') {
      await press(page, LABEL.done);
      view = await untilView(page, ['idle']);
    }
    if (view.kind !== 'idle' || view.status === ROUTINE_REST_TEXT) return [`before the reminder, the popup shows ${JSON.stringify(view)}`];
  } finally {
    await page.close();
  }
  const before = await breakNotifications(h);
  const interval = await h.inWorker(
    async () => ((await chrome.storage.sync.get('settings')).settings as { sittingIntervalMin?: number } | undefined)?.sittingIntervalMin ?? 45,
  );
  const passedMin = interval + 5;
  if (passedMin >= REMINDER_SETTINGS.breakThresholdMin) throw new Error(`reminderProblems: ${passedMin} min would read as time away; use REMINDER_SETTINGS`);
  await shiftWorkerClock(h, passedMin * MIN);
  const pending = (await alarms(h)).map((a) => a.name).filter((name) => SITTING_ALARMS.includes(name));
  if (pending.length === 0) return ['no sitting alarm is pending to bring the reminder'];
  for (const name of pending) await fireAlarmSoon(h, name, 100);
  const deadline = Date.now() + timeoutMs;
  while (Date.now() <= deadline) {
    if ((await breakNotifications(h)).some((id) => !before.includes(id))) return [];
    await sleep(100);
  }
  return [
    `no break reminder showed within ${timeoutMs} ms of ${passedMin} min of sitting (fired: ${pending.join(', ')}; break notifications before: ${before.join(', ') || 'none'})`,
  ];
}

// ---------------------------------------------------------------- the invariants

/** Every number under a key that names a duration (…Ms) is ≥ 0; every timestamp-like number is finite and a valid Date. */
export function badNumbers(value: unknown, path = ''): string[] {
  if (typeof value === 'number') {
    const key = path.split('.').at(-1) ?? '';
    if (!Number.isFinite(value)) return [`${path} = ${value}`];
    if (/Ms$/.test(key) && value < 0) return [`${path} = ${value} (negative duration)`];
    if (/(At|Since|until|when)$/.test(key) && (value < 0 || Number.isNaN(new Date(value).getTime()))) return [`${path} = ${value} (bad time)`];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => badNumbers(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => badNumbers(v, path ? `${path}.${k}` : k));
  return [];
}

export interface Expectation {
  /** Routines logged as finished since the round's routine started (or the command, when no routine ran before it). */
  ended: EndedCounter;
  /** A routine was running or paused when the command came, so it must end up either still active or in history once. */
  routineBefore: boolean;
  /** Routines that had already ended in the round before the command (random sequences). */
  alreadyEnded?: number;
}

export interface Observation {
  view: View;
  alarmNames: string[];
  ended: number;
}

/** What is wrong now, judged through the product's own state: a fresh popup, the alarms and the history. */
export async function observe(h: ExtensionHarness, ended: EndedCounter): Promise<Observation> {
  const page = await openPopup(h);
  try {
    const view = await readView(page);
    const alarmNames = (await alarms(h)).map((a) => a.name).sort();
    return { view, alarmNames, ended: await ended(h) };
  } finally {
    await page.close();
  }
}

export function violations(o: Observation, expect: Expectation): string[] {
  const problems: string[] = [];
  const active = o.view.kind === 'running' || o.view.kind === 'paused';
  if (o.view.kind === 'loading') problems.push('the popup shows nothing');
  if (o.view.kind === 'idle' && o.view.status === ROUTINE_REST_TEXT) problems.push(`no routine runs, yet the popup says "${ROUTINE_REST_TEXT}"`);
  if (active) {
    if (o.view.kind === 'running' && !o.alarmNames.includes(STEP_ALARM))
      problems.push(`a routine runs with no ${STEP_ALARM} alarm (alarms: ${o.alarmNames.join(', ') || 'none'})`);
    if (o.alarmNames.includes('sitting-break')) problems.push('a routine runs, yet a sitting-break alarm is pending');
  } else {
    if (!o.alarmNames.some((n) => SITTING_ALARMS.includes(n)))
      problems.push(`no routine runs and no sitting alarm is pending (alarms: ${o.alarmNames.join(', ') || 'none'})`);
    if (o.alarmNames.includes(STEP_ALARM)) problems.push(`no routine runs, yet a ${STEP_ALARM} alarm is left`);
  }
  const wantEnded = (expect.alreadyEnded ?? 0) + (expect.routineBefore && !active ? 1 : 0);
  if (o.ended !== wantEnded) problems.push(`the routine is in history ${o.ended} times, not ${wantEnded}`);
  return problems;
}

/**
 * Polls until the invariants hold, or the time is up; returns what was still
 * wrong then (empty when all held). A finished view is dismissed with Done
 * first, and the sitting status then checked too, since a stuck tracker
 * outlives Done.
 */
export const SETTLE_MS = Number(process.env.FAULT_SETTLE_MS ?? 8000);

export async function settleAndCheck(h: ExtensionHarness, expectation: Expectation, timeoutMs = SETTLE_MS): Promise<{ problems: string[]; view: View }> {
  const deadline = Date.now() + timeoutMs;
  let last: Observation | undefined;
  let problems: string[] = ['never observed'];
  while (Date.now() <= deadline) {
    last = await observe(h, expectation.ended).catch((error: unknown) => {
      problems = [`could not observe: ${String(error).split('\n')[0]}`];
      return undefined;
    });
    if (last) {
      problems = violations(last, expectation);
      if (problems.length === 0) break;
    }
    await sleep(150);
  }
  if (problems.length > 0 || !last) return { problems, view: last?.view ?? { kind: 'loading' } };
  if (last.view.kind !== 'finished') return { problems, view: last.view };
  // A finished routine: Done must lead to sitting tracked again, not to the routine-rest text.
  const page = await openPopup(h);
  try {
    await press(page, LABEL.done);
    const idle = await untilView(page, ['idle'], timeoutMs).catch(() => undefined);
    if (!idle) return { problems: ['Done did not lead back to the idle view'], view: last.view };
    const after = await observe(h, expectation.ended);
    return { problems: violations(after, expectation), view: after.view };
  } finally {
    await page.close();
  }
}

// ---------------------------------------------------------------- commands the way a page sends them

/** Sends a command from an extension page in the envelope pages use (utils/platform/messaging/send.ts). */
export function sendCommandFrom(page: Page, type: string, data?: unknown): Promise<unknown> {
  return page.evaluate(({ type, data }) => chrome.runtime.sendMessage({ type, data }), { type, data });
}

/**
 * Puts the product back to a clean start after a round left it broken:
 * the product's own reset, then the round's history and settings again.
 */
export async function resetAndReseed(rig: Rig, history: HistoryEvent[]): Promise<void> {
  const page = await rig.h.openPage('options.html');
  try {
    await sendCommandFrom(page, 'data', { type: 'reset' });
  } finally {
    await page.close();
  }
  await seedHistory(rig.h, history, activeNowSettings());
}
