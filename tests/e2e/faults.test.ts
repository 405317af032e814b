import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { UNDO_STOP_MS } from '../../utils/routine/timer';
import {
  LABEL,
  MIN,
  ROUTINE_REST_TEXT,
  SITTING_ALARMS,
  STEP_ALARM,
  alarms,
  applyReminderSettings,
  badNumbers,
  denseHistory,
  endedAfter,
  endedCounter,
  fireAlarmSoon,
  launchRig,
  mulberry32,
  openPopup,
  press,
  readHistory,
  readView,
  reminderProblems,
  resetAndReseed,
  routinesEndedSince,
  seedHistory,
  sendCommandFrom,
  settleAndCheck,
  shiftWorkerClock,
  sleep,
  untilView,
  type EndedCounter,
  type Expectation,
  type HistoryEvent,
  type Rig,
  type View,
  SETTLE_MS,
} from './fault-helpers';

/**
 * The fault suite of issue 11: the worker is killed at many moments after
 * each kind of command, then woken (or the browser restarted), and the
 * product must have healed: sitting tracked again with an alarm, or the
 * routine still running with its step alarm, and a finished routine in
 * history exactly once.
 *
 * Every kill is proven: the worker's CDP target must close and be gone, and the next worker must write a
 * start id of its own to storage.session (a round whose kill found no worker, or whose worker never started
 * again, fails instead of passing on an unkilled worker).
 *
 * Round counts (each test its own browser):
 * - kills: 6 commands (Start, Stop, Skip past the last step, the last step's alarm, a settings change,
 *   import) × (7 delays, 0–60 ms every 10 ms, with an empty history + 5 delays, 0–60 ms every 15 ms, with
 *   30 days × 200 events) = 72 rounds; in each test the 30 ms round restarts the browser on the same
 *   profile instead of waking the worker;
 * - the reminder itself: one more round per command (6), a kill 20 ms after it with the shortest interval,
 *   after which the interval passes on the worker's clock and a real `break:` notification must show (a
 *   sitting alarm pending is not enough: the refresh alone would pass that);
 * - random sequences: 6 rounds of 2–5 commands from two popups, the last one followed by a kill 0–60 ms later
 *   (1 in 5 with a restart); replay one with FAULT_SEED=<seed>;
 * - the clock set back 3 hours: during a running routine, a paused routine and a sitting stretch.
 * A failing round waits out its checks (8 s, FAULT_SETTLE_MS: with less, a slow recovery on a loaded
 * machine looked like a fault) and then repairs the product with its own reset, so a run with the bug
 * present takes much longer than a healthy one. FAULT_DEBUG=1 prints each round's phases.
 */

/** Kill delays: every 10 ms with an empty history, every 15 ms with the dense one (within the 90-minute CI on 2 cores). */
const DELAYS = { empty: Array.from({ length: 7 }, (_, i) => i * 10), dense: Array.from({ length: 5 }, (_, i) => i * 15) };
/** The round (30 ms) that restarts the browser on the same profile instead of waking the worker. */
const RESTART_DELAY = 30;
/** The kill delay of the extra round, one per command, that waits for a real reminder afterwards. */
const REMINDER_DELAY = 20;
const RANDOM_ROUNDS = 6;
const STEPS = 5; // the Desk break, the default routine the popup starts
const HOUR = 60 * MIN;

interface Round extends Expectation {
  /** Sends the command; resolves as soon as it has left the page (or the alarm is due). */
  act(): Promise<void>;
  /** Further checks of this command, polled like the invariants. */
  extra?(): Promise<string[]>;
  /** Runs after the checks: a follow-up whose result is checked too (the routine ending after an import). */
  after?(): Promise<string[]>;
  /** How long the state may take to settle, when the command itself holds it for a while (Stop's Undo). */
  settleMs?: number;
  cleanup?(): Promise<void>;
}

interface Command {
  name: string;
  prepare(rig: Rig, history: HistoryEvent[]): Promise<Round>;
}

async function pressOrThrow(page: Page, label: string): Promise<void> {
  if (!(await press(page, label))) throw new Error(`the popup has no "${label}" button: ${JSON.stringify(await readView(page))}`);
}

