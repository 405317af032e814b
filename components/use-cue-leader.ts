import { useEffect, useState } from 'preact/hooks';

const CUE_LOCK = 'roll-call-step-cues';

/**
 * Whether this view plays the step-change cues. The popup, the pop-out window
 * and the side panel can be open together; a Web Lock shared by the
 * extension's pages lets exactly one of them chime and speak, and passes the
 * part on when that one closes. Without the Locks API every view plays.
 */
export function useCueLeader(): boolean {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  const [leader, setLeader] = useState(locks === undefined);
  useEffect(() => {
    if (!locks) return;
    const giveUp = new AbortController();
    let release: () => void = () => undefined;
    locks
      .request(CUE_LOCK, { signal: giveUp.signal }, () => {
        setLeader(true);
        return new Promise<void>((resolve) => (release = resolve));
      })
      .catch(() => undefined);
    return () => {
      giveUp.abort();
      release();
    };
  }, [locks]);
  return leader;
}
