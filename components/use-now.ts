import { useEffect, useState } from 'preact/hooks';

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
