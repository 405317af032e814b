import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { Storage } from 'webextension-polyfill';
import { isPopupSnapshot, type PopupSnapshot } from '@/utils/popup-snapshot';
import { sendCommand } from '@/utils/messages';

/** The key of `local:popup` as the browser's storage area names it. */
const SNAPSHOT_KEY = 'popup';

/**
 * The popup's view of everything, from one storage read, kept live as the
 * background rewrites it. A missing or foreign snapshot makes the background
 * build a fresh one, which then arrives through the same listener.
 */
export function usePopupSnapshot(): PopupSnapshot | undefined {
  const [snapshot, setSnapshot] = useState<PopupSnapshot | undefined>();
  useEffect(() => {
    let live = true;
    const accept = (raw: unknown) => {
      if (!live) return;
      if (isPopupSnapshot(raw)) setSnapshot(raw);
      else void sendCommand('refresh', undefined);
    };
    const onChanged = (changes: Record<string, Storage.StorageChange>, area: string) => {
      if (area === 'local' && SNAPSHOT_KEY in changes) accept(changes[SNAPSHOT_KEY]!.newValue);
    };
    browser.storage.onChanged.addListener(onChanged);
    void browser.storage.local.get(SNAPSHOT_KEY).then((stored) => accept(stored[SNAPSHOT_KEY]));
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);
  return snapshot;
}
