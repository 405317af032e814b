import { browser } from 'wxt/browser';
import type { SittingEffect } from '@/utils/sitting/rules';
import { SNOOZES_BEFORE_COUNT_SHOWN } from '@/utils/sitting/rules';
import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import { TEST_REMINDER_ID } from '@/utils/protocol/messages';
import { playCueInBackground } from '@/utils/platform/sound/cue-player';
import { currentBrowserKind, reminderNotification } from '@/utils/display/notification-options';
import { findOwnWindow, focusOwnWindow } from '@/utils/platform/windows/routine-views';

/**
 * How a due break reaches the user: a notification with buttons on Chrome,
 * a plain one on Firefox (whose notifications have none), or a small window
 * of its own, which the OS's notification settings cannot silence.
 */

const PREFIX = 'break:';
export const REMINDER_PATH = '/reminder.html';

export function reminderNotificationId(reminderId: string): string {
  return `${PREFIX}${reminderId}`;
}

/** The reminder a notification belongs to, or undefined for any other notification. */
export function reminderIdOf(notificationId: string): string | undefined {
  return notificationId.startsWith(PREFIX) ? notificationId.slice(PREFIX.length) : undefined;
}

/** Always the real time sat, which after a snooze (or a wait for a call to end) is more than the interval. */
export function reminderMessage(sittingMs: number, snoozes: number): string {
  const min = Math.floor(sittingMs / 60_000);
  return snoozes >= SNOOZES_BEFORE_COUNT_SHOWN ? t('reminder_message_snoozed', min, snoozes) : t('reminder_message', min);
}

/** Whether an address is the small window Roll Call opened for this reminder. */
const showsReminder = (reminderId: string) => (url: URL) => url.pathname === REMINDER_PATH && url.searchParams.get('id') === reminderId;

/**
 * The choice window; `error`, when a button on the notification was refused,
 * is shown there as the reason. A second click finds the window the first
 * one opened, and brings it to the front rather than opening another (whose
 * buttons then answer, so a refusal's reason is not needed there).
 */
export async function openReminderWindow(reminderId: string, error?: string): Promise<void> {
  if (await focusOwnWindow(showsReminder(reminderId))) return;
  const query = new URLSearchParams({ id: reminderId, ...(error ? { error } : {}) });
  await browser.windows.create({
    url: browser.runtime.getURL(`${REMINDER_PATH}?${query.toString()}` as '/reminder.html'),
    type: 'popup',
    width: 400,
    height: 320,
    focused: true,
  });
}

export async function showReminder(effect: Extract<SittingEffect, { type: 'showReminder' }>, settings: Settings): Promise<void> {
  await present(effect.reminderId, reminderMessage(effect.sittingMs, effect.snoozes), effect.silent, settings);
}

/** A reminder the way the user chose to get them: a window, or a notification (with a chime, if chosen). */
async function present(reminderId: string, message: string, silent: boolean, settings: Settings): Promise<void> {
  if (settings.remindWith === 'window') {
    await openReminderWindow(reminderId);
  } else {
    const text = {
      title: t('reminder_title'),
      message,
      startLabel: t('reminder_start'),
      snoozeLabel: t('reminder_snooze', settings.snoozeMin),
    };
    const iconUrl = browser.runtime.getURL('/icons/128.png');
    await browser.notifications.create(reminderNotificationId(reminderId), reminderNotification(currentBrowserKind(), iconUrl, text, silent));
  }
  if (settings.remindWith === 'notificationAndChime' && !silent) {
    await playCueInBackground({ chime: true, volume: settings.volume, lang: browser.i18n.getUILanguage() });
  }
}

/**
 * Firefox closes a notification by itself after about 20 seconds, and its
 * `onClosed` cannot say who closed it (it always reports `byUser`, Firefox
 * bug 1413188). Either way the reminder went unanswered, and a user who was
 * away would find only the "!" badge; so the small window takes its place
 * (the core decides that the reminder is still the one shown), unless a
 * window shows it already. Resolves whether it opened the window.
 */
export async function openWindowForClosedReminder(reminderId: string): Promise<boolean> {
  if ((await findOwnWindow(showsReminder(reminderId))) !== undefined) return false;
  await openReminderWindow(reminderId);
  return true;
}

/**
 * Takes a reminder off the screen, wherever it shows: its notification and
 * the small windows Roll Call opened for it. A window is closed only when it
 * is such a window (a popup-type window whose one tab is the reminder page),
 * never a window the user opened; and not the window that sent the command,
 * which closes itself once it has its reply.
 */
export async function clearReminder(reminderId: string, senderWindowId?: number): Promise<void> {
  await browser.notifications.clear(reminderNotificationId(reminderId));
  const windows = await browser.windows.getAll({ populate: true, windowTypes: ['popup'] });
  for (const window of windows) {
    const [tab, ...others] = window.tabs ?? [];
    if (window.id === undefined || window.id === senderWindowId || others.length > 0 || !tab?.url) continue;
    if (new URL(tab.url).pathname === REMINDER_PATH) await browser.windows.remove(window.id).catch(() => undefined);
  }
}

/**
 * Shown the way real reminders are, so the user learns whether they would see
 * one, but saying that it is a test. It is never stored, so the sitting state
 * does not change; its answers go through the core like a real one's, which
 * takes it off the screen (see `refuseStale` in utils/jobs/run.ts).
 */
export async function showTestReminder(settings: Settings): Promise<void> {
  await present(TEST_REMINDER_ID, t('reminder_test_message'), false, settings);
}

/** Whether a reminder shows now: its notification, or a reminder window opened for it. */
export async function isReminderOnScreen(reminderId: string): Promise<boolean> {
  const notifications = await browser.notifications.getAll().catch(() => ({}));
  if (reminderNotificationId(reminderId) in notifications) return true;
  return (await findOwnWindow(showsReminder(reminderId)).catch(() => undefined)) !== undefined;
}