async function startRoutine(rig: Rig): Promise<void> {
  await pressOrThrow(rig.popup, LABEL.start);
  await untilView(rig.popup, ['running']);
}

async function toLastStep(rig: Rig): Promise<void> {
  await startRoutine(rig);
  for (let step = 2; step <= STEPS; step++) {
    await pressOrThrow(rig.popup, LABEL.skip);
    await untilView(rig.popup, ['running'], 8000, (v) => v.kind === 'running' && v.progress.startsWith(`Step ${step} of ${STEPS}`));
  }
}

const COMMANDS: Command[] = [
  {
    name: 'Start',
    async prepare(rig) {
      return { ended: await endedCounter(rig.h), routineBefore: false, act: () => pressOrThrow(rig.popup, LABEL.start) };
    },
  },
  {
    name: 'Stop',
    async prepare(rig) {
      const ended = await endedCounter(rig.h);
      await startRoutine(rig);
      // Stop holds the routine for Undo first: it can end, and be counted, only once the hold is over.
      return { ended, routineBefore: true, act: () => pressOrThrow(rig.popup, LABEL.stop), settleMs: SETTLE_MS + UNDO_STOP_MS };
    },
  },
  {
    name: 'Skip past the last step',
    async prepare(rig) {
      const ended = await endedCounter(rig.h);
      await toLastStep(rig);
      return { ended, routineBefore: true, act: () => pressOrThrow(rig.popup, LABEL.skip) };
    },
  },
  {
    name: "the last step's alarm",
    async prepare(rig) {
      // Counted, not timed: the routine ends on the worker's clock, two minutes ahead.
      const ended = await endedCounter(rig.h);
      await toLastStep(rig);
      // The worker's clock (Date.now) moves past the last step's end; the alarm, re-created to fire on the real
      // clock, then comes at once, and the timestamp-based core finds the step over.
      await shiftWorkerClock(rig.h, 2 * MIN);
      return {
        ended,
        routineBefore: true,
        async act() {
          if (!(await fireAlarmSoon(rig.h, STEP_ALARM, 100))) throw new Error('no step alarm was pending on the last step');
          await sleep(100);
        },
      };
    },
  },
  {
    name: 'a settings change',
    async prepare(rig) {
      const page = await rig.h.openPage('options.html');
      const current = await page.evaluate(
        async () => ((await chrome.storage.sync.get('settings')).settings as { sittingIntervalMin?: number } | undefined)?.sittingIntervalMin,
      );
      const interval = current === 20 ? 90 : 20;
      return {
        ended: await endedCounter(rig.h),
        routineBefore: false,
        // As a change from the options page, or from another device through sync, arrives.
        act: () =>
          page.evaluate(async (sittingIntervalMin) => {
            const { settings } = await chrome.storage.sync.get('settings');
            await chrome.storage.sync.set({ settings: { ...(settings as object), sittingIntervalMin } });
          }, interval),
        async extra() {
          const problems: string[] = [];
          const popup = await openPopup(rig.h);
          const view = await readView(popup);
          await popup.close();
          if (view.kind !== 'idle' || view.interval !== `Reminder every ${interval} min`)
            problems.push(`the popup shows ${JSON.stringify(view)}, not the new interval ${interval}`);
          const due = (await alarms(rig.h)).find((a) => a.name === 'sitting-break')?.scheduledTime;
          const now = Date.now();
          if (due === undefined) problems.push('no sitting-break alarm after the settings change');
          else if (interval === 20 ? due > now + 20 * MIN + 5000 : due < now + 60 * MIN) {
            problems.push(`the sitting-break alarm is ${Math.round((due - now) / MIN)} min away, which does not follow the new interval of ${interval} min`);
          }
          return problems;
        },
        cleanup: () => page.close(),
      };
    },
  },
  {
    name: 'import',
    async prepare(rig, history) {
      const since = Date.now();
      await startRoutine(rig);
      const before = (await readHistory(rig.h, Infinity)).count;
      const other = history.length > 0 ? history.slice(0, -10) : denseHistory(since, 1, 20);
      const incoming = before === history.length ? other : history;
      const page = await rig.h.openPage('options.html');
      // The bundle is built before the clock starts, so the kill delay counts from the message leaving the page.
      await page.evaluate(async (events) => {
        const stored = await chrome.storage.sync.get(['settings', 'presets']);
        (globalThis as { bundle?: unknown }).bundle = {
          format: 'roll-call-export',
          version: 1,
          exportedAt: new Date().toISOString(),
          settings: stored.settings,
          presets: stored.presets ?? { builtIn: {}, custom: [] },
          events,
          dailyTotals: {},
        };
      }, incoming);
      return {
        // Timed, not counted: the import replaces the history, and the worker's clock is the real one here.
        ended: endedAfter(since),
        routineBefore: true,
        act: () =>
          page.evaluate(() => {
            void chrome.runtime.sendMessage({
              id: 7,
              type: 'data',
              data: { type: 'import', bundle: (globalThis as { bundle?: unknown }).bundle },
              timestamp: Date.now(),
            });
          }),
        async extra() {
          const { count } = await readHistory(rig.h, Infinity);
          return count === before || count === incoming.length
            ? []
            : [`the history holds ${count} events: neither the ${before} before nor the ${incoming.length} imported`];
        },
        async after() {
          // The routine that ran through the import still ends in history, once.
          const view = await readView(rig.popup);
          if (view.kind !== 'running' && view.kind !== 'paused') return [];
          await pressOrThrow(rig.popup, LABEL.stop);
          const { problems } = await settleAndCheck(rig.h, { ended: endedAfter(since), routineBefore: true });
          return problems.map((p) => `after Stop: ${p}`);
        },
        cleanup: () => page.close(),
      };
    },
  },
];

