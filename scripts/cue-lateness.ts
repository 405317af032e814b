// Step-cue lateness with every view closed, measured at the cue itself: the notification shown and the sound
// started in Chrome's offscreen document. Shared by the unpacked bench (bench.ts) and the packed one (bench-packed.ts).
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface LoadedExtension {
  context: BrowserContext;
  extensionId: string;
}

/** One cue: what marked it, when it was due, and how late it came (NaN when it never came). */
export interface CueFigure {
  scenario: string;
  cue: string;
  aheadMs: number;
  lateMs: number;
}

const sleep = (time: number) => new Promise((r) => setTimeout(r, time));
const OFFSCREEN_URL = '/offscreen.html';
const CUE_NOTIFICATION_ID = 'routine-cue';

/**
 * Records in the offscreen document when each sound starts: the chime's first oscillator (one chime makes
 * several) and each utterance handed to speech synthesis. Installed over CDP, so nothing of it ships.
 */
const RECORD_SOUNDS = `(() => {
  if (globalThis.benchSounds) return;
  const sounds = [];
  globalThis.benchSounds = sounds;
  const oscillator = AudioContext.prototype.createOscillator;
  let last = 0;
  AudioContext.prototype.createOscillator = function () {
    const now = Date.now();
    if (now - last > 500) sounds.push({ kind: 'chime', at: now });
    last = now;
    return oscillator.call(this);
  };
  const speak = speechSynthesis.speak.bind(speechSynthesis);
  speechSynthesis.speak = (utterance) => { sounds.push({ kind: 'speech', at: Date.now(), text: utterance.text }); return speak(utterance); };
})()`;

interface Sound {
  kind: 'chime' | 'speech';
  at: number;
  text?: string;
}

/** Evaluates expressions in one of the extension's targets, attached over CDP from a page that is not a routine view. */
type TargetEvaluate = <T>(expression: string) => Promise<T | undefined>;

async function attachToTarget(cdp: CDPSession, url: string): Promise<TargetEvaluate | undefined> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; url: string }> };
  const target = targetInfos.find((t) => t.url.endsWith(url));
  if (!target) return undefined;
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 1;
  return async <T>(expression: string) => {
    const id = nextId++;
    const reply = new Promise<T | undefined>((resolve) => {
      const listener = (event: { sessionId: string; message: string }) => {
        const message = JSON.parse(event.message) as { id?: number; result?: { result?: { value?: T } } };
        if (event.sessionId !== sessionId || message.id !== id) return;
        cdp.off('Target.receivedMessageFromTarget', listener);
        resolve(message.result?.result?.value);
      };
      cdp.on('Target.receivedMessageFromTarget', listener);
    });
    await cdp.send('Target.sendMessageToTarget', {
      sessionId,
      message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }),
    });
    return Promise.race([reply, sleep(5000).then(() => undefined)]);
  };
}

/** Stops the worker the way Chrome does when it is idle, so the alarm that follows has to start it. */
async function stopWorker(cdp: CDPSession, extensionId: string): Promise<void> {
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ targetId: string; type: string; url: string }> };
  for (const t of targetInfos.filter((t) => t.type === 'service_worker' && t.url.includes(extensionId)))
    await cdp.send('Target.closeTarget', { targetId: t.targetId });
}

/**
 * Watches from the observer page, which is not a routine view: the step-cue notification (each one seen is cleared,
 * so the next shows anew), and each cue the worker hands to the offscreen document (a runtime message reaches every
 * extension page at once; this one records it and leaves the reply to the offscreen document).
 */
async function watchFromObserver(observer: Page): Promise<void> {
  await observer.evaluate((id) => {
    const seen = { shown: [] as number[], handed: [] as number[] };
    (globalThis as { seen?: typeof seen }).seen = seen;
    const poll = async () => {
      const all = await chrome.notifications.getAll();
      if (id in all) {
        seen.shown.push(Date.now());
        await chrome.notifications.clear(id);
      }
      setTimeout(() => void poll(), 5);
    };
    void poll();
    chrome.runtime.onMessage.addListener((message: { type?: string }) => {
      if (message.type === 'playCue') seen.handed.push(Date.now());
    });
  }, CUE_NOTIFICATION_ID);
}

interface Seen {
  shown: number[];
  handed: number[];
  sounds: Sound[];
}

/**
 * The offscreen document closes 30 s after its last audible sound, and headless Chromium plays none, so the worker
 * may create a new one for a later cue: each new one is found and watched as soon as it shows (its first sound may
 * then be missed; the cue handed over is still seen).
 */
