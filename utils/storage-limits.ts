/**
 * What a failed storage write ran into, read from the browser's own error.
 * Pure and free of any library, so the worker and the pages share it.
 *
 * The messages, as the browsers give them (written down from real runs; see
 * tests/unit/quota.test.ts):
 * - Chromium: `Resource::kQuotaBytesPerItem quota exceeded` (a sync item over
 *   8 KB), `Resource::kQuotaBytes quota exceeded` (sync past 100 KB, or local
 *   past 10 MB: the same words, so the area decides), `Resource::kMaxItems
 *   quota exceeded` (sync past 512 items), `This request exceeds the
 *   MAX_WRITE_OPERATIONS_PER_MINUTE quota.` (and `…PER_HOUR…`). Older
 *   versions named the limits `QUOTA_BYTES_PER_ITEM`, `QUOTA_BYTES`, `MAX_ITEMS`.
 * - Firefox: `QuotaExceededError: storage.sync API call exceeded its quota
 *   limitations.` for every sync limit alike; it has no write rate limit and
 *   no local quota.
 */

export type StorageArea = 'local' | 'sync';

/** The message a page shows for a failed write: the real cause, so the user is never sent to erase everything for the wrong reason. */
export type StorageErrorKey =
  /** storage.sync refused one item over its 8 KB. */
  | 'error_sync_item_too_large'
  /** storage.sync is full: 100 KB in all, or 512 items. */
  | 'error_sync_full'
  /** storage.sync takes 120 writes a minute and 1,800 an hour. */
  | 'error_sync_rate'
  /** storage.local is full. */
  | 'error_storage_quota'
  /** Anything else: no limit of the browser's. */
  | 'error_save_failed';

/** storage.sync allows 8 KB per item, counted as the key plus its value as JSON. */
export const SYNC_ITEM_LIMIT = 8192;

export function syncItemBytes(key: string, value: unknown): number {
  return new TextEncoder().encode(key + JSON.stringify(value)).length;
}

export function fitsSyncItem(key: string, value: unknown): boolean {
  return syncItemBytes(key, value) <= SYNC_ITEM_LIMIT;
}

const RATE = /MAX_WRITE_OPERATIONS/i;
const PER_ITEM = /QuotaBytesPerItem|QUOTA_BYTES_PER_ITEM/i;
const WHOLE_STORE = /kQuotaBytes\b|QUOTA_BYTES\b|kMaxItems|MAX_ITEMS/i;
/** A limit named by no specific word: Firefox's single sync message, and any wording a browser may yet choose. */
const ANY_LIMIT = /quota|MAX_/i;

/**
 * Names the limit a write hit, as the message to show. `written`, the items
 * the failed write set, tells an item over 8 KB from a full sync store where
 * the browser's message does not (Firefox).
 */
export function storageErrorKey(error: unknown, area: StorageArea, written?: Readonly<Record<string, unknown>>): StorageErrorKey {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  if (!ANY_LIMIT.test(text)) return 'error_save_failed';
  if (area === 'local') return 'error_storage_quota';
  if (RATE.test(text)) return 'error_sync_rate';
  if (PER_ITEM.test(text)) return 'error_sync_item_too_large';
  if (WHOLE_STORE.test(text)) return 'error_sync_full';
  const tooLarge = written !== undefined && Object.entries(written).some(([key, value]) => !fitsSyncItem(key, value));
  return tooLarge ? 'error_sync_item_too_large' : 'error_sync_full';
}

/** Whether a failed write hit one of the browser's storage limits (bytes, items, or writes per minute and hour). */
export function isQuotaError(error: unknown): boolean {
  return storageErrorKey(error, 'local') === 'error_storage_quota';
}
