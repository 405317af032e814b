import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeNowSettings, launchExtension, type ExtensionHarness } from './fixture';
import { passTimeInWorker } from './clock';
import { storedEvents } from './history';
import { openPopup } from './pages/popup';

const MIN = 60_000;

/**
 * Breaks that follow the user across devices, in real Chromium. The test
 * profile is not signed in to sync, but `storage.sync` still stores and
 * reports changes locally, which is all a device sees of another's write.
 */
describe('breaks shared through storage.sync', () => {
  let harness: ExtensionHarness;
  // A threshold above the time the tests move the clock by, so the jump reads as sitting, not as time away.
  const settings = { ...activeNowSettings(), breakThresholdMin: 60 };

  beforeEach(async () => {
    harness = await launchExtension();
    await harness.inWorker((s) => chrome.storage.sync.set({ settings: s }), settings);
  });
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the launch in the hook before may fail before the harness is set
  afterEach(async () => harness?.close());

  const sitting = () => harness.inWorker(async () => (await chrome.storage.local.get('sitting')).sitting as { sittingSince?: number });
  const ownId = () => harness.inWorker(async () => (await chrome.storage.local.get('deviceId')).deviceId as string | undefined);
  /** Writes a record as another device's sync would bring it, `offset` from the worker's now; returns its time. */
  const receive = (offset: number, deviceId = 'another-computer') =>
    harness.inWorker(
      async ({ offset, deviceId }) => {
        const at = Date.now() + offset;
        await chrome.storage.sync.set({ lastBreak: { at, deviceId } });
        return at;
      },
      { offset, deviceId },
    );
  const workerNow = () => harness.inWorker(() => Date.now());
  const lastSeenAt = () => harness.inWorker(async () => ((await chrome.storage.local.get('sitting')).sitting as { lastSeenAt: number }).lastSeenAt);

  /** 35 minutes of sitting pass in the worker (a reminder is due only at 45). Returns the stretch's start. */
  async function sittingFor35Minutes(): Promise<number> {
    await expect.poll(async () => (await sitting()).sittingSince).toBeDefined();
    const since = (await sitting()).sittingSince!;
    await passTimeInWorker(harness, 35 * MIN, ['sitting-refresh']);
    await expect.poll(lastSeenAt).toBeGreaterThan(since + 35 * MIN - 1000);
    expect((await sitting()).sittingSince).toBe(since);
    return since;
  }

  it('each device gets its own id, kept in storage.local', async () => {
    await expect.poll(ownId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('ignores its own record, an old one and one from the future, then takes another device’s recent one as a natural break', async () => {
    const since = await sittingFor35Minutes();
    const me = (await ownId())!;
    expect(me).toBeTruthy();
    await receive(-1 * MIN, me);
    await receive(-21 * MIN);
    await receive(6 * MIN);
    // Jobs run one after another: once this one has restarted the stretch, the three before it have run.
    const at = await receive(-2 * MIN);
    await expect.poll(async () => (await sitting()).sittingSince).toBeGreaterThan(at);
    expect((await sitting()).sittingSince).toBeLessThanOrEqual(await workerNow());
    const events = await harness.inWorker(storedEvents);
    expect(events.filter((e) => e.type === 'sittingEnded')).toEqual([expect.objectContaining({ at, startedAt: since, durationMs: at - since })]);
    expect(events.filter((e) => e.type === 'breakTaken')).toEqual([expect.objectContaining({ how: 'natural' })]);
    // The break alarm follows the new stretch.
    const alarm = await harness.inWorker(() => chrome.alarms.get('sitting-break'));
    expect(alarm?.scheduledTime).toBe((await sitting()).sittingSince! + 45 * MIN);
  });

  it('takes a record from a clock 3 minutes ahead, ending the stretch now rather than in the future', async () => {
    await sittingFor35Minutes();
    const before = await workerNow();
    await receive(3 * MIN);
    await expect.poll(async () => (await sitting()).sittingSince).toBeGreaterThanOrEqual(before);
    const [ended] = (await harness.inWorker(storedEvents)).filter((e) => e.type === 'sittingEnded');
    expect(ended?.at).toBeLessThanOrEqual(await workerNow());
  });

  it('ignores another device’s break with “Follow breaks across my devices” off', async () => {
    await harness.inWorker((s) => chrome.storage.sync.set({ settings: { ...s, followBreaks: false } }), settings);
    const since = await sittingFor35Minutes();
    const seenBefore = await lastSeenAt();
    await receive(-2 * MIN);
    // Its job has run (every job notes the time) before the setting is turned on again.
    await expect.poll(lastSeenAt).toBeGreaterThan(seenBefore);
    // Turning it on again later does not bring back a break already passed over; a new one counts.
    await harness.inWorker((s) => chrome.storage.sync.set({ settings: { ...s, followBreaks: true } }), settings);
    const at = await receive(-1 * MIN);
    await expect.poll(async () => (await sitting()).sittingSince).toBeGreaterThan(at);
    const ended = (await harness.inWorker(storedEvents)).filter((e) => e.type === 'sittingEnded');
    expect(ended).toEqual([expect.objectContaining({ at, startedAt: since })]);
  });

  it('a routine stopped here leaves this device’s record in storage.sync', async () => {
    const popup = await openPopup(harness);
    await popup.startRoutine();
    await popup.stopRoutine();
    await expect
      .poll(() => harness.inWorker(async () => (await chrome.storage.sync.get('lastBreak')).lastBreak))
      .toEqual({
        at: expect.any(Number),
        deviceId: await ownId(),
      });
    const lastBreak = await harness.inWorker(async () => (await chrome.storage.sync.get('lastBreak')).lastBreak as { at: number });
    // Its own record restarts nothing here: the stretch began when the routine ended.
    expect((await sitting()).sittingSince).toBe(lastBreak.at);
  });
});
