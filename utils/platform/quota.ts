/**
 * Whether a failed write hit one of the browser's storage limits: bytes
 * (`QUOTA_BYTES…`) or writes per minute and hour (`MAX_WRITE_OPERATIONS…`).
 * Its own module, free of any library, so the worker and the pages share it.
 */
export function isQuotaError(error: unknown): boolean {
  return /quota|MAX_/i.test(String(error));
}
