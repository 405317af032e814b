import { useEffect, useState } from 'preact/hooks';
import type { WxtStorageItem } from '@wxt-dev/storage';

/**
 * The value of a storage item, parsed, and kept live: every open view shows
 * what the background last wrote. Undefined until the first read arrives.
 */
export function useStorageItem<T>(item: WxtStorageItem<unknown, Record<string, unknown>>, parse: (raw: unknown) => T): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    let changedSinceRead = false;
    const unwatch = item.watch((raw) => {
      changedSinceRead = true;
      if (live) setValue(parse(raw));
    });
    // A read that resolves after a change carries the older value; the change wins.
    void item.getValue().then((raw) => live && !changedSinceRead && setValue(parse(raw)));
    return () => {
      live = false;
      unwatch();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `parse` is fixed per item; callers may pass a new arrow each render, which must not re-subscribe and re-read
  }, [item]);
  return value;
}
