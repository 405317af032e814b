import { browser } from 'wxt/browser';
import { STORAGE_FULL_KEY, WORKER_START_KEY } from '../../storage-keys';

/**
 * What the background keeps in `storage.session`: whether the last write
 * failed because `storage.local` is full (session has room of its own, so the
 * flag can be set when nothing more fits in `local`), and which start of the
 * worker is running. Its own small module, with no schema library, so the
 * popup can show the flag without carrying one.
 */

const KEY = STORAGE_FULL_KEY;

/** When the last write failed for want of room, or null once a write succeeds again. */
export async function readStorageFull(): Promise<number | null> {
  const stored = await browser.storage.session.get(KEY);
  const value: unknown = stored[KEY];
  return typeof value === 'number' ? value : null;
}

export async function writeStorageFull(at: number | null): Promise<void> {
  await browser.storage.session.set({ [KEY]: at });
}

/** Calls `listener` with every change of the flag; returns the function that stops listening. */
export function watchStorageFull(listener: (at: number | null) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string) => {
    if (area !== 'session' || !(KEY in changes)) return;
    const value = changes[KEY].newValue;
    listener(typeof value === 'number' ? value : null);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}

export interface WorkerStart {
  id: string;
  at: number;
}

/** Marks a new start of the worker, so that a test can prove a stopped worker really started again. */
export async function writeWorkerStart(now: number): Promise<void> {
  const start: WorkerStart = { id: crypto.randomUUID(), at: now };
  await browser.storage.session.set({ [WORKER_START_KEY]: start });
}