/** Back to the idle view with sitting tracked; a round that left the product broken is repaired with its own reset. */
async function toBaseline(rig: Rig, history: HistoryEvent[]): Promise<void> {
  try {
    let view = await untilView(rig.popup, ['idle', 'running', 'paused', 'finished'], 5000);
    if (view.kind === 'running' || view.kind === 'paused') {
      await pressOrThrow(rig.popup, LABEL.stop);
      view = await untilView(rig.popup, ['finished', 'idle'], 5000);
    }
    if (view.kind === 'finished') {
      await pressOrThrow(rig.popup, LABEL.done);
      view = await untilView(rig.popup, ['idle'], 5000);
    }
    const names = (await alarms(rig.h)).map((a) => a.name);
    if (view.kind === 'idle' && view.status !== ROUTINE_REST_TEXT && names.some((n) => SITTING_ALARMS.includes(n)) && !names.includes(STEP_ALARM)) return;
  } catch {
    // Repaired below.
  }
  await resetAndReseed(rig, history);
  await untilView(rig.popup, ['idle'], 10_000, (v) => v.kind === 'idle' && v.status !== ROUTINE_REST_TEXT);
}

async function pollProblems(check: () => Promise<string[]>, timeoutMs = 4000): Promise<string[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const problems = await check().catch((error: unknown) => [`check failed: ${String(error).split('\n')[0]}`]);
    if (problems.length === 0 || Date.now() > deadline) return problems;
    await sleep(200);
  }
}

async function checkRound(rig: Rig, round: Round): Promise<string[]> {
  const { problems } = await settleAndCheck(rig.h, round, round.settleMs);
  if (problems.length === 0 && round.extra) problems.push(...(await pollProblems(round.extra)));
  if (problems.length === 0 && round.after) problems.push(...(await round.after()));
  return problems;
}

