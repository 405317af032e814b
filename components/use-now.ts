import { useEffect, useState } from 'preact/hooks';

/**
 * The current time, read afresh at every render, and a render every
 * `periodMs` in step with `anchor` (a step's start), so a countdown changes
 * digit exactly when a second has passed. With no period it renders only
 * when its props or state change.
 *
 * Read at every render rather than kept from the last tick: a render brought
 * by new state (a Skip the background has just stored) must never pair that
 * state with a time from before it, or "45 min" shows as "46 min".
 */
export function useNow(periodMs: number | undefined, anchor = 0): number {
  const [, setTicks] = useState(0);
  useEffect(() => {
    if (periodMs === undefined) return;
    let timer: ReturnType<typeof setTimeout>;
    const schedule = () => {
      const sincePhase = (((Date.now() - anchor) % periodMs) + periodMs) % periodMs;
      timer = setTimeout(
        () => {
          setTicks((n) => n + 1);
          schedule();
        },
        periodMs - sincePhase + 5,
      );
    };
    schedule();
    return () => clearTimeout(timer);
  }, [periodMs, anchor]);
  return Date.now();
}
