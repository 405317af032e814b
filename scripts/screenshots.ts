// npm run screenshots: pictures of the real build in headless Chromium for the README (each PNG kept under 200 KB).
import { mkdirSync, statSync } from 'node:fs';
import { launchExtension, activeNowSettings } from '../tests/e2e/fixture.ts';

const OUT = 'docs/screenshots';
const MAX_BYTES = 200 * 1024;
mkdirSync(OUT, { recursive: true });

const day = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** A few weeks of plausible history, so the charts have something to show. */
function sampleHistory(now: number) {
  const events: unknown[] = [];
  for (let i = 1; i < 28; i++) {
    const d = new Date(now - i * 86_400_000);
    d.setHours(12);
    if (d.getDay() === 0 || d.getDay() === 6) continue;
    const at = d.getTime();
    const base = { at, day: day(d) };
    if (i % 5 !== 3) events.push({ ...base, type: 'routineCompleted', presetId: 'full', durationMs: 1_140_000, stepsDone: 7, stepsTotal: 7 });
    for (let b = 0; b < 3 + (i % 4); b++) events.push({ ...base, type: 'breakTaken', how: b % 2 ? 'routine' : 'natural' });
    if (i % 3 === 0) events.push({ ...base, type: 'skipped' });
    if (i % 2 === 0) events.push({ ...base, type: 'snoozed', count: 1 });
    events.push({ ...base, type: 'sittingEnded', startedAt: at - 3_600_000, durationMs: (35 + ((i * 7) % 30)) * 60_000 });
    events.push({ ...base, type: 'comfortRated', feet: 5 + (i % 5), back: 4 + (i % 4) });
  }
  return events;
}

const harness = await launchExtension();
try {
  await harness.inWorker(
    async ([settings, eventLog]) => {
      await chrome.storage.sync.set({ settings });
      // Weeks of past days go in as an older version's log, which the next worker start moves into day buckets and totals.
      await chrome.storage.local.set({ eventLog });
      await chrome.storage.local.remove('totals');
    },
    [activeNowSettings(), sampleHistory(Date.now())] as const,
  );
  await harness.killWorker();
  await harness.wakeWorker();

  const popup = await harness.openPage('popup.html');
  await popup.setViewportSize({ width: 360, height: 540 });
  await popup.getByRole('button', { name: 'Start routine' }).waitFor();
  await popup.screenshot({ path: `${OUT}/popup-idle.png` });
  await popup.getByRole('button', { name: 'Start routine' }).click();
  await popup.getByRole('timer').waitFor();
  await new Promise((r) => setTimeout(r, 2200));
  await popup.setViewportSize({ width: 360, height: 600 });
  await popup.screenshot({ path: `${OUT}/popup-running.png` });

  const options = await harness.openPage('options.html');
  await options.setViewportSize({ width: 820, height: 1100 });
  await options.getByRole('heading', { level: 1 }).waitFor();
  await options.screenshot({ path: `${OUT}/options.png` });
  await options.locator('#history').scrollIntoViewIfNeeded();
  await options.locator('#history').screenshot({ path: `${OUT}/history.png` });

  for (const name of ['popup-idle', 'popup-running', 'options', 'history']) {
    const bytes = statSync(`${OUT}/${name}.png`).size;
    console.log(`${OUT}/${name}.png ${(bytes / 1024).toFixed(0)} KB`);
    if (bytes > MAX_BYTES) throw new Error(`${name}.png is over 200 KB`);
  }
} finally {
  await harness.close();
}
