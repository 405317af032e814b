import { browser } from 'wxt/browser';

/**
 * What the organisation deployed in managed storage: `null` when there is none (Firefox throws then),
 * `undefined` when the browser does not answer within `timeoutMs` — after a restart Chromium can hold
 * the answer while its policies load, and a job must not wait on it with every later job queued behind.
 */
export function readManagedStorage(timeoutMs: number): Promise<unknown> {
  const late = new Promise<undefined>((resolve) => setTimeout(resolve, timeoutMs));
  return Promise.race([browser.storage.managed.get().catch(() => null), late]);
}