async function killRounds(command: Command, dense: boolean): Promise<void> {
  const label = `${command.name} / ${dense ? '30 days × 200 events' : 'empty history'}`;
  const delays = dense ? DELAYS.dense : [...DELAYS.empty, REMINDER_DELAY];
  const started = Date.now();
  const rig = await launchRig();
  const failures: string[] = [];
  try {
    const history = dense ? denseHistory(Date.now()) : [];
    if (dense) await seedHistory(rig.h, history);
    for (const [index, delay] of delays.entries()) {
      const restart = delay === RESTART_DELAY;
      // The last round with an empty history also waits for a real reminder after its kill.
      const reminder = !dense && index === delays.length - 1;
      const t = [Date.now()];
      await toBaseline(rig, history);
      if (reminder) await applyReminderSettings(rig.h);
      t.push(Date.now());
      const round = await command.prepare(rig, history);
      t.push(Date.now());
      const target = await rig.workerTarget();
      const start = await rig.workerStartId();
      await round.act();
      await sleep(delay);
      await rig.kill(target);
      t.push(Date.now());
      if (restart) await rig.relaunch();
      else await rig.wake();
      // The kill is proven, not assumed: the worker that comes next wrote a start id of its own.
      const problems: string[] = await rig.untilFreshStart(start).then(
        () => [],
        (error: unknown) => [String(error).split('\n')[0]!],
      );
      t.push(Date.now());
      if (problems.length === 0) problems.push(...(await checkRound(rig, round)));
      t.push(Date.now());
      if (problems.length === 0 && reminder) problems.push(...(await reminderProblems(rig.h)).map((p) => `then the reminder: ${p}`));
      t.push(Date.now());
      if (process.env.FAULT_DEBUG)
        console.info(
          `round ${index}: ${t
            .slice(1)
            .map((x, i) => x - t[i]!)
            .join(' ')} ms`,
        );
      await round.cleanup?.().catch(() => undefined);
      if (problems.length > 0)
        failures.push(
          `kill ${delay} ms after ${command.name}${restart ? ', then a browser restart' : ''}${reminder ? ' (the reminder round)' : ''}: ${problems.join('; ')}`,
        );
    }
  } finally {
    await rig.close();
  }
  console.info(`faults: ${label}: ${failures.length} of ${delays.length} rounds failed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
  expect(failures, `${label}: ${failures.length} of ${delays.length} rounds failed`).toEqual([]);
}

describe('killing the worker after each command (issue 11)', () => {
  for (const command of COMMANDS) {
    for (const dense of [false, true]) {
      it(
        `${command.name}, ${dense ? 'with 30 days × 200 events' : 'with an empty history'}: heals after every kill`,
        () => killRounds(command, dense),
        240_000,
      );
    }
  }
});

function choices(view: View): string[] {
  switch (view.kind) {
    case 'idle':
      return [LABEL.start];
    case 'running':
      return [LABEL.pause, LABEL.skip, LABEL.skip, LABEL.back, LABEL.stop];
    case 'paused':
      return [LABEL.resume, LABEL.skip, LABEL.back, LABEL.stop];
    case 'finished':
      return [LABEL.done];
    case 'loading':
      return [];
  }
}

const isActive = (view: View) => view.kind === 'running' || view.kind === 'paused';
const sameView = (a: View, b: View) =>
  a.kind === b.kind &&
  (a.kind !== 'running' && a.kind !== 'paused' ? true : a.progress.split(' · ')[0] === (b as { progress: string }).progress.split(' · ')[0]);

describe('random command sequences from two views, with kills (issue 11)', () => {
  it('keeps every invariant after each round', async () => {
    const seed = Number(process.env.FAULT_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = mulberry32(seed);
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
    const rig = await launchRig();
    const failures: string[] = [];
    const started = Date.now();
    try {
      const history = denseHistory(Date.now(), 10, 200);
      await seedHistory(rig.h, history);
      let other = await openPopup(rig.h);
      for (let round = 1; round <= RANDOM_ROUNDS; round++) {
        const steps: string[] = [];
        try {
          const counter = await endedCounter(rig.h);
          let ended = 0;
          const length = 2 + Math.floor(random() * 4);
          let expectation: Expectation | undefined;
          let restart = false;
          let delay = 0;
          let start = '';
          for (let n = 1; n <= length; n++) {
            const tab = random() < 0.5 ? rig.popup : other;
            const view = await untilView(tab, ['idle', 'running', 'paused', 'finished']);
            const label = pick(choices(view));
            steps.push(`${tab === rig.popup ? 'A' : 'B'}:${label}`);
            if (n < length) {
              await pressOrThrow(tab, label);
              // The background's queue answers this only after the command before it is done.
              await sendCommandFrom(tab, 'refresh');
              let after: View = { kind: 'loading' };
              const deadline = Date.now() + 8000;
              for (;;) {
                after = await readView(rig.popup);
                if (after.kind !== 'loading' && sameView(after, await readView(other))) break;
                if (Date.now() > deadline) throw new Error('the two views disagree');
                await sleep(40);
              }
              if (isActive(view) && !isActive(after)) ended++;
              continue;
            }
            delay = Math.floor(random() * 61);
            restart = random() < 0.2;
            expectation = { ended: counter, routineBefore: isActive(view), alreadyEnded: ended };
            const target = await rig.workerTarget();
            start = await rig.workerStartId();
            await pressOrThrow(tab, label);
            await sleep(delay);
            await rig.kill(target);
          }
          if (restart) {
            await rig.relaunch();
            other = await openPopup(rig.h);
          } else {
            await rig.wake();
          }
          // A round whose kill did not start a fresh worker throws here, and ends the test as a failure.
          await rig.untilFreshStart(start);
          const { problems } = await settleAndCheck(rig.h, expectation!);
          if (problems.length > 0) {
            failures.push(
              `FAULT_SEED=${seed} round ${round}: ${steps.join(' → ')}, kill ${delay} ms after the last${restart ? ', restart' : ''}: ${problems.join('; ')}`,
            );
            await resetAndReseed(rig, history);
          }
        } catch (error) {
          // A round that could not be played to its end (a view stuck, a button missing) is a failure too; it ends the test.
          failures.push(`FAULT_SEED=${seed} round ${round}: ${steps.join(' → ')}: ${String(error).split('\n')[0]}`);
          break;
        }
      }
    } finally {
      await rig.close();
    }
    console.info(
      `faults: random sequences (FAULT_SEED=${seed}): ${failures.length} of ${RANDOM_ROUNDS} rounds failed, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    expect(failures, `FAULT_SEED=${seed}: ${failures.length} of ${RANDOM_ROUNDS} rounds failed`).toEqual([]);
  }, 240_000);
});