function watchOffscreen(cdp: CDPSession) {
  const sounds: Sound[] = [];
  let evaluate: TargetEvaluate | undefined;
  const state = { stopped: false };
  const collect = async () => {
    const recorded = evaluate ? await evaluate<Sound[]>('globalThis.benchSounds?.splice(0)').catch(() => undefined) : undefined;
    if (recorded) sounds.push(...recorded);
    else {
      evaluate = await attachToTarget(cdp, OFFSCREEN_URL).catch(() => undefined);
      await evaluate?.(RECORD_SOUNDS);
    }
  };
  const loop = (async () => {
    while (!state.stopped) {
      await collect();
      await sleep(100);
    }
  })();
  return {
    async take(): Promise<Sound[]> {
      await collect();
      return sounds.splice(0);
    },
    async stop() {
      state.stopped = true;
      await loop;
    },
  };
}

/**
 * Seeds a running routine as the background stores it, with its alarm, has the background rebuild from it, and
 * returns when the stored step started (the background may have moved it): the cues are timed against that schedule.
 */
async function seedRoutine(observer: Page, routine: Record<string, unknown>, firstAlarmInMs: number): Promise<number> {
  return observer.evaluate(
    async ({ routine, firstAlarmInMs }) => {
      await chrome.storage.local.set({ routine });
      await chrome.alarms.create('routine-step', { when: (routine.stepStartedAt as number) + firstAlarmInMs });
      await chrome.runtime.sendMessage({ id: 5, type: 'refresh', timestamp: Date.now() });
      return ((await chrome.storage.local.get('routine')).routine as { stepStartedAt: number }).stepStartedAt;
    },
    { routine, firstAlarmInMs },
  );
}

/** The first time in `times` at or after `due` (less clock jitter): how late the cue came, NaN if it never did. */
function lateness(times: number[], due: number): number {
  const at = times.find((t) => t >= due - 50);
  return at === undefined ? NaN : at - due;
}

/** A fresh offscreen document, as the worker makes for its first cue, so that a scenario starts with 30 s of its life. */
async function freshOffscreenDocument(observer: Page): Promise<void> {
  await observer.evaluate(async (url) => {
    const api = (chrome as unknown as { offscreen: { createDocument(p: object): Promise<void>; closeDocument(): Promise<void> } }).offscreen;
    await api.closeDocument().catch(() => undefined);
    await api.createDocument({ url, reasons: ['AUDIO_PLAYBACK'], justification: 'benchmark' });
  }, OFFSCREEN_URL);
}

async function seen(observer: Page, offscreen: ReturnType<typeof watchOffscreen>): Promise<Seen> {
  const fromPage = await observer.evaluate(() => {
    const seen = (globalThis as { seen?: { shown: number[]; handed: number[] } }).seen ?? { shown: [], handed: [] };
    return { shown: seen.shown.splice(0), handed: seen.handed.splice(0) };
  });
  return { ...fromPage, sounds: await offscreen.take() };
}

/**
 * Two scenarios with every view closed and the worker stopped before each alarm of the second:
 * - steps of 3 s in a row (so alarms 3 s apart): each step change's notification and chime;
 * - one 15 s step after a 5 s lead-in: the lead-in's end (its chime, 5 s ahead), the 3-2-1 countdown's first word
 *   (12 s later) and the routine's end (3 s after the countdown's alarm).
 * Each cue is timed at the sound started in the offscreen document, or at the notification shown; where the sound
 * was not seen (a document the worker made anew), at the moment the cue was handed to the document.
 */
