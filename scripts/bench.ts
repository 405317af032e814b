// npm run bench: prints Roll Call's speed, size and memory figures against the design's budgets.
// Figures only: timings drift on shared machines, so nothing here fails a build.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BYTE_BUDGETS, DRAWINGS_BUDGET, TIMING_BUDGETS } from './budgets.ts';
import { measureDrawings, measureEntrypoints } from './bundle-sizes.ts';
import { measureCuesWithViewsClosed, printCueFigures } from './cue-lateness.ts';
import { launchExtension, EXTENSION_DIR, type ExtensionHarness } from '../tests/e2e/fixture.ts';
import type { Page } from 'playwright-core';

const OPENS = 25;
const CUE_STEPS = 6;
const STEP_SEC = 3;
const POLICY_LOCK = '/tmp/chromium-policy.lock';

const median = (xs: number[]) => quantile(xs, 0.5);
function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sleep = (time: number) => new Promise((r) => setTimeout(r, time));

function printSizes() {
  const sizes = measureEntrypoints(EXTENSION_DIR);
  console.log('\nBundle size (gzip, every chunk an entrypoint loads)');
  for (const [name, size] of Object.entries(sizes)) {
    const budget = BYTE_BUDGETS[name as keyof typeof BYTE_BUDGETS];
    console.log(`  ${name.padEnd(11)} ${kb(size.gzipBytes).padStart(8)}  budget ${kb(budget)}  ${size.gzipBytes <= budget ? 'ok' : 'OVER'}`);
  }
  const drawings = measureDrawings(EXTENSION_DIR);
  const ok = drawings.gzipBytes <= DRAWINGS_BUDGET ? 'ok' : 'OVER';
  console.log(`  ${'drawings'.padEnd(11)} ${kb(drawings.gzipBytes).padStart(8)}  budget ${kb(DRAWINGS_BUDGET)}  ${ok}  (all together, loaded as files)`);
}

/**
 * Records, inside the page, when a non-empty countdown (role=timer) is first
 * painted: a MutationObserver sees it, and the next animation frame is the paint.
 */
const MARK_LIVE_STATE = () => {
  const mark = () => {
    const timer = document.querySelector('[role="timer"]');
    if (!timer?.textContent) return false;
    requestAnimationFrame(() => ((globalThis as { liveAt?: number }).liveAt ??= performance.now()));
    return true;
  };
  new MutationObserver((_, observer) => mark() && observer.disconnect()).observe(document, { childList: true, subtree: true, characterData: true });
};

async function timeToLive(harness: ExtensionHarness, path: string): Promise<number> {
  const page = await harness.context.newPage();
  await page.addInitScript(MARK_LIVE_STATE);
  await page.goto(`chrome-extension://${harness.extensionId}/${path}`);
  await page.waitForFunction(() => (globalThis as { liveAt?: number }).liveAt !== undefined);
  const liveAt = await page.evaluate(() => (globalThis as { liveAt?: number }).liveAt ?? NaN);
  await page.close();
  return liveAt;
}

async function popupTimeToLiveState(harness: ExtensionHarness) {
  // A running routine is what the popup must show; start it from a page, as the popup would.
  const starter = await harness.openPage('options.html');
  await starter.evaluate(() => chrome.runtime.sendMessage({ id: 2, type: 'routine', data: { type: 'start', presetId: 'full' }, timestamp: Date.now() }));
  await starter.close();
  await sleep(300);
  const popup: number[] = [];
  const staticPage: number[] = [];
  for (let i = 0; i < OPENS; i++) {
    staticPage.push(await timeToLive(harness, 'bench-static.html'));
    popup.push(await timeToLive(harness, 'popup.html'));
  }
  console.log(`\nPopup to live state (navigation start to the first paint of the running countdown), n = ${OPENS} each`);
  console.log(`  static page  median ${ms(median(staticPage))}  p95 ${ms(quantile(staticPage, 0.95))}`);
  console.log(`  popup        median ${ms(median(popup))}  p95 ${ms(quantile(popup, 0.95))}`);
  console.log(`  ratio        ${(median(popup) / median(staticPage)).toFixed(2)}x the static page  (budget ${TIMING_BUDGETS.popupToLiveStateRatio}x)`);
  await (
    await harness.openPage('options.html')
  ).evaluate(() => chrome.runtime.sendMessage({ id: 3, type: 'routine', data: { type: 'stop' }, timestamp: Date.now() }));
}