// ---------------------------------------------------------------- the clock set back

const BACK = -3 * HOUR;

/** Active hours from 4 hours ago to 3 hours ahead, so the set-back clock is still inside them. */
function activeAroundBack(now = Date.now()): Record<string, unknown> {
  const hhmm = (at: number) => {
    const d = new Date(at);
    return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  };
  return { activeDays: [0, 1, 2, 3, 4, 5, 6], activeStart: hhmm(now - 4 * HOUR), activeEnd: hhmm(now + 3 * HOUR) };
}

function seconds(clock: string): number {
  const [m, s] = clock.split(':').map(Number);
  return m! * 60 + s!;
}

/** Everything stored locally and the history: no negative duration, no time outside the Date range. */
async function storedNumberProblems(rig: Rig): Promise<string[]> {
  const local = await rig.h.inWorker(() => chrome.storage.local.get(null));
  return [...badNumbers(local), ...badNumbers(await readHistory(rig.h), 'history')];
}

/** Two readings of the countdown in a popup on the set-back clock: it must move, and not sit at the step's full length. */
async function countdownProblems(rig: Rig, fullSec: number): Promise<string[]> {
  const popup = await openPopup(rig.h, BACK);
  try {
    const first = await untilView(popup, ['running', 'paused', 'idle', 'finished']);
    if (first.kind !== 'running') return [`the routine is gone: the popup shows ${JSON.stringify(first)}`];
    // Polled: a moving countdown changes within a second or two; a frozen one never does.
    let second: View = first;
    for (const deadline = Date.now() + 3000; second.kind === 'running' && second.timer === first.timer && Date.now() < deadline;) {
      await sleep(100);
      second = await readView(popup);
    }
    if (second.kind !== 'running') return [`the routine is gone: the popup shows ${JSON.stringify(second)}`];
    const problems: string[] = [];
    if (second.timer === first.timer) problems.push(`the countdown is frozen at ${first.timer}`);
    if (seconds(second.timer) >= fullSec) problems.push(`the countdown still shows the step's full length (${second.timer})`);
    return problems;
  } finally {
    await popup.close();
  }
}

