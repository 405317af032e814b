import { browser } from 'wxt/browser';

/**
 * The organisation's policy as the browser has it now: Chrome's managed
 * storage, or Firefox's `3rdparty` policies; null when there is none (Firefox
 * throws then). After a restart Chromium can hold this answer for seconds
 * while its policies load, so no job waits on it: the jobs use the policy last
 * applied, and the answer, when it comes, is a job of its own.
 */
export async function readManagedPolicy(): Promise<unknown> {
  return browser.storage.managed.get().catch(() => null);
}