async function workerColdStart(harness: ExtensionHarness) {
  const page = await harness.openPage('options.html');
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    await harness.killWorker();
    await sleep(300);
    times.push(
      await page.evaluate(async () => {
        const start = performance.now();
        await chrome.runtime.sendMessage({ id: 9, type: 'refresh', timestamp: Date.now() });
        return performance.now() - start;
      }),
    );
  }
  await page.close();
  console.log(`\nWorker cold start (stopped worker to its first reply to a command), n = 10`);
  console.log(`  median ${ms(median(times))}  p95 ${ms(quantile(times, 0.95))}  (budget ${TIMING_BUDGETS.workerColdStartMs} ms median)`);
}

/**
 * Seeds a running routine of short steps (the editor's floor is 30 s; the timer itself takes any
 * length), then has the background rebuild the views' snapshot, as a command would.
 */
async function seedShortRoutine(harness: ExtensionHarness, page: Page): Promise<number> {
  // Seeded as starting now: a start stored in the future is clock damage, which the background repairs.
  const start = Date.now();
  await harness.inWorker(
    async ({ start, steps, stepSec }) => {
      const stepList = Array.from({ length: steps }, (_, i) => ({ id: `s${i}`, kind: 'walk', side: 'none', durationSec: stepSec, enabled: true }));
      const routine = {
        status: 'running',
        presetId: 'bench',
        steps: stepList,
        stepIndex: 0,
        stepStartedAt: start,
        pausedMs: 0,
        startedAt: start,
        routinePausedMs: 0,
      };
      await chrome.storage.local.set({ routine });
      await chrome.alarms.create('routine-step', { when: start + stepSec * 1000 });
    },
    { start, steps: CUE_STEPS, stepSec: STEP_SEC },
  );
  await page.evaluate(() => chrome.runtime.sendMessage({ id: 5, type: 'refresh', timestamp: Date.now() }));
  // The background may move the stored start when it rebuilds; the cues keep to what it stored.
  return harness.inWorker(async () => ((await chrome.storage.local.get('routine')).routine as { stepStartedAt: number }).stepStartedAt);
}

/** Each cue against the step end it belongs to: the nearest scheduled end. */
function lateness(cues: number[], start: number): number[] {
  const ends = Array.from({ length: CUE_STEPS }, (_, i) => start + (i + 1) * STEP_SEC * 1000);
  return cues.map((at) => {
    const end = ends.reduce((best, e) => (Math.abs(at - e) < Math.abs(at - best) ? e : best));
    return at - end;
  });
}

/** A view open: the popup plays the chime itself; its oscillator start is the cue. */
async function cueLatenessViewOpen(harness: ExtensionHarness) {
  const observer = await harness.openPage('options.html');
  const popup: Page = await harness.context.newPage();
  await popup.addInitScript(() => {
    const cues: number[] = [];
    (globalThis as { cues?: number[] }).cues = cues;
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this), on the right context
    const original = AudioContext.prototype.createOscillator;
    let last = 0;
    AudioContext.prototype.createOscillator = function (this: AudioContext) {
      const now = Date.now();
      if (now - last > 500) cues.push(now);
      last = now;
      return original.call(this);
    };
  });
  await popup.goto(`chrome-extension://${harness.extensionId}/popup.html`);
  const openStart = await seedShortRoutine(harness, observer);
  await sleep(openStart - Date.now() + CUE_STEPS * STEP_SEC * 1000 + 1500);
  const open = lateness(await popup.evaluate(() => (globalThis as { cues?: number[] }).cues ?? []), openStart);
  await popup.close();
  await observer.close();
  console.log(`\nStep-cue lateness, a view open (unpacked build, ${STEP_SEC} s steps, at the popup's own chime)`);
  console.log(`  n = ${open.length}  median ${ms(median(open))}  (budget ${TIMING_BUDGETS.cueViewOpenMs} ms)`);
}

/**
 * The packed build as users get it, installed by machine policy: a separate script, run under the machine's
 * policy lock (the policy file it writes changes every Chromium here). Needs root, for /etc/chromium/policies.
 */
function cueLatenessPacked(dir: string) {
  const script = join(import.meta.dirname, 'bench-packed.ts');
  const run = spawnSync('flock', [POLICY_LOCK, process.execPath, '--experimental-strip-types', '--no-warnings', script, dir], { stdio: 'inherit' });
  if (run.status !== 0) console.log(`\nStep-cue lateness, packed build: not measured (${run.error?.message ?? `exit ${run.status}`})`);
}

