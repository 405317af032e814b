import { describe, expect, it } from 'vitest';
import { isQuotaError, storageErrorKey, type StorageArea, type StorageErrorKey } from '@/utils/storage-limits';

/**
 * The messages are the browsers' own, recorded by filling storage in real
 * Chromium 156 and Firefox ESR 153 (an item over 8 KB, sync past 100 KB and
 * 512 items, 130 sync writes in a row, local past 10 MB without
 * unlimitedStorage). Firefox enforces no write rate and no local quota.
 */
const CHROMIUM = {
  perItem: 'Resource::kQuotaBytesPerItem quota exceeded',
  bytes: 'Resource::kQuotaBytes quota exceeded',
  items: 'Resource::kMaxItems quota exceeded',
  perMinute: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.',
  perHour: 'This request exceeds the MAX_WRITE_OPERATIONS_PER_HOUR quota.',
};
const FIREFOX_SYNC = 'storage.sync API call exceeded its quota limitations.';
const firefoxError = () => Object.assign(new Error(FIREFOX_SYNC), { name: 'QuotaExceededError' });

const bigRoutine = { custom: [{ id: 'mine', steps: Array.from({ length: 500 }, (_, i) => ({ id: `s${i}`, durationSec: 30 })) }] };

const table: Array<[string, unknown, StorageArea, Record<string, unknown> | undefined, StorageErrorKey]> = [
  ['Chromium 156, one sync item over 8 KB', new Error(CHROMIUM.perItem), 'sync', undefined, 'error_sync_item_too_large'],
  ['Chromium 156, sync past 100 KB', new Error(CHROMIUM.bytes), 'sync', undefined, 'error_sync_full'],
  ['Chromium 156, sync past 512 items', new Error(CHROMIUM.items), 'sync', undefined, 'error_sync_full'],
  ['Chromium 156, sync writes per minute', new Error(CHROMIUM.perMinute), 'sync', undefined, 'error_sync_rate'],
  ['Chromium, sync writes per hour', new Error(CHROMIUM.perHour), 'sync', undefined, 'error_sync_rate'],
  ['Chromium 156, local past 10 MB', new Error(CHROMIUM.bytes), 'local', undefined, 'error_storage_quota'],
  ['older Chromium, one sync item over 8 KB', new Error('QUOTA_BYTES_PER_ITEM quota exceeded'), 'sync', undefined, 'error_sync_item_too_large'],
  ['older Chromium, sync full', new Error('QUOTA_BYTES quota exceeded'), 'sync', undefined, 'error_sync_full'],
  ['older Chromium, local full', new Error('QUOTA_BYTES quota exceeded'), 'local', undefined, 'error_storage_quota'],
  ['Firefox 153, sync, an item written is over 8 KB', firefoxError(), 'sync', { presets: bigRoutine }, 'error_sync_item_too_large'],
  ['Firefox 153, sync, every item written fits', firefoxError(), 'sync', { settings: { snoozeMin: 5 } }, 'error_sync_full'],
  ['Firefox 153, sync, nothing known of what was written', firefoxError(), 'sync', undefined, 'error_sync_full'],
  ['Firefox, the message as a string', `QuotaExceededError: ${FIREFOX_SYNC}`, 'sync', undefined, 'error_sync_full'],
  ['a lost connection to the worker', new Error('Could not establish connection. Receiving end does not exist.'), 'sync', undefined, 'error_save_failed'],
  ['a lost connection, local', new Error('Could not establish connection. Receiving end does not exist.'), 'local', undefined, 'error_save_failed'],
  ['not an error at all', undefined, 'sync', undefined, 'error_save_failed'],
];

describe('storage write failures, named by their real cause', () => {
  it.each(table)('%s', (_, error, area, written, expected) => {
    expect(storageErrorKey(error, area, written)).toBe(expected);
  });

  it('never sends a sync failure to the local store\'s "Reset everything" advice', () => {
    for (const [, error, area, written] of table) {
      if (area === 'sync') expect(storageErrorKey(error, area, written)).not.toBe('error_storage_quota');
    }
  });

  it('names sync failures with the items written, where the browser does not say which limit', () => {
    expect(storageErrorKey(new Error(CHROMIUM.perItem), 'sync')).toBe('error_sync_item_too_large');
    expect(storageErrorKey(new Error(CHROMIUM.bytes), 'sync')).toBe('error_sync_full');
    expect(storageErrorKey(firefoxError(), 'sync', { presets: bigRoutine })).toBe('error_sync_item_too_large');
  });

  it('a local write that hit a limit marks storage as full', () => {
    expect(isQuotaError(new Error(CHROMIUM.bytes))).toBe(true);
    expect(isQuotaError(new Error('Could not establish connection.'))).toBe(false);
  });
});
