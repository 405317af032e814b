import { browser } from 'wxt/browser';

/**
 * What the browser can tell about the user's situation, behind one small
 * adapter: the core never calls these. Tests keep this code and fake only the
 * browser API beneath it (tests/fake-idle.ts), since the fake browser has no `idle`.
 */

export type IdleState = 'active' | 'idle' | 'locked';

export function watchIdleState(listener: (state: IdleState) => void): void {
  browser.idle.onStateChanged.addListener((state) => listener(state));
}

/** Idle is reported after this long without input; the API's floor is 15 s. */
export function setIdleThreshold(minutes: number): void {
  browser.idle.setDetectionInterval(Math.max(15, Math.round(minutes * 60)));
}

export async function queryIdleState(minutes: number): Promise<IdleState> {
  return await browser.idle.queryState(Math.max(15, Math.round(minutes * 60)));
}

/** A tab playing sound the user can hear: a call, a video, a talk. Needs no `tabs` permission. */
export async function isAudioPlaying(): Promise<boolean> {
  const tabs = await browser.tabs.query({ audible: true });
  return tabs.some((tab) => !tab.mutedInfo?.muted);
}

/** Fullscreen focused window or audible tab: a reminder should wait. */
export async function isBusy(): Promise<boolean> {
  const [focused, audio] = await Promise.all([browser.windows.getLastFocused().catch(() => undefined), isAudioPlaying().catch(() => false)]);
  return focused?.state === 'fullscreen' || audio;
}