/** The worker's heap through CDP: Playwright offers no session on a worker, so talk to its target directly. */
async function workerHeapUsed(harness: ExtensionHarness): Promise<number> {
  await harness.inWorker(() => 1);
  const page = await harness.context.newPage();
  const cdp = await harness.context.newCDPSession(page);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
    const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(harness.extensionId));
    if (!worker) return 0;
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false });
    const reply = new Promise<number>((resolve) => {
      cdp.on('Target.receivedMessageFromTarget', (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { usedSize: number } };
        if (event.sessionId === sessionId && message.id === 1) resolve(message.result?.usedSize ?? 0);
      });
    });
    await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: 1, method: 'Runtime.getHeapUsage' }) });
    return await Promise.race([reply, sleep(5000).then(() => 0)]);
  } finally {
    await cdp.detach();
    await page.close();
  }
}

async function heap(harness: ExtensionHarness) {
  const popup = await harness.openPage('popup.html');
  await popup.getByRole('button', { name: /./ }).first().waitFor();
  const cdp = await harness.context.newCDPSession(popup);
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const popupHeap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  await popup.close();
  const workerHeap = await workerHeapUsed(harness);
  console.log('\nJS heap used');
  console.log(`  popup   ${kb(popupHeap)}  (CDP Performance.getMetrics)`);
  console.log(`  worker  ${workerHeap ? kb(workerHeap) : 'not reported'}  (CDP Runtime.getHeapUsage)`);
}

/** The bench runs against a copy of the build with one extra page, so nothing bench-only ships. */
/** A history of `days` days before today with `perDay` events each, the most recent 30 as raw events and older days as totals, in the export format. */
function historyBundle(days: number, perDay: number, now: number) {
  const dayKey = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  const events: unknown[] = [];
  const dailyTotals: Record<string, unknown> = {};
  for (let i = 1; i <= days; i++) {
    const d = new Date(now - i * 86_400_000);
    d.setHours(12, 0, 0, 0);
    if (i > 30) {
      dailyTotals[dayKey(d)] = {
        breaksDue: 6,
        breaksTaken: 5,
        naturalBreaks: 2,
        skipped: 1,
        snoozed: 1,
        routinesCompleted: 1,
        routinesStopped: 0,
        completedByPreset: { full: 1 },
        routineMs: 1_140_000,
        longestSittingMs: 2_700_000,
        comfortFeet: [7],
        comfortBack: [6],
      };
      continue;
    }
    for (let k = 0; k < perDay; k++) events.push({ type: 'breakTaken', at: d.getTime() + k * 1000, day: dayKey(d), how: k % 2 ? 'routine' : 'natural' });
  }
  return { format: 'roll-call-export', version: 1, settings: {}, presets: { builtIn: {}, custom: [] }, events, dailyTotals };
}

/**
 * The largest import in one day: as many events as fit in 5 MB (about 65,000), all today, so every
 * job reads and rewrites that one bucket, and tomorrow's fold counts it whole.
 */
function oneDayBundle(now: number, bytes = 5 * 1024 * 1024) {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const base = historyBundle(0, 0, now);
  const day = `${start.getFullYear()}-${String(start.getMonth() + 1).padStart(2, '0')}-${String(start.getDate()).padStart(2, '0')}`;
  const event = (k: number) => ({ type: 'breakTaken', at: start.getTime() + k, day, how: k % 2 ? 'routine' : 'natural' });
  // Each event costs its JSON and a comma; times grow by a digit now and then, so leave a little room.
  const perEvent = JSON.stringify(event(now - start.getTime())).length + 1;
  const count = Math.floor((bytes - JSON.stringify(base).length - 1024) / perEvent);
  return { ...base, events: Array.from({ length: count }, (_, k) => event(Math.floor((k * (now - start.getTime())) / count))) };
}

/** Imports a history through the product's own command, and waits for the background to have written it. */
async function importHistory(page: Page, bundle: unknown): Promise<number> {
  return page.evaluate(async (data) => {
    const reply = await chrome.runtime.sendMessage<unknown, { res?: { ok: boolean; error?: string } }>({
      id: 7,
      type: 'data',
      data: { type: 'import', bundle: data },
      timestamp: Date.now(),
    });
    if (!reply.res?.ok) throw new Error(`import refused: ${reply.res?.error ?? 'no reply'}`);
    const all = await chrome.storage.local.get(null);
    return Object.keys(all)
      .filter((k) => k.startsWith('events:'))
      .reduce((n, k) => n + (all[k] as unknown[]).length, 0);
  }, bundle);
}

