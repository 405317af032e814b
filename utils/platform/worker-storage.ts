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
    if (change == null || deepEqual(change.newValue, change.oldValue)) return;
    callback(change.newValue);
  });
}

/** Deep equality of stored values (dequal/lite, as the storage library compares them). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a && b && typeof a === 'object' && typeof b === 'object' && a.constructor === b.constructor) {
    const ctor = a.constructor;
    if (ctor === Date) return (a as Date).getTime() === (b as Date).getTime();
    if (ctor === RegExp) return (a as RegExp).toString() === (b as RegExp).toString();
    if (ctor === Array) {
      const x = a as unknown[];
      const y = b as unknown[];
      return x.length === y.length && x.every((item, i) => deepEqual(item, y[i]));
    }
    const x = a as Record<string, unknown>;
    const y = b as Record<string, unknown>;
    const keys = Object.keys(x);
    return keys.length === Object.keys(y).length && keys.every((k) => k in y && deepEqual(x[k], y[k]));
  }
  // NaN equals NaN.
  return a !== a && b !== b;
}
