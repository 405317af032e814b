import { useEffect, useState } from 'preact/hooks';
import { readStorageFull, watchStorageFull } from '@/utils/platform/storage/session';
import { t } from '@/utils/platform/i18n';

/**
 * Says plainly when the last change could not be stored because Roll Call's
 * storage is full, and what to do. Read after the first paint, so it costs
 * the popup's start nothing; it goes away once a write succeeds again.
 */
export function StorageFullNotice() {
  const [full, setFull] = useState(false);
  useEffect(() => {
    let live = true;
    const stop = watchStorageFull((at) => live && setFull(at !== null));
    void readStorageFull().then(
      (at) => live && setFull(at !== null),
      () => undefined,
    );
    return () => {
      live = false;
      stop();
    };
  }, []);
  if (!full) return null;
  return (
    <div class="notice notice--error" role="alert">
      <p>{t('storage_full_notice')}</p>
    </div>
  );
}
