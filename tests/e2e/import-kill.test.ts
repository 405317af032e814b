import { afterEach, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionHarness } from './fixture';

/**
 * An import writes the history to `storage.local` and the settings to
 * `storage.sync`. Here the worker is killed between the two: its sync write is
 * held (the call never returns, as in a worker that died there), the worker is
 * closed the way Chrome closes an idle one, and a fresh worker must finish the
 * import from the intent stored with the history. Nothing may be left half.
 */

let h: ExtensionHarness | undefined;

afterEach(async () => {
  await h?.close();
  h = undefined;
});

const DAY = '2026-11-24';

async function sendImport(harness: ExtensionHarness): Promise<void> {
  const page = await harness.openPage('options.html');
  // Sent, not awaited: the worker dies before it can answer.
  await page.evaluate((day) => {
    const bundle = {
      format: 'roll-call-export',
      version: 1,
      exportedAt: new Date().toISOString(),
      settings: { sittingIntervalMin: 25 },
      presets: { builtIn: {}, custom: [] },
      events: [{ type: 'breakTaken', at: new Date(`${day}T10:00:00`).getTime(), day, how: 'natural' }],
      dailyTotals: {},
    };
    void chrome.runtime.sendMessage({ id: 1, type: 'data', data: { type: 'import', bundle }, timestamp: Date.now() }).catch(() => undefined);
  }, DAY);
  await page.close();
}

describe("a worker killed between an import's local and sync writes", () => {
  it('finishes the import at its next start: history and settings together, nothing pending', async () => {
    h = await launchExtension();
    const harness = h;
    // The kill's moment: every sync write from now on is held, as if the worker stopped inside it.
    await harness.inWorker(() => {
      const held = new Promise<void>(() => undefined);
      chrome.storage.sync.set = () => held;
    });
    await sendImport(harness);
    // The local write (history + intent) lands first; the sync write never returns.
    await expect
      .poll(() => harness.inWorker(async () => (await chrome.storage.local.get('pendingSync')).pendingSync !== undefined), { timeout: 15_000 })
      .toBe(true);
    expect(
      await harness.inWorker(async () => (await chrome.storage.sync.get('settings')).settings as { sittingIntervalMin?: number } | undefined),
    ).not.toMatchObject({ sittingIntervalMin: 25 });
    const startBefore = await harness.inWorker(async () => JSON.stringify(await chrome.storage.session.get(null)));
    await harness.killWorker();
    await expect.poll(() => harness.isWorkerRunning(), { timeout: 10_000 }).toBe(false);
    // Any event starts a fresh worker, with the real storage API again; its start finishes what was decided.
    await harness.wakeWorker();
    await expect.poll(() => harness.inWorker(async () => JSON.stringify(await chrome.storage.session.get(null))), { timeout: 10_000 }).not.toBe(startBefore);
    await expect
      .poll(
        () =>
          harness.inWorker(
            async () => ((await chrome.storage.sync.get('settings')).settings as { sittingIntervalMin?: number } | undefined)?.sittingIntervalMin,
          ),
        { timeout: 15_000 },
      )
      .toBe(25);
    const after = await harness.inWorker(async (day) => {
      const local = await chrome.storage.local.get(null);
      return {
        pending: local.pendingSync,
        bucket: local[`events:${day}`] as unknown[] | undefined,
        folded: (local.totals as { days?: Record<string, unknown> } | undefined)?.days?.[day],
      };
    }, DAY);
    expect(after.pending).toBeUndefined();
    // The imported day is in history, raw or already folded into the totals.
    expect((after.bucket?.length ?? 0) > 0 || after.folded !== undefined).toBe(true);
  });
});
