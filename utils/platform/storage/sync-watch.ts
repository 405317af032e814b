import { browser } from 'wxt/browser';

/**
 * The background's watch on `storage.sync`, with the browser's API alone: the
 * worker must stay small, so it carries no storage library. It only reads:
 * every write is a job's (entrypoints/background/job.ts).
 */

/**
 * Calls back with the new value on every change to a key in `sync` (the
 * settings, the routine changes, the last shared break); a write that leaves
 * the value as it was is no change.
 */
export function watchSyncKey(key: string, callback: (value: unknown) => void): void {
  browser.storage.sync.onChanged.addListener((changes) => {
    const change = changes[key];
    // Stored values are JSON; the same text is no change (a reordered object only costs one more job).
    if (change == null || JSON.stringify(change.newValue) === JSON.stringify(change.oldValue)) return;
    callback(change.newValue);
  });
}
