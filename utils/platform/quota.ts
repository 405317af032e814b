import type { CommandErrorKey } from '../protocol/messages';

/**
 * Whether a failed write hit one of the browser's storage limits: bytes
 * (`QUOTA_BYTES…`) or writes per minute and hour (`MAX_WRITE_OPERATIONS…`).
 * Its own module, free of any library, so the worker and the pages share it.
 */
export function isQuotaError(error: unknown): boolean {
  return /quota|MAX_/i.test(String(error));
}


/** A failed write to `storage.sync`, named by its cause. */
export function syncWriteError(error: unknown): CommandErrorKey {
  const text = String(error);
  if (/MAX_WRITE_OPERATIONS/i.test(text)) return 'error_sync_rate';
  if (/QUOTA_BYTES_PER_ITEM/i.test(text)) return 'error_sync_item_too_large';
  return isQuotaError(error) ? 'error_sync_full' : 'error_save_failed';
}
