import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { runBackgroundJob, type BackgroundInput } from '@/entrypoints/background/job';
import { recoverState } from '@/tests/background-jobs';
import { buildExport } from '@/utils/transfer/import-export';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { EMPTY_CUSTOMISATIONS } from '@/utils/routine/presets';
import { readEventLog } from '@/utils/platform/storage/items';

/**
 * A worker can die at any await. For every job that writes, these tests stop
 * the job at each of its storage calls in turn (the call, and every call after
 * it, never returns, as in a killed worker), start a fresh worker (the start
 * job), and read all of storage: the change is then either wholly there or
 * wholly absent, never half of each, and nothing is left pending.
 */

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

const T0 = new Date(2026, 10, 25, 9, 0).getTime();
const METHODS = ['get', 'set', 'remove'] as const;

type Area = typeof fakeBrowser.storage.local;

/** Makes every storage call from the `at`-th on hang, as if the worker died there; resolves once it did. */
function killAtCall(at: number): { killed: Promise<void>; calls: () => number } {
  let calls = 0;
  let markKilled = () => {};
  const killed = new Promise<void>((resolve) => (markKilled = resolve));
  for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.sync] as Area[]) {
    for (const method of METHODS) {
      const original = area[method].bind(area) as (...args: unknown[]) => Promise<unknown>;
      const dieHere = (...args: unknown[]): Promise<unknown> => {
        if (calls++ < at) return original(...args);
        markKilled();
        return new Promise(() => {});
      };
      // eslint-disable-next-line @typescript-eslint/no-misused-promises -- the storage methods return promises; the spy stands in for one
      vi.spyOn(area, method).mockImplementation(dieHere);
    }
  }
  return { killed, calls: () => calls };
}

async function dump() {
  return { local: await fakeBrowser.storage.local.get(null), sync: await fakeBrowser.storage.sync.get(null) };
}

/** The days with events: an emptied bucket holds nothing, and is removed at the next fold if a kill kept it. */
const daysWithEvents = (local: Record<string, unknown>) =>
  Object.entries(local).filter(([key, value]) => key.startsWith('events:') && Array.isArray(value) && value.length > 0);

/** How many storage calls the job makes when nothing stops it. */
async function storageCallsOf(input: BackgroundInput, seed: () => Promise<void>): Promise<number> {
  fakeBrowser.reset();
  await seed();
  const counter = killAtCall(Number.POSITIVE_INFINITY);
  await runBackgroundJob(input, T0 + 1000);
  vi.restoreAllMocks();
  return counter.calls();
}

/**
 * Runs `input` killed at each storage call, recovers with a fresh start, and
 * hands the storage to `check`, which says whether the change is there or not
 * (and asserts that either way it is whole).
 */
async function everyKill(
  input: BackgroundInput,
  seed: () => Promise<void>,
  check: (after: Awaited<ReturnType<typeof dump>>) => 'applied' | 'absent',
  { recoveryApplies = false } = {},
) {
  const total = await storageCallsOf(input, seed);
  expect(total).toBeGreaterThanOrEqual(3);
  const outcomes: string[] = [];
  for (let at = 0; at <= total; at++) {
    fakeBrowser.reset();
    await seed();
    const kill = killAtCall(at);
    const job = runBackgroundJob(input, T0 + 1000);
    // The job either dies at the chosen call or, past the last one, ends.
    await Promise.race([kill.killed, job]);
    vi.restoreAllMocks();
    await recoverState(T0 + 2000);
    const after = await dump();
    expect(after.local.pendingSync, `a kill at call ${at} left a sync write pending after the next start`).toBeUndefined();
    outcomes.push(check(after));
  }
  // Killed before its write the change is absent (unless the start does the same work); killed after it, the next start finishes it.
  expect(outcomes[0]).toBe(recoveryApplies ? 'applied' : 'absent');
  expect(outcomes.at(-1)).toBe('applied');
  return outcomes;
}

const oldEvents = [{ type: 'skipped' as const, at: T0 - 5000, day: '2026-11-25' }];
const newEvents = [{ type: 'breakTaken' as const, at: T0 - 86_400_000, day: '2026-11-24', how: 'natural' as const }];

