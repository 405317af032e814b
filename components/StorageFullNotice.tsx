import { storageFullItem } from '@/utils/platform/storage';
import { t } from '@/utils/platform/i18n';
import { useStorageItem } from './use-storage';

const readFlag = (raw: unknown) => typeof raw === 'number';

/**
 * Says plainly when the last change could not be stored because Roll Call's
 * storage is full, and what to do. Read after the first paint, so it costs
 * the popup's start nothing; it goes away once a write succeeds again.
 */
export function StorageFullNotice() {
  const full = useStorageItem(storageFullItem, readFlag);
  if (!full) return null;
  return (
    <div class="notice notice--error" role="alert">
      <p>{t('storage_full_notice')}</p>
    </div>
  );
}
