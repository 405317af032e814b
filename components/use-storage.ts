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
    const unwatch = item.watch((raw) => live && setValue(parse(raw)));
    void item.getValue().then((raw) => live && setValue(parse(raw)));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}

/**
 * The current time, re-read on every whole second of `anchor` (a step's
 * start), so the countdown changes digit exactly when a second has passed.
 */
export function useNow(running: boolean, anchor = 0): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) {
      setNow(Date.now());
      return;
    }
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const current = Date.now();
      setNow(current);
      const sincePhase = (((current - anchor) % 1000) + 1000) % 1000;
      timer = setTimeout(schedule, 1000 - sincePhase + 5);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [running, anchor]);
  return now;
}
