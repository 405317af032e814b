import { browser } from 'wxt/browser';
import type { TrackerEffect } from '@/utils/sitting/rules';
import { SNOOZES_BEFORE_TRUE_TIME } from '@/utils/sitting/rules';
import type { Settings } from '@/utils/settings/settings';
import { t } from '@/utils/platform/i18n';
import { playCueInBackground } from '@/utils/platform/cue-player';
import { currentBrowserKind, reminderNotification } from '@/utils/platform/notification-options';

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

export function reminderMessage(sittingMs: number, snoozes: number, settings: Pick<Settings, 'sittingIntervalMin'>): string {
  return snoozes >= SNOOZES_BEFORE_TRUE_TIME
    ? t('reminder_message_snoozed', Math.floor(sittingMs / 60_000), snoozes)
    : t('reminder_message', settings.sittingIntervalMin);
}

export async function openReminderWindow(reminderId: string): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL(`${REMINDER_PATH}?id=${encodeURIComponent(reminderId)}` as '/reminder.html'),
    type: 'popup',
    width: 400,
    height: 320,
    focused: true,
  });
}

export async function showReminder(effect: Extract<TrackerEffect, { type: 'showReminder' }>, settings: Settings): Promise<void> {
  if (settings.remindWith === 'window') {
    await openReminderWindow(effect.reminderId);
  } else {
    const text = {
      title: t('reminder_title'),
      message: reminderMessage(effect.sittingMs, effect.snoozes, settings),
      startLabel: t('reminder_start'),
      snoozeLabel: t('reminder_snooze', settings.snoozeMin),
    };
    const iconUrl = browser.runtime.getURL('/icons/128.png');
    await browser.notifications.create(reminderNotificationId(effect.reminderId), reminderNotification(currentBrowserKind(), iconUrl, text, effect.silent));
  }
  if (settings.remindWith === 'notificationAndChime' && !effect.silent) {
    await playCueInBackground({ chime: true, volume: settings.volume, lang: browser.i18n.getUILanguage() });
  }
}

/**
 * The window whose command the current job answers. A reminder window closes itself once it has
 * its reply; closed before that, its pending message is rejected (Firefox logs an error). Set
 * only for the length of one job on the serial queue, so no state outlives the job.
 */
let answeringWindowId: number | undefined;

export async function answeringWindow<T>(windowId: number | undefined, job: () => Promise<T>): Promise<T> {
  answeringWindowId = windowId;
  try {
    return await job();
  } finally {
    answeringWindowId = undefined;
  }
}

/** Takes a reminder off the screen, wherever it shows: its notification and any reminder window (but the one being answered). */
export async function clearReminder(reminderId: string): Promise<void> {
  await browser.notifications.clear(reminderNotificationId(reminderId));
  const windows = await browser.runtime.getContexts({ contextTypes: ['TAB'] });
  for (const context of windows) {
    if (context.documentUrl && new URL(context.documentUrl).pathname === REMINDER_PATH && context.windowId >= 0 && context.windowId !== answeringWindowId) {
      await browser.windows.remove(context.windowId).catch(() => undefined);
    }
  }
}
