import { fakeBrowser } from 'wxt/testing/fake-browser';

type IdleState = 'active' | 'idle' | 'locked';
type IdleListener = (state: IdleState) => void;

/**
 * Chromium's `idle` API, which the fake browser leaves unimplemented (every
 * call throws). It sits beneath the real utils/platform/environment.ts, so the
 * adapter's own rules (the threshold's unit and floor) stay under test.
 */
export const fakeIdle = {
  state: 'active' as IdleState,
  /** What the last `setDetectionInterval` asked for, in seconds, as the browser receives it. */
  detectionIntervalSeconds: undefined as number | undefined,
  listeners: [] as IdleListener[],
  /** Delivers an idle change to every listener, as Chromium would. */
  fire(state: IdleState) {
    this.state = state;
    for (const listener of [...this.listeners]) listener(state);
  },
};

export function installFakeIdle(): void {
  fakeIdle.state = 'active';
  fakeIdle.detectionIntervalSeconds = undefined;
  fakeIdle.listeners = [];
  const listeners = fakeIdle.listeners;
  Object.assign(fakeBrowser.idle, {
    setDetectionInterval: (seconds: number) => void (fakeIdle.detectionIntervalSeconds = seconds),
    queryState: async () => fakeIdle.state,
    onStateChanged: {
      addListener: (l: IdleListener) => void listeners.push(l),
      removeListener: (l: IdleListener) => void listeners.splice(listeners.indexOf(l) >>> 0, 1),
      hasListener: (l: IdleListener) => listeners.includes(l),
      hasListeners: () => listeners.length > 0,
    },
  });
}
