import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { messaging } from '@/utils/platform/messaging/send';
import { WORKER_START_KEY } from '@/utils/storage-keys';
import background from '@/entrypoints/background';

vi.mock('@/utils/platform/sound/cue-player', () => ({ playCueInBackground: vi.fn(async () => {}) }));

// Wednesday 25 November 2026, 09:00 local: inside the default active hours.
const T0 = new Date(2026, 10, 25, 9, 0).getTime();

/** Starts the worker and waits until its start job is done (commands wait in the same serial queue). */
async function startWorker(): Promise<void> {
  background.main();
  await messaging.sendMessage('sitting', { type: 'bogus' } as never).catch(() => undefined);
}

const storedStart = async () => (await fakeBrowser.storage.session.get(WORKER_START_KEY))[WORKER_START_KEY] as { id: string; at: number } | undefined;

describe('the start id of the worker (what the fault suite reads to prove a kill)', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    await fakeBrowser.storage.local.set({ onboarded: true });
  });

  it('is written to storage.session on every start, and a second start gives a new id', async () => {
    await startWorker();
    const first = await storedStart();
    expect(first).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), at: T0 });

    // A killed worker loses its globals and listeners but keeps storage.session; the next event starts it again.
    fakeBrowser.runtime.onMessage.removeAllListeners();
    vi.setSystemTime(T0 + 1000);
    await startWorker();
    const second = await storedStart();
    expect(second).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), at: T0 + 1000 });
    expect(second!.id).not.toBe(first!.id);
  });
});
