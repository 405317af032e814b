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
 * The current time, re-read every `periodMs` in step with `anchor` (a step's
 * start), so a countdown changes digit exactly when a second has passed.
 * With no period the time is read once per render.
 */
export function useNow(periodMs: number | undefined, anchor = 0): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (periodMs === undefined) {
      setNow(Date.now());
      return;
    }
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const current = Date.now();
      setNow(current);
      const sincePhase = (((current - anchor) % periodMs) + periodMs) % periodMs;
      timer = setTimeout(schedule, periodMs - sincePhase + 5);
    };
    schedule();
    return () => clearTimeout(timer);
  }, [periodMs, anchor]);
  return now;
}