/** Stops the routine from a popup on the set-back clock: it must be logged once, with a sane length, and sitting tracked again. */
async function stopAndCheck(rig: Rig, ended: EndedCounter): Promise<string[]> {
  const popup = await openPopup(rig.h, BACK);
  try {
    const view = await readView(popup);
    if (!isActive(view)) return [`no routine to stop: the popup shows ${JSON.stringify(view)}`];
    await pressOrThrow(popup, LABEL.stop);
  } finally {
    await popup.close();
  }
  const { problems } = await settleAndCheck(rig.h, { ended, routineBefore: true });
  return problems;
}

describe('the clock set back 3 hours (issue 11)', () => {
  it('during a running routine: the countdown keeps moving and the routine is kept', async () => {
    const rig = await launchRig(activeAroundBack());
    try {
      const ended = await endedCounter(rig.h);
      await startRoutine(rig);
      await shiftWorkerClock(rig.h, BACK);
      // A job on the set-back clock: the step alarm, re-created to fire on the real clock, comes at once.
      expect(await fireAlarmSoon(rig.h, STEP_ALARM, 100)).toBe(true);
      // Fired once the alarm is no longer the one set just now: its job re-armed it for the step's real end (or ended it).
      const firing = (await alarms(rig.h)).find((a) => a.name === STEP_ALARM)?.scheduledTime;
      await expect.poll(async () => (await alarms(rig.h)).find((a) => a.name === STEP_ALARM)?.scheduledTime).not.toBe(firing);
      expect(await pollProblems(() => countdownProblems(rig, 90), 6000)).toEqual([]);
      expect(await storedNumberProblems(rig)).toEqual([]);
      expect(await stopAndCheck(rig, ended)).toEqual([]);
      expect(await storedNumberProblems(rig)).toEqual([]);
    } finally {
      await rig.close();
    }
  });

  it('during a paused routine: Resume keeps the routine, with no negative pause', async () => {
    const rig = await launchRig(activeAroundBack());
    try {
      const ended = await endedCounter(rig.h);
      await startRoutine(rig);
      await pressOrThrow(rig.popup, LABEL.pause);
      await untilView(rig.popup, ['paused']);
      await shiftWorkerClock(rig.h, BACK);
      const popup = await openPopup(rig.h, BACK);
      await pressOrThrow(popup, LABEL.resume);
      await popup.close();
      expect(await pollProblems(() => countdownProblems(rig, 90), 6000)).toEqual([]);
      expect(await storedNumberProblems(rig)).toEqual([]);
      expect(await stopAndCheck(rig, ended)).toEqual([]);
      expect(await storedNumberProblems(rig)).toEqual([]);
    } finally {
      await rig.close();
    }
  });

  it('during a sitting stretch: the next break stays within the interval, with no negative durations', async () => {
    const rig = await launchRig({ ...activeAroundBack(), sittingIntervalMin: 30 });
    try {
      await shiftWorkerClock(rig.h, BACK);
      // A job on the set-back clock: activity reported by the idle API.
      await rig.h.inWorker(() => chrome.idle.onStateChanged.dispatch('active'));
      const problems = await pollProblems(async () => {
        const popup = await openPopup(rig.h, BACK);
        const view = await readView(popup);
        await popup.close();
        if (view.kind !== 'idle') return [`the popup shows ${JSON.stringify(view)}`];
        const next = /Next break in (\d+) min/.exec(view.next);
        const sat = /Sitting for (-?\d+) min/.exec(view.status);
        const found: string[] = [];
        if (!sat || Number(sat[1]) < 0) found.push(`the sitting time reads "${view.status}"`);
        if (!next || Number(next[1]) > 30) found.push(`the next break reads "${view.next}", not within the 30 min interval`);
        const names = (await alarms(rig.h)).map((a) => a.name);
        if (!names.some((n) => SITTING_ALARMS.includes(n))) found.push(`no sitting alarm (alarms: ${names.join(', ') || 'none'})`);
        return found;
      }, 6000);
      expect(problems).toEqual([]);
      expect(await storedNumberProblems(rig)).toEqual([]);
      expect(await routinesEndedSince(rig.h, 0)).toBe(0);
    } finally {
      await rig.close();
    }
  });
});