/** From a page: a command sent to the time the popup's snapshot (what a view paints from) has changed. */
async function pressToViewChange(page: Page, request: unknown): Promise<number> {
  return page.evaluate(async (data) => {
    const changed = new Promise<number>((resolve) => {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'local' || !('popup' in changes)) return;
        chrome.storage.onChanged.removeListener(listener);
        resolve(performance.now());
      };
      chrome.storage.onChanged.addListener(listener);
    });
    const start = performance.now();
    await chrome.runtime.sendMessage({ id: 8, type: 'routine', data, timestamp: Date.now() });
    return (await changed) - start;
  }, request);
}

/**
 * A stopped worker woken by an event, to the moment its one write lands. The event is the `refresh`
 * command (what the popup sends when its snapshot is missing): an alarm cannot be fired on demand at a
 * stopped worker from outside, and the worker's path from waking to writing is the same job either way.
 */
async function coldWake(harness: ExtensionHarness, page: Page): Promise<number> {
  await harness.killWorker();
  await sleep(300);
  return page.evaluate(async () => {
    const written = new Promise<number>((resolve) => {
      const listener = (changes: Record<string, unknown>, area: string) => {
        if (area !== 'local' || !('sitting' in changes)) return;
        chrome.storage.onChanged.removeListener(listener);
        resolve(performance.now());
      };
      chrome.storage.onChanged.addListener(listener);
    });
    const start = performance.now();
    void chrome.runtime.sendMessage({ id: 6, type: 'refresh', timestamp: Date.now() });
    return (await written) - start;
  });
}

/** The same two figures at five sizes of history: cost must not grow with it. */
async function historyCost(dir: string) {
  const now = Date.now();
  const sizes: Array<[string, unknown]> = [
    ['empty', historyBundle(0, 0, now)],
    ['30 days × 200 events', historyBundle(30, 200, now)],
    ['400 days', historyBundle(400, 200, now)],
    ['largest import (5 MB)', historyBundle(30, 1900, now)],
    ['5 MB in one day', oneDayBundle(now)],
  ];
  console.log(
    `\nCost against history (median of 5; budgets: press ${TIMING_BUDGETS.pressToViewMs} ms, cold wake ${TIMING_BUDGETS.coldWakeMs} ms, worker heap ${kb(TIMING_BUDGETS.workerHeapBytes)} at 400 days; cold wake = stopped worker woken to its write)`,
  );
  console.log(
    `  ${'history'.padEnd(24)} ${'raw events'.padStart(10)} ${'bundle'.padStart(8)} ${'press→view'.padStart(11)} ${'cold wake'.padStart(10)} ${'worker heap'.padStart(12)}`,
  );
  for (const [label, bundle] of sizes) {
    const harness = await launchExtension({ extensionDir: dir });
    try {
      await harness.inWorker(() => chrome.storage.sync.set({ settings: { activeDays: [0, 1, 2, 3, 4, 5, 6], activeStart: '00:00', activeEnd: '23:59' } }));
      const page = await harness.openPage('options.html');
      const count = await importHistory(page, bundle);
      const presses: number[] = [];
      for (let i = 0; i < 5; i++) {
        presses.push(await pressToViewChange(page, { type: 'start', presetId: 'desk' }));
        await pressToViewChange(page, { type: 'stop' });
        await pressToViewChange(page, { type: 'dismiss' });
      }
      const wakes: number[] = [];
      for (let i = 0; i < 5; i++) wakes.push(await coldWake(harness, page));
      const bytes = JSON.stringify(bundle).length;
      // After a cold wake's job: what a worker holds at this size of history (the budget is for 400 days).
      const heapBytes = await workerHeapUsed(harness);
      console.log(
        `  ${label.padEnd(24)} ${String(count).padStart(10)} ${kb(bytes).padStart(8)} ${ms(median(presses)).padStart(11)} ${ms(median(wakes)).padStart(10)} ${(heapBytes ? kb(heapBytes) : 'n/a').padStart(12)}`,
      );
    } finally {
      await harness.close();
    }
  }
}

function benchBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'roll-call-bench-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, 'bench-static.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Roll Call</title></head><body>' +
      '<p>Step 1 of 7 · 19:00 left</p><h1>Roll your left foot</h1><div role="timer">5:30</div></body></html>',
  );
  return dir;
}

printSizes();
const dir = benchBuild();
const harness = await launchExtension({ extensionDir: dir });
try {
  await popupTimeToLiveState(harness);
  await workerColdStart(harness);
  await cueLatenessViewOpen(harness);
  printCueFigures('unpacked build', await measureCuesWithViewsClosed(harness), TIMING_BUDGETS.cueViewsClosedMs);
  await heap(harness);
} finally {
  await harness.close();
}
try {
  cueLatenessPacked(dir);
  await historyCost(dir);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
