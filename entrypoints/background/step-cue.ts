import { browser } from 'wxt/browser';
import type { TimerEffect } from '@/utils/routine/timer';
import type { Settings } from '@/utils/settings/settings';
import { cueText } from '@/utils/platform/cue-text';
import { isRoutineViewOpen } from '@/utils/platform/routine-views';
import { playCueInBackground } from '@/utils/platform/cue-player';
import { cueNotification, currentBrowserKind } from '@/utils/platform/notification-options';

/** One notification id, reused, so step changes replace each other instead of piling up. */
export const CUE_NOTIFICATION_ID = 'routine-cue';

type CueEffect = Extract<TimerEffect, { type: 'stepCue' | 'finishCue' }>;

/**
 * A cue with every routine view closed: a silent notification that says what
 * comes next, and the chime from wherever this browser can play sound. An
 * open view plays its own cue on time, so then the background stays quiet.
 */
export async function performStepCue(effect: CueEffect, settings: Settings): Promise<void> {
  if (await isRoutineViewOpen()) return;
  const { title, message } = cueText(effect.type === 'stepCue' ? { step: effect.step, index: effect.stepIndex, count: effect.stepCount } : undefined);
  const iconUrl = browser.runtime.getURL('/icons/128.png');
  await browser.notifications.create(CUE_NOTIFICATION_ID, cueNotification(currentBrowserKind(), iconUrl, title, message));
  if (settings.chime || settings.spokenCues) {
    await playCueInBackground({
      chime: settings.chime,
      volume: settings.volume,
      speech: settings.spokenCues ? message : undefined,
      lang: browser.i18n.getUILanguage(),
    });
  }
}