async function seedUser() {
  await fakeBrowser.storage.sync.set({ settings: { ...DEFAULT_SETTINGS, sittingIntervalMin: 40 }, settings$: { v: 2 } });
  await fakeBrowser.storage.local.set({ 'events:2026-11-25': oldEvents, totals: { through: '2026-11-25', days: {}, dropped: 0 }, onboarded: true });
}

describe('a worker killed at any await of a job', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
  });

  it('imports all or nothing: the history and the synced settings together', async () => {
    const bundle = buildExport({ ...DEFAULT_SETTINGS, sittingIntervalMin: 25 }, EMPTY_CUSTOMISATIONS, newEvents, {}, T0);
    await everyKill({ type: 'import', bundle }, seedUser, (after) => {
      const interval = (after.sync.settings as { sittingIntervalMin: number }).sittingIntervalMin;
      const history = JSON.stringify(daysWithEvents(after.local));
      if (interval === 40) {
        expect(history).toBe(JSON.stringify([['events:2026-11-25', oldEvents]]));
        return 'absent';
      }
      expect(interval).toBe(25);
      expect(history).toBe(JSON.stringify([['events:2026-11-24', newEvents]]));
      return 'applied';
    });
    expect((await readEventLog()).events).toEqual(newEvents);
  });

  it('resets all or nothing', async () => {
    await everyKill({ type: 'reset' }, seedUser, (after) => {
      const history = daysWithEvents(after.local).map(([key]) => key);
      if (after.sync.settings !== undefined) {
        expect((after.sync.settings as { sittingIntervalMin: number }).sittingIntervalMin).toBe(40);
        expect(history).toEqual(['events:2026-11-25']);
        return 'absent';
      }
      expect(history).toEqual([]);
      return 'applied';
    });
  });

  it('saves a settings change whole: sync, and the popup that shows it, agree', async () => {
    await everyKill({ type: 'patch', patch: { sittingIntervalMin: 30 } }, seedUser, (after) => {
      const interval = (after.sync.settings as { sittingIntervalMin: number }).sittingIntervalMin;
      expect((after.local.popup as { settings: { sittingIntervalMin: number } }).settings.sittingIntervalMin).toBe(interval);
      return interval === 30 ? 'applied' : 'absent';
    });
  });

  it('saves the reminders switch whole', async () => {
    await everyKill({ type: 'remindHere', value: false }, seedUser, (after) => {
      expect((after.local.popup as { remindHere: boolean }).remindHere).toBe(after.local.remindHere !== false);
      return after.local.remindHere === false ? 'applied' : 'absent';
    });
  });

  it('applies a policy whole: its record, and the values it sets', async () => {
    await everyKill({ type: 'policy', managed: { sittingIntervalMin: 50, locked: ['sittingIntervalMin'] } }, seedUser, (after) => {
      const interval = (after.sync.settings as { sittingIntervalMin: number }).sittingIntervalMin;
      // The policy is stored as read; its lock on the interval is there exactly when its value is.
      const managed = (after.local.policy as { managed?: { locked?: string[] } } | undefined)?.managed;
      expect(managed?.locked?.includes('sittingIntervalMin') ?? false).toBe(interval === 50);
      return interval === 50 ? 'applied' : 'absent';
    });
  });

  it('starts a routine whole: the timer and the sitting clock together', async () => {
    await everyKill({ type: 'routine', request: { type: 'start', presetId: 'desk' } }, seedUser, (after) => {
      const running = (after.local.routine as { status: string } | undefined)?.status === 'running';
      expect((after.local.sitting as { routineSince?: number }).routineSince !== undefined).toBe(running);
      return running ? 'applied' : 'absent';
    });
  });

  it('folds yesterday into the totals once, whatever await the first job of a day dies at', async () => {
    const seedYesterday = async () => {
      await seedUser();
      await fakeBrowser.storage.local.set({ totals: { through: '2026-11-24', days: {}, dropped: 0 }, 'events:2026-11-24': newEvents });
    };
    await everyKill(
      { type: 'stepAlarm' },
      seedYesterday,
      (after) => {
        const totals = after.local.totals as { through: string; days: Record<string, { breaksTaken?: number }> };
        // The start after the kill folds the day if the killed job did not: either way it is counted once.
        expect(totals.through).toBe('2026-11-25');
        expect(totals.days['2026-11-24']?.breaksTaken).toBe(1);
        return 'applied';
      },
      { recoveryApplies: true },
    );
  });
});
