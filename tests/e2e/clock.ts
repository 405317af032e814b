import type { ExtensionHarness } from './fixture';

/**
 * Long waits without waiting (the design notes' recipe): the shell reads time
 * only through Date.now(), so moving the worker's clock and firing its pending
 * alarms on the real clock makes it see the time as passed. A fresh worker
 * starts on the real clock again.
 */
export async function passTimeInWorker(harness: ExtensionHarness, ms: number, alarmNames: readonly string[]): Promise<void> {
  await harness.inWorker(
    async ({ shift, names }) => {
      const state = globalThis as { realNow?: () => number; clockOffset?: number };
      state.realNow ??= Date.now.bind(Date);
      const real = state.realNow;
      state.clockOffset = (state.clockOffset ?? 0) + shift;
      const offset = state.clockOffset;
      Date.now = () => real() + offset;
      for (const name of names) {
        const pending = await chrome.alarms.get(name);
        await chrome.alarms.create(name, { when: real() + 500, ...(pending?.periodInMinutes ? { periodInMinutes: pending.periodInMinutes } : {}) });
      }
    },
    { shift: ms, names: [...alarmNames] },
  );
}

/** Moves the clock of every extension page opened from now on (pages otherwise keep the real clock). */
export async function movePageClocks(harness: ExtensionHarness, ms: number): Promise<void> {
  await harness.context.addInitScript((shift) => {
    const real = Date.now.bind(Date);
    Date.now = () => real() + shift;
  }, ms);
}