export async function measureCuesWithViewsClosed(extension: LoadedExtension): Promise<CueFigure[]> {
  const { context, extensionId } = extension;
  const observer = await context.newPage();
  await observer.goto(`chrome-extension://${extensionId}/options.html`);
  const cdp = await context.newCDPSession(observer);
  await observer.evaluate(() => chrome.storage.sync.set({ settings: { chime: true, spokenCues: true, volume: 50, leadInSec: 5 } }));
  await watchFromObserver(observer);
  const offscreen = watchOffscreen(cdp);
  const figures: CueFigure[] = [];
  const add = (scenario: string, cue: string, aheadMs: number, times: number[], fallback: number[], due: number) => {
    const late = lateness(times, due);
    figures.push({ scenario, cue: Number.isNaN(late) ? `${cue} (handed over)` : cue, aheadMs, lateMs: Number.isNaN(late) ? lateness(fallback, due) : late });
  };

  // Steps in a row, 3 s each.
  const steps = 6;
  const stepMs = 3000;
  await freshOffscreenDocument(observer);
  await sleep(500);
  await seen(observer, offscreen);
  const stepList = Array.from({ length: steps }, (_, i) => ({ id: `s${i}`, kind: 'walk', side: 'none', durationSec: stepMs / 1000, enabled: true }));
  const now = Date.now();
  let start = await seedRoutine(
    observer,
    {
      status: 'running',
      presetId: 'bench',
      steps: stepList,
      stepIndex: 0,
      stepStartedAt: now,
      pausedMs: 0,
      startedAt: now,
      routinePausedMs: 0,
      leadInSec: 0,
      leadInMs: 0,
      cueMark: 0,
    },
    stepMs,
  );
  await stopWorker(cdp, extensionId);
  await sleep(start + steps * stepMs + 2000 - Date.now());
  let got = await seen(observer, offscreen);
  let chimes = got.sounds.filter((s) => s.kind === 'chime').map((s) => s.at);
  for (let i = 1; i <= steps; i++) {
    const due = start + i * stepMs;
    const cue = i === steps ? 'routine end' : `step ${i + 1}`;
    add('steps 3 s apart', `${cue}, notification`, stepMs, got.shown, [], due);
    add('steps 3 s apart', `${cue}, chime`, stepMs, chimes, got.handed, due);
  }

  // A lead-in, a countdown and the end.
  await freshOffscreenDocument(observer);
  await sleep(500);
  await seen(observer, offscreen);
  const leadInMs = 5000;
  const walkMs = 15_000;
  const then = Date.now();
  start = await seedRoutine(
    observer,
    {
      status: 'running',
      presetId: 'bench',
      steps: [{ id: 'w', kind: 'walk', side: 'none', durationSec: walkMs / 1000, enabled: true }],
      stepIndex: 0,
      stepStartedAt: then,
      pausedMs: 0,
      startedAt: then,
      routinePausedMs: 0,
      leadInSec: leadInMs / 1000,
      leadInMs,
      cueMark: 0,
    },
    leadInMs,
  );
  const goAt = start + leadInMs;
  const countdownAt = goAt + walkMs - 3000;
  const endAt = goAt + walkMs;
  await stopWorker(cdp, extensionId);
  // Stopped again before each later alarm, so each cue starts a worker.
  await sleep(goAt + 2000 - Date.now());
  await stopWorker(cdp, extensionId);
  await sleep(countdownAt + 1500 - Date.now());
  await stopWorker(cdp, extensionId);
  // Long enough to see a cue that a 30 s floor would hold back.
  await sleep(Math.max(endAt + 2000, start + 40_000) - Date.now());
  got = await seen(observer, offscreen);
  chimes = got.sounds.filter((s) => s.kind === 'chime').map((s) => s.at);
  const words = got.sounds.filter((s) => s.kind === 'speech').map((s) => s.at);
  add('lead-in, countdown, end', 'lead-in end, chime', leadInMs, chimes, got.handed, goAt);
  add('lead-in, countdown, end', '3-2-1, first word', countdownAt - goAt, words, got.handed, countdownAt);
  add('lead-in, countdown, end', 'end, notification', endAt - countdownAt, got.shown, [], endAt);
  add('lead-in, countdown, end', 'end, chime', endAt - countdownAt, chimes, got.handed, endAt);
  await offscreen.stop();
  await cdp.detach();
  await observer.close();
  return figures;
}

/** Prints the figures of one build, with the budget for every view closed. */
export function printCueFigures(build: string, figures: CueFigure[], budgetMs: number): void {
  console.log(`\nStep-cue lateness, every view closed, ${build} (at the cue: sound started in the offscreen document, or notification shown)`);
  for (const f of figures) {
    const late = Number.isNaN(f.lateMs) ? 'never came' : `${f.lateMs.toFixed(0)} ms late`;
    console.log(
      `  ${f.scenario.padEnd(24)} ${f.cue.padEnd(40)} due ${(f.aheadMs / 1000).toFixed(0).padStart(2)} s after the previous alarm  ${late.padStart(12)}`,
    );
  }
  const lates = figures
    .map((f) => f.lateMs)
    .filter((x) => !Number.isNaN(x))
    .sort((a, b) => a - b);
  const median = lates[Math.floor(lates.length / 2)] ?? NaN;
  const worst = lates.at(-1) ?? NaN;
  const missed = figures.length - lates.length;
  console.log(`  median ${median.toFixed(0)} ms, worst ${worst.toFixed(0)} ms${missed ? `, ${missed} never came` : ''}  (budget ${budgetMs} ms)`);
}
