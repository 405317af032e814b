import type { IdleState } from '@/utils/platform/environment';

/**
 * Stands in for utils/platform/environment.ts in tests (the fake browser has
 * no idle API): tests set what the browser would report and fire idle changes.
 */
export const fakeEnvironment = {
  listeners: [] as Array<(state: IdleState) => void>,
  idleState: 'active' as IdleState,
  audible: false,
  fullscreen: false,
  thresholdSeconds: 0,
  reset() {
    this.listeners = [];
    this.idleState = 'active';
    this.audible = false;
    this.fullscreen = false;
    this.thresholdSeconds = 0;
  },
  /** Delivers an idle change to the background, as Chromium would. */
  fire(state: IdleState) {
    this.idleState = state;
    for (const listener of this.listeners) listener(state);
  },
};

export function watchIdleState(listener: (state: IdleState) => void): void {
  fakeEnvironment.listeners.push(listener);
}

export function setIdleThreshold(minutes: number): void {
  fakeEnvironment.thresholdSeconds = Math.max(15, Math.round(minutes * 60));
}

export async function queryIdleState(): Promise<IdleState> {
  return fakeEnvironment.idleState;
}

export async function isAudioPlaying(): Promise<boolean> {
  return fakeEnvironment.audible;
}

export async function isBusy(): Promise<boolean> {
  return fakeEnvironment.fullscreen || fakeEnvironment.audible;
}
