import { browser } from 'wxt/browser';
import type { TimerEffect } from '@/utils/routine/timer';
import { stepTitleKey } from '@/utils/routine/presets';
import { formatClock } from '@/utils/format';
import { readSettings } from '@/utils/platform/storage';
import { t, type MessageKey } from '@/utils/platform/i18n';
import { isRoutineViewOpen } from '@/utils/platform/routine-views';
import { playCueInBackground } from '@/utils/platform/cue-player';
import { cueNotification, currentBrowserKind } from '@/utils/platform/notification-options';

/** One notification id, reused, so step changes replace each other instead of piling up. */
export const CUE_NOTIFICATION_ID = 'routine-cue';

type CueEffect = Extract<TimerEffect, { type: 'stepCue' | 'finishCue' }>;

function cueText(effect: CueEffect): { title: string; message: string } {
  if (effect.type === 'finishCue') return { title: t('extName'), message: t('notify_routine_done') };
  const stepTitle = t(stepTitleKey(effect.step));
  return {
    title: t('notify_next_step_title', effect.stepIndex + 1, effect.stepCount),
    message: t('notify_next_step', stepTitle, formatClock(effect.step.durationSec * 1000)),
  };
}

/**
 * A cue with every routine view closed: a silent notification that says what
 * comes next, and the chime from wherever this browser can play sound. An
 * open view plays its own cue on time, so then the background stays quiet.
 */
export async function performStepCue(effect: CueEffect): Promise<void> {
  if (await isRoutineViewOpen()) return;
  const { settings } = await readSettings();
  const { title, message } = cueText(effect);
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
