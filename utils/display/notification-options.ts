/**
 * Notification options differ by browser: Chrome has up to two buttons,
 * `requireInteraction` and `silent`; Firefox has none of them and rejects
 * `silent`, so there a click opens the choice window instead.
 */

export type BrowserKind = 'chrome' | 'firefox';

export function currentBrowserKind(): BrowserKind {
  return import.meta.env.BROWSER === 'firefox' ? 'firefox' : 'chrome';
}

export interface BasicNotification {
  type: 'basic';
  iconUrl: string;
  title: string;
  message: string;
  requireInteraction?: boolean;
  silent?: boolean;
  buttons?: Array<{ title: string }>;
}

export interface ReminderText {
  title: string;
  message: string;
  startLabel: string;
  snoozeLabel: string;
}

export function reminderNotification(kind: BrowserKind, iconUrl: string, text: ReminderText, silent: boolean): BasicNotification {
  const base: BasicNotification = { type: 'basic', iconUrl, title: text.title, message: text.message };
  if (kind === 'firefox') return base;
  return { ...base, requireInteraction: true, silent, buttons: [{ title: text.startLabel }, { title: text.snoozeLabel }] };
}

/** The step cue: never a sound of its own, since the chime plays separately, exactly once. */
export function cueNotification(kind: BrowserKind, iconUrl: string, title: string, message: string): BasicNotification {
  const base: BasicNotification = { type: 'basic', iconUrl, title, message };
  return kind === 'firefox' ? base : { ...base, silent: true };
}
