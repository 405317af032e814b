import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { activeNowSettings, launchExtension } from './fixture';
import { storedEvents, storeEvents } from './history';
import { openPopup } from './pages/popup';

const MIN = 60_000;

const readSync = () => chrome.storage.sync.get(null);
const readLocal = () => chrome.storage.local.get(null);

describe('reliability in Chromium', () => {
  it('restores settings, state, history and alarms after a browser restart, without reopening the welcome', async () => {
    const first = await launchExtension();
    const settings = { ...activeNowSettings(), sittingIntervalMin: 30 };
    await first.inWorker((s) => chrome.storage.sync.set({ settings: s }), settings);
    await first.inWorker(storeEvents, [{ type: 'skipped', at: 1_800_000_000_000, day: '2027-01-15' }]);
    await expect.poll(async () => (await first.inWorker(() => chrome.alarms.get('sitting-break')))?.scheduledTime).toBeDefined();
    const before = { sync: await first.inWorker(readSync), local: await first.inWorker(readLocal) };
    await first.close({ keepProfile: true });

    const second = await launchExtension({ userDataDir: first.userDataDir });
    try {
      await expect
        .poll(async () => (await second.inWorker(() => chrome.alarms.getAll())).map((a) => a.name).sort())
        .toEqual(['sitting-break', 'sitting-refresh']);
      expect(await second.inWorker(readSync)).toEqual(before.sync);
      const local = (await second.inWorker(readLocal)) as Record<string, unknown>;
      expect(local['events:2027-01-15']).toEqual(before.local['events:2027-01-15']);
      expect(await second.inWorker(storedEvents)).toEqual([{ type: 'skipped', at: 1_800_000_000_000, day: '2027-01-15' }]);
      expect((local.sitting as { sittingSince: number }).sittingSince).toBe((before.local.sitting as { sittingSince: number }).sittingSince);
      expect(second.context.pages().some((p) => p.url().includes('welcome.html'))).toBe(false);
    } finally {
      await second.close();
    }
  });

  it('migrates settings stored by the previous schema version when the new build loads, losing nothing', async () => {
    const first = await launchExtension();
    await first.inWorker(() => chrome.storage.sync.set({ settings: { sittingIntervalMin: 60, snoozeMin: 5 }, settings$: { v: 1 } }));
    await first.close({ keepProfile: true });
    const second = await launchExtension({ userDataDir: first.userDataDir });
    try {
      await expect
        .poll(() => second.inWorker(() => chrome.storage.sync.get(['settings', 'settings$'])))
        .toEqual({
          settings: { sittingIntervalMin: 60, snoozeMin: 5, goalLongestSittingMin: 60 },
          settings$: { v: 2 },
        });
    } finally {
      await second.close();
    }
  });

  it('turns a long absence into exactly one natural break, with no reminder storm', async () => {
    const harness = await launchExtension();
    try {
      const settings = activeNowSettings();
      await harness.inWorker((s) => chrome.storage.sync.set({ settings: s }), settings);
      // Wait until the worker's start jobs (the last applies the policy and stores its record) and the settings' job are
      // done, so that none of them overwrites the seed below with the state it read before it.
      await expect
        .poll(() =>
          harness.inWorker(async (activeStart) => {
            const local = await chrome.storage.local.get(['policy', 'popup']);
            return local.policy !== undefined && (local.popup as { settings?: { activeStart?: string } } | undefined)?.settings?.activeStart === activeStart;
          }, settings.activeStart),
        )
        .toBe(true);
      await expect.poll(async () => (await harness.inWorker(() => chrome.alarms.get('sitting-break')))?.name).toBe('sitting-break');
      const now = Date.now();
      // As if the machine had slept for nine hours after ten hours of sitting.
      await harness.inWorker(({ sittingSince, lastSeenAt }) => chrome.storage.local.set({ sitting: { sittingSince, lastSeenAt } }), {
        sittingSince: now - 10 * 60 * MIN,
        lastSeenAt: now - 9 * 60 * MIN,
      });
      await harness.killWorker();
      await harness.wakeWorker();
      await expect.poll(async () => (await harness.inWorker(storedEvents)).map((e) => e.type)).toEqual(['sittingEnded', 'breakTaken']);
      expect(await harness.inWorker(() => chrome.notifications.getAll())).toEqual({});
    } finally {
      await harness.close();
    }
  });

  it('keeps one consistent state when two views press buttons at once', async () => {
    const harness = await launchExtension();
    try {
      // No lead-in, so both presses of Skip meet a step: two skips, two steps on.
      await harness.inWorker((s) => chrome.storage.sync.set({ settings: s }), activeNowSettings());
      const views = [await openPopup(harness), await openPopup(harness)];
      for (const view of views) await view.idle();
      const [a, b] = views.map((view) => view.page) as [Page, Page];
      // Press in both views in the same instant: a click that waited would find its view already changed by the other.
      const press = (label: string) =>
        Promise.all(
          [a, b].map((page) =>
            page.evaluate((name) => {
              const button = [...document.querySelectorAll('button')].find((el) => el.textContent === name);
              button?.click();
              // A view without the button names the ones it has, so a failure shows what that view was showing.
              return button !== undefined || [...document.querySelectorAll('button')].map((el) => el.textContent).join(' | ');
            }, label),
          ),
        );
      expect(await press('Start routine')).toEqual([true, true]);
      for (const view of views) await view.page.getByRole('timer').waitFor();
      expect(await press('Skip step')).toEqual([true, true]);
      await expect.poll(() => harness.inWorker(async () => ((await chrome.storage.local.get('routine')).routine as { stepIndex: number }).stepIndex)).toBe(2);
      for (const view of views) await expect.poll(() => view.heading()).toBe('Walk barefoot');
      // Both starts were answered (a routine already running is what was asked for), and one routine runs.
      expect(await harness.inWorker(async () => ((await chrome.storage.local.get('routine')).routine as { presetId: string }).presetId)).toBe('desk');
      expect((await harness.inWorker(() => chrome.alarms.getAll())).filter((x) => x.name === 'routine-step')).toHaveLength(1);
    } finally {
      await harness.close();
    }
  });

  it('writes nothing to sync during a routine but the shared break at its end, and a few local writes per step', async () => {
    const harness = await launchExtension();
    try {
      // No lead-in, so each Skip ends a step at once.
      await harness.inWorker((s) => chrome.storage.sync.set({ settings: s }), activeNowSettings());
      const counter = await harness.openPage('options.html');
      await counter.evaluate(() => {
        const counts = { sync: 0, local: 0, syncKeys: [] as string[] };
        (globalThis as { writeCounts?: typeof counts }).writeCounts = counts;
        chrome.storage.onChanged.addListener((changes, area) => {
          if (area === 'sync' || area === 'local') counts[area]++;
          if (area === 'sync') counts.syncKeys.push(...Object.keys(changes));
        });
      });
      const popup = await openPopup(harness);
      await popup.startRoutine();
      for (let step = 0; step < 5; step++) {
        await popup.skipStep();
        await expect.poll(() => popup.heading()).not.toBe('');
      }
      // Skipped through, the routine ends as stopped (too little time spent to complete), and is a break all the same.
      await popup.page.getByRole('heading', { name: 'Routine stopped' }).waitFor();
      await popup.done();
      const counts = await counter.evaluate(() => (globalThis as { writeCounts?: { sync: number; local: number; syncKeys: string[] } }).writeCounts!);
      // One write, when the routine ends: the break, for the user's other devices (README: breaks that follow you).
      expect(counts.syncKeys).toEqual(['lastBreak']);
      // About four writes a step: the routine state, the popup snapshot, and at the start and end the
      // sitting state and the event log. A refresh alarm during the test may add two more.
      expect(counts.local).toBeLessThanOrEqual(5 * 5);
      console.info(`storage writes during a 5-step routine: sync ${counts.sync}, local ${counts.local}`);
    } finally {
      await harness.close();
    }
  });
});
